/**
 * A person's rights over what the directory holds about their address: a copy, the
 * erasure; and the purge that applies the retention periods the privacy notice states.
 * Each module reads and purges its own tables: this one only asks them.
 * <p>
 * The modules it may use are declared here and checked by {@code ModularityTests}.
 */
@ApplicationModule(allowedDependencies = { "census", "directory", "mail", "security", "web" })
package fr.lianes.repertoire.privacy;

import org.springframework.modulith.ApplicationModule;
