/**
 * The census questionnaire: drafts, steps, emailed links, submissions and the decision on
 * them.
 * <p>
 * The modules it may use are declared here and checked by {@code ModularityTests}.
 */
@ApplicationModule(allowedDependencies = { "directory", "history", "limits", "mail", "reference", "web" })
package fr.lianes.repertoire.census;

import org.springframework.modulith.ApplicationModule;
