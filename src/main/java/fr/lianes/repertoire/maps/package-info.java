/**
 * The maps and their shades.
 * <p>
 * The modules it may use are declared here and checked by {@code ModularityTests}.
 */
@ApplicationModule(allowedDependencies = { "reference" })
package fr.lianes.repertoire.maps;

import org.springframework.modulith.ApplicationModule;
