package fr.lianes.repertoire.search;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What to search: words (may be empty: everything), filter values (several values of one
 * filter are alternatives, filters combine), an order and a page.
 *
 * @param q the words typed, cut after the last whole word within {@link #MAX_LENGTH}
 * characters
 * @param filters the selected values of each filter
 * @param sort the order of the results
 * @param page the page, from 1
 * @param size the number of results per page, 1 to 100
 */
public record SearchQuery(String q, Map<SearchFilter, List<String>> filters, Sort sort, int page, int size) {

	/** Longer inputs are cut: nobody types more, and each word costs a clause. */
	public static final int MAX_LENGTH = 200;

	public SearchQuery {
		q = (q != null) ? q.strip() : "";
		if (q.length() > MAX_LENGTH) {
			// between two words: half a word would have to be found too
			int space = q.lastIndexOf(' ', MAX_LENGTH);
			q = q.substring(0, (space > 0) ? space : MAX_LENGTH).strip();
		}
		EnumMap<SearchFilter, List<String>> copy = new EnumMap<>(SearchFilter.class);
		if (filters != null) {
			filters.forEach((filter, values) -> {
				if (values != null && !values.isEmpty()) {
					copy.put(filter, List.copyOf(values));
				}
			});
		}
		filters = copy;
		sort = (sort != null) ? sort : Sort.RELEVANCE;
		page = Math.max(1, page);
		size = Math.max(1, Math.min(100, size));
	}

	/** The first page of 20 results for these words, by relevance, unfiltered. */
	public static SearchQuery of(String q) {
		return new SearchQuery(q, Map.of(), Sort.RELEVANCE, 1, 20);
	}

	/** This query with the values of one filter replaced. */
	public SearchQuery with(SearchFilter filter, List<String> values) {
		Map<SearchFilter, List<String>> copy = new EnumMap<>(SearchFilter.class);
		copy.putAll(this.filters);
		copy.put(filter, values);
		return new SearchQuery(this.q, copy, this.sort, this.page, this.size);
	}

	public SearchQuery sortedBy(Sort sort) {
		return new SearchQuery(this.q, this.filters, sort, this.page, this.size);
	}

	public SearchQuery atPage(int page, int size) {
		return new SearchQuery(this.q, this.filters, this.sort, page, size);
	}

	public List<String> values(SearchFilter filter) {
		return this.filters.getOrDefault(filter, List.of());
	}

	/**
	 * The order of the results. {@code RELEVANCE} without words is by name.
	 */
	public enum Sort {

		RELEVANCE, NAME, RECENT

	}

}
