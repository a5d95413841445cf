/**
 * The change log of actors and projects ({@code change_log}); the directory's writers
 * record into it.
 * <p>
 * The modules it may use are declared here and checked by {@code ModularityTests}.
 */
@ApplicationModule(allowedDependencies = {})
package fr.lianes.repertoire.history;

import org.springframework.modulith.ApplicationModule;
