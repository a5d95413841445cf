/**
 * The back office: controllers and view models over the other modules' APIs.
 * <p>
 * The modules it may use are declared here and checked by {@code ModularityTests}.
 */
@ApplicationModule(allowedDependencies = { "backup", "census", "directory", "history", "reference", "search", "web" })
package fr.lianes.repertoire.moderation;

import org.springframework.modulith.ApplicationModule;
