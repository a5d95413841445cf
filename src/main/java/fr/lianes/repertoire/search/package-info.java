/**
 * The full-text index: French analysis, queries with facets, suggestions, rebuilds.
 * <p>
 * The modules it may use are declared here and checked by {@code ModularityTests}.
 */
@ApplicationModule(allowedDependencies = { "database" })
package fr.lianes.repertoire.search;

import org.springframework.modulith.ApplicationModule;
