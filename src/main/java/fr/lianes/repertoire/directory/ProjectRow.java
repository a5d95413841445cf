package fr.lianes.repertoire.directory;

import java.util.List;

/**
 * A project as listed.
 *
 * @param markedTitle the title with the searched words in {@code <mark>}, HTML-escaped,
 * or null
 * @param excerpt a passage of the description with the searched words marked, or null
 */
public record ProjectRow(String slug, String title, String leadSlug, String leadName, ProjectKind kind,
		ProjectStatus status, Integer startYear, Integer endYear, List<String> countries, List<String> domains,
		String markedTitle, String excerpt) {

	ProjectRow withHighlights(String markedTitle, String excerpt) {
		return new ProjectRow(this.slug, this.title, this.leadSlug, this.leadName, this.kind, this.status,
				this.startYear, this.endYear, this.countries, this.domains, markedTitle, excerpt);
	}

}
