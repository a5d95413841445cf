/**
 * Rate limits: token buckets by key, held in memory for one instance, or counted in
 * PostgreSQL across instances ({@code repertoire.cluster.enabled}).
 * <p>
 * The modules it may use are declared here and checked by {@code ModularityTests}.
 */
@ApplicationModule(allowedDependencies = {})
package fr.lianes.repertoire.limits;

import org.springframework.modulith.ApplicationModule;
