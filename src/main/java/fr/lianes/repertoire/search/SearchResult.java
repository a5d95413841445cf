package fr.lianes.repertoire.search;

import java.util.List;
import java.util.Map;

/**
 * One page of results.
 *
 * @param total the exact number of results
 * @param page the page returned, from 1: the last one when the query asked for a page
 * past the end
 * @param ids the identifiers of the page's entities, in order
 * @param facets for each filter, the number of results each value would give with the
 * other filters in force (its own selection left out), most frequent first
 * @param highlights for entities where the words were found in the name (or title) or the
 * description, the passages with the words in {@code <mark>}, HTML-escaped; for actors,
 * also the project of theirs the words were found in
 */
public record SearchResult(long total, int page, List<Long> ids, Map<SearchFilter, Map<String, Long>> facets,
		Map<Long, Highlights> highlights) {

	/**
	 * @param name the name (or title) with the words marked, or null
	 * @param excerpt a passage of the description with the words marked, or null
	 * @param project for an actor, the project of its that the words were found in, or
	 * null
	 */
	public record Highlights(String name, String excerpt, ProjectMatch project) {

		public Highlights(String name, String excerpt) {
			this(name, excerpt, null);
		}

		Highlights withProject(ProjectMatch project) {
			return new Highlights(this.name, this.excerpt, project);
		}

	}

	/**
	 * The project of a listed actor that the words were found in.
	 *
	 * @param slug its slug, for its address
	 * @param title its title
	 * @param markedTitle its title with the words in {@code <mark>}, HTML-escaped, or
	 * null when the words are elsewhere
	 * @param field where else the words are marked: {@code localities}, {@code partners}
	 * or {@code description}; null if nowhere else
	 * @param passage that passage with the words marked, HTML-escaped, or null
	 */
	public record ProjectMatch(String slug, String title, String markedTitle, String field, String passage) {

	}

}
