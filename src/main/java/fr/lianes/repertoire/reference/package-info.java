/**
 * The shared reference lists: countries, départements, territories, EPCI, communes,
 * domains, actor types, networks.
 * <p>
 * The modules it may use are declared here and checked by {@code ModularityTests}.
 */
@ApplicationModule(allowedDependencies = {})
package fr.lianes.repertoire.reference;

import org.springframework.modulith.ApplicationModule;
