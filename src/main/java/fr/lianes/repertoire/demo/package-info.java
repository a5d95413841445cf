/**
 * The deterministic demo-directory generator: its entries go in through the directory's
 * bulk load, its census through the census module's campaigns.
 * <p>
 * The modules it may use are declared here and checked by {@code ModularityTests}.
 */
@ApplicationModule(allowedDependencies = { "census", "directory", "reference" })
package fr.lianes.repertoire.demo;

import org.springframework.modulith.ApplicationModule;
