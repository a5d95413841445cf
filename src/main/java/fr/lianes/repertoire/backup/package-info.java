/**
 * Backups on schedule, their retention and health, and the {@code restore} command.
 * <p>
 * The modules it may use are declared here and checked by {@code ModularityTests}.
 */
@ApplicationModule(allowedDependencies = { "search", "time" })
package fr.lianes.repertoire.backup;

import org.springframework.modulith.ApplicationModule;
