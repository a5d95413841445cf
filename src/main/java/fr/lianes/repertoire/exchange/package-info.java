/**
 * What leaves the directory: downloads of the lists as filtered, the open read API
 * ({@code /api/v1}) and its documentation, IATI, feeds, the sitemap and the widget
 * ({@code /integrer}), through the one rule of what is public.
 * <p>
 * The modules it may use are declared here and checked by {@code ModularityTests}.
 */
@ApplicationModule(allowedDependencies = { "directory", "figures", "limits", "maps", "reference", "search", "web" })
package fr.lianes.repertoire.exchange;

import org.springframework.modulith.ApplicationModule;
