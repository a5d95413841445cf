/**
 * The embedded PostgreSQL server for runs without a database of their own.
 * <p>
 * The modules it may use are declared here and checked by {@code ModularityTests}.
 */
@ApplicationModule(allowedDependencies = {})
package fr.lianes.repertoire.database;

import org.springframework.modulith.ApplicationModule;
