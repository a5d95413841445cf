/**
 * The application's one clock, in the network's zone, and the zone pages write moments
 * in.
 * <p>
 * The modules it may use are declared here and checked by {@code ModularityTests}.
 */
@ApplicationModule(allowedDependencies = {})
package fr.lianes.repertoire.time;

import org.springframework.modulith.ApplicationModule;
