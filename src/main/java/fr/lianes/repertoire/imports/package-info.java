/**
 * The import of the network's old directory: its exports (CSV, XLSX) read as they are,
 * their columns and values matched to the directory's, a dry run, then the entries
 * written through the directory's write path, from the back office or the command line.
 * <p>
 * The modules it may use are declared here and checked by {@code ModularityTests}.
 */
@ApplicationModule(allowedDependencies = { "database", "directory", "reference", "web" })
package fr.lianes.repertoire.imports;

import org.springframework.modulith.ApplicationModule;
