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
 * description, the passages with the words in {@code <mark>}, HTML-escaped
 */
public record SearchResult(long total, int page, List<Long> ids, Map<SearchFilter, Map<String, Long>> facets,
		Map<Long, Highlights> highlights) {

	/**
	 * @param name the name (or title) with the words marked, or null
	 * @param excerpt a passage of the description with the words marked, or null
	 */
	public record Highlights(String name, String excerpt) {

	}

}
