/**
 * The public pages' HTTP caching: each rendered page kept by address, language and
 * content version, served again while the version holds, with {@code ETag},
 * {@code Last-Modified} and {@code 304 Not Modified}, and {@code Cache-Control: public}
 * for browsers and proxies.
 * <p>
 * The modules it may use are declared here and checked by {@code ModularityTests}.
 */
@ApplicationModule(allowedDependencies = { "figures", "reference", "search" })
package fr.lianes.repertoire.pages;

import org.springframework.modulith.ApplicationModule;
