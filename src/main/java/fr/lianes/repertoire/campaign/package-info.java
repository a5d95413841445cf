/**
 * Census campaigns: invitations in batches, progress, reminders, response rates.
 * <p>
 * The modules it may use are declared here and checked by {@code ModularityTests}.
 */
@ApplicationModule(allowedDependencies = { "census", "directory", "mail", "web" })
package fr.lianes.repertoire.campaign;

import org.springframework.modulith.ApplicationModule;
