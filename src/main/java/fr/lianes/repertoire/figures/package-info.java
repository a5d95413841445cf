/**
 * The key figures ({@code /chiffres}) and their charts.
 * <p>
 * The modules it may use are declared here and checked by {@code ModularityTests}.
 */
@ApplicationModule(allowedDependencies = { "census", "directory", "maps", "reference", "time", "web" })
package fr.lianes.repertoire.figures;

import org.springframework.modulith.ApplicationModule;
