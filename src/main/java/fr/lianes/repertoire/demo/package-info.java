/**
 * The deterministic demo-directory generator.
 * <p>
 * The modules it may use are declared here and checked by {@code ModularityTests}.
 */
@ApplicationModule(allowedDependencies = { "directory", "reference" })
package fr.lianes.repertoire.demo;

import org.springframework.modulith.ApplicationModule;
