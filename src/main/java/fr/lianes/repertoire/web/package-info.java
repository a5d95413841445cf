/**
 * Layout, locale, error pages, legal pages, request limits.
 * <p>
 * The modules it may use are declared here and checked by {@code ModularityTests}.
 */
@ApplicationModule(allowedDependencies = { "database" })
package fr.lianes.repertoire.web;

import org.springframework.modulith.ApplicationModule;
