/**
 * Actors, contact persons and their consents, projects, partners: the entries and their
 * public pages.
 * <p>
 * The modules it may use are declared here and checked by {@code ModularityTests}.
 */
@ApplicationModule(allowedDependencies = { "history", "maps", "reference", "search", "web" })
package fr.lianes.repertoire.directory;

import org.springframework.modulith.ApplicationModule;
