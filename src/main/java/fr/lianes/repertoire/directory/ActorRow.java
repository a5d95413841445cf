package fr.lianes.repertoire.directory;

import java.time.Instant;
import java.util.List;

import fr.lianes.repertoire.search.SearchResult;

/**
 * An actor as listed.
 *
 * @param markedName the name with the searched words in {@code <mark>}, HTML-escaped, or
 * null
 * @param excerpt a passage of the description with the searched words marked,
 * HTML-escaped, or null
 * @param match the project of the actor's that the searched words were found in, or null
 */
public record ActorRow(String slug, String name, String acronym, ActorStatus status, String typeName,
		String communeName, String territoryName, List<String> countries, Instant updatedAt, String markedName,
		String excerpt, SearchResult.ProjectMatch match) {

	ActorRow withHighlights(SearchResult.Highlights marks) {
		return new ActorRow(this.slug, this.name, this.acronym, this.status, this.typeName, this.communeName,
				this.territoryName, this.countries, this.updatedAt, marks.name(), marks.excerpt(), marks.project());
	}

}
