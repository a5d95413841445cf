/**
 * HTTP security, staff accounts and their sign-in.
 * <p>
 * The modules it may use are declared here and checked by {@code ModularityTests}.
 */
@ApplicationModule(allowedDependencies = { "limits", "mail", "web" })
package fr.lianes.repertoire.security;

import org.springframework.modulith.ApplicationModule;
