package fr.lianes.repertoire.search;

/**
 * Names of the analyzers and normalizers that {@link FrenchAnalysis} defines, for the
 * mapping annotations of the indexed entities and for the queries.
 */
public final class SearchAnalyzers {

	/**
	 * French text as indexed: elision, lowercase, accent folding, a few stop words, light
	 * stemming.
	 */
	public static final String FRENCH = "french";

	/** French text as searched: {@link #FRENCH} plus the synonyms of the field. */
	public static final String FRENCH_SEARCH = "french_search";

	/**
	 * {@link #FRENCH} cut into prefixes (2 to 15 characters), for the fields that answer
	 * words being typed; searched with {@link #FRENCH}.
	 */
	public static final String FRENCH_PREFIX = "french_prefix";

	/** Names to sort on: lowercase, without accents. */
	public static final String SORT = "sort";

	private SearchAnalyzers() {
	}

}
