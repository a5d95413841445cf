package fr.lianes.repertoire.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.StopFilterFactory;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilterFactory;
import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilterFactory;
import org.apache.lucene.analysis.standard.StandardTokenizerFactory;
import org.apache.lucene.analysis.util.ElisionFilterFactory;
import org.apache.lucene.util.ClasspathResourceLoader;
import org.hibernate.search.backend.elasticsearch.ElasticsearchExtension;
import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.common.BooleanOperator;
import org.hibernate.search.engine.search.common.ValueModel;
import org.hibernate.search.engine.search.highlighter.dsl.HighlighterEncoder;
import org.hibernate.search.engine.search.predicate.SearchPredicate;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.predicate.dsl.SimpleQueryFlag;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.engine.search.query.SearchScroll;
import org.hibernate.search.engine.search.query.SearchScrollResult;
import org.hibernate.search.engine.search.sort.SearchSort;
import org.hibernate.search.engine.search.sort.dsl.SearchSortFactory;
import org.hibernate.search.mapper.orm.scope.SearchScope;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.hibernate.search.util.common.SearchException;

/**
 * The search of the lists on a backend other than the embedded Lucene index (an
 * Elasticsearch or OpenSearch cluster), through Hibernate Search's backend-neutral DSL:
 * the same results, totals, disjunctive facets, orders, highlights and project matches as
 * {@link DirectorySearch}'s single pass over the Lucene index, behind the same API.
 * <p>
 * The words mean the same: the clauses of {@link TextQuery} (same fields, boosts,
 * operators and typos), each a simple query string, which the cluster parses as Lucene's
 * simple query parser does, with the fields' search analyzers (the same analysis:
 * {@link FrenchElasticsearchAnalysis}), a synonym of several words included (its words
 * together in one field, not a phrase: see {@link #clause}). Facets: the facets of the
 * filters without a selection come with the results; each filter with a selection counts
 * in a query of its own, without its selection. The order ends with the document
 * identifier, as on Lucene; slices continue after their last result's sort values
 * ({@code search_after}, with the raw hit's sort values): with the simple query strings
 * written as JSON, the Elasticsearch-specific parts.
 */
final class DslSearch {

	private static final String NAME_HIGHLIGHTER = "name";

	private static final String DESCRIPTION = "description";

	private static final String PUBLISHED = "published";

	/** The last key of every order: the document identifier (the entity id). */
	private static final String BY_ID = "{\"_id\":\"asc\"}";

	/**
	 * Elasticsearch's default {@code index.max_result_window}: no page reaches beyond.
	 */
	static final int MAX_WINDOW = 10_000;

	private static final int MAX_FACET_VALUES = 500;

	private static volatile Analyzer stemmer;

	private DslSearch() {
	}

	/**
	 * The analyzer the fields are indexed with ({@link SearchAnalyzers#FRENCH}), as a
	 * plain Lucene analyzer, for the typos of {@link TextQuery}: the cluster's analysis
	 * of the same name gives the same terms (OpenSearchBackendTests compares them).
	 */
	static Analyzer stemmer() {
		Analyzer analyzer = stemmer;
		if (analyzer == null) {
			try {
				analyzer = CustomAnalyzer.builder(new ClasspathResourceLoader(DslSearch.class.getClassLoader()))
					.withTokenizer(StandardTokenizerFactory.class)
					.addTokenFilter(ElisionFilterFactory.class, "ignoreCase", "true")
					.addTokenFilter(LowerCaseFilterFactory.class)
					.addTokenFilter(ASCIIFoldingFilterFactory.class)
					.addTokenFilter(StopFilterFactory.class, "words", FrenchAnalysis.STOP_WORDS, "ignoreCase", "true")
					.addTokenFilter(FrenchLightStemFilterFactory.class)
					.build();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			stemmer = analyzer;
		}
		return analyzer;
	}

	/** The clauses of {@link TextQuery#lucene}, as simple query strings. */
	static SearchPredicate words(SearchPredicateFactory f, SearchTarget target, TextQuery text) {
		var bool = f.bool();
		String words = text.words();
		if (words.indexOf(' ') < 0) {
			bool.should(clause(f, target.textFields(), words, TextQuery.EXACT_BOOST + TextQuery.TOGETHER_BOOST,
					BooleanOperator.AND, EnumSet.of(SimpleQueryFlag.WHITESPACE)));
		}
		else {
			bool.should(clause(f, target.textFields(), words, TextQuery.EXACT_BOOST, BooleanOperator.AND,
					EnumSet.of(SimpleQueryFlag.WHITESPACE)));
			bool.should(clause(f, target.textFields(), words, TextQuery.TOGETHER_BOOST, BooleanOperator.AND,
					EnumSet.noneOf(SimpleQueryFlag.class)));
			if (words.split(" ").length <= TextQuery.PHRASE_MAX_WORDS) {
				bool.should(clause(f, target.textFields(), "\"" + words + "\"~" + TextQuery.PHRASE_SLOP,
						TextQuery.PHRASE_BOOST, BooleanOperator.AND,
						EnumSet.of(SimpleQueryFlag.PHRASE, SimpleQueryFlag.NEAR)));
			}
		}
		bool.should(clause(f, Map.of(target.prefixField(), 1f), words, TextQuery.PREFIX_BOOST, BooleanOperator.AND,
				EnumSet.of(SimpleQueryFlag.WHITESPACE)));
		if (!text.fuzzy().isEmpty()) {
			bool.should(clause(f, target.typoFields(), text.fuzzy(), TextQuery.FUZZY_BOOST, BooleanOperator.AND,
					EnumSet.of(SimpleQueryFlag.WHITESPACE, SimpleQueryFlag.FUZZY)));
		}
		return bool.toPredicate();
	}

	/** The clauses of {@link TextQuery#anyWord}, as simple query strings. */
	static SearchPredicate anyWord(SearchPredicateFactory f, SearchTarget target, TextQuery text) {
		var bool = f.bool();
		bool.should(clause(f, target.textFields(), text.words(), TextQuery.EXACT_BOOST, BooleanOperator.OR,
				EnumSet.of(SimpleQueryFlag.WHITESPACE)));
		if (!text.fuzzy().isEmpty()) {
			bool.should(clause(f, target.typoFields(), text.fuzzy(), TextQuery.FUZZY_BOOST, BooleanOperator.OR,
					EnumSet.of(SimpleQueryFlag.WHITESPACE, SimpleQueryFlag.FUZZY)));
		}
		return bool.toPredicate();
	}

	/**
	 * One simple query string, written as the JSON Hibernate Search's
	 * {@code simpleQueryString} sends (fields with their boosts, default operator, flags,
	 * boost) and one setting more: {@code auto_generate_synonyms_phrase_query} off. The
	 * cluster's default (on) makes each synonym of several words a phrase ("ECSI" then
	 * finds only the exact « éducation à la citoyenneté et à la solidarité internationale
	 * », the same stop words between the same words), where Lucene's simple query parser,
	 * which {@link TextQuery} uses, looks for the synonym's words together in one field,
	 * in any order; Hibernate Search's DSL has no option for it.
	 */
	private static SearchPredicate clause(SearchPredicateFactory f, Map<String, Float> fields, String text, float boost,
			BooleanOperator eachWord, Set<SimpleQueryFlag> flags) {
		JsonArray names = new JsonArray();
		fields.forEach((field, weight) -> names.add(field + "^" + weight));
		JsonObject clause = new JsonObject();
		clause.addProperty("query", text);
		clause.add("fields", names);
		clause.addProperty("default_operator", (eachWord == BooleanOperator.AND) ? "and" : "or");
		clause.addProperty("flags", flags(flags));
		clause.addProperty("auto_generate_synonyms_phrase_query", false);
		clause.addProperty("boost", boost);
		JsonObject predicate = new JsonObject();
		predicate.add("simple_query_string", clause);
		return f.extension(ElasticsearchExtension.get()).fromJson(predicate).toPredicate();
	}

	/** The flags as the cluster names them, as Hibernate Search writes them. */
	private static String flags(Set<SimpleQueryFlag> flags) {
		if (flags.isEmpty()) {
			return "NONE";
		}
		return flags.stream()
			.map((flag) -> (flag == SimpleQueryFlag.NEAR) ? "SLOP" : flag.name())
			.collect(Collectors.joining("|"));
	}

	/** The words, the published content, and the selections of the filters but one. */
	private static SearchPredicate matching(SearchScope<Object> scope, SearchTarget target, TextQuery text,
			Map<SearchFilter, List<String>> filters, SearchFilter except) {
		SearchPredicateFactory f = scope.predicate();
		var bool = f.bool();
		bool.must(text.isEmpty() ? f.matchAll().toPredicate() : words(f, target, text));
		bool.filter(f.match().field(PUBLISHED).matching(true));
		filters.forEach((filter, values) -> {
			if (filter != except && !values.isEmpty()) {
				bool.filter(f.terms().field(filter.field()).matchingAny(values, ValueModel.INDEX));
			}
		});
		return bool.toPredicate();
	}

	/** The list's order, then the document identifier. */
	static SearchSort sort(SearchScope<Object> scope, SearchTarget target, SearchQuery.Sort order) {
		SearchSortFactory f = scope.sort();
		var sorted = switch (order) {
			case RELEVANCE -> f.score().then().field(target.sortField());
			case NAME -> f.field(target.sortField());
			case RECENT -> f.field("updatedAt").desc().then().field(target.sortField());
		};
		return sorted.then().extension(ElasticsearchExtension.get()).fromJson(BY_ID).toSort();
	}

	/** A page of the list, its total and facets, the words marked. */
	static fr.lianes.repertoire.search.SearchResult search(SearchSession session, SearchTarget target,
			SearchQuery query) {
		SearchScope<Object> scope = session.scope(Object.class, target.entityName());
		TextQuery text = TextQuery.of(query.q(), stemmer());
		SearchSort sort = sort(scope, target, DirectorySearch.effectiveSort(query, text));
		Map<SearchFilter, List<String>> filters = query.filters();
		Map<SearchFilter, AggregationKey<Map<String, Long>>> keys = new EnumMap<>(SearchFilter.class);
		for (SearchFilter filter : SearchFilter.values()) {
			if (filters.getOrDefault(filter, List.of()).isEmpty()) {
				keys.put(filter, AggregationKey.of(filter.field()));
			}
		}
		int size = query.size();
		int page = Math.max(1, Math.min(query.page(), MAX_WINDOW / size));
		SearchResult<Hit> result = page(session, scope, target, text, filters, sort, keys, page, size);
		long total = result.total().hitCount();
		if (total > 0 && page > 1 && total <= (long) (page - 1) * size) {
			page = (int) ((total + size - 1) / size);
			result = page(session, scope, target, text, filters, sort, keys, page, size);
		}
		Map<SearchFilter, Map<String, Long>> facets = new EnumMap<>(SearchFilter.class);
		for (SearchFilter filter : SearchFilter.values()) {
			AggregationKey<Map<String, Long>> key = keys.get(filter);
			Map<String, Long> counts = (key != null) ? result.aggregation(key)
					: session.search(scope)
						.where(matching(scope, target, text, filters, filter))
						.aggregation(AggregationKey.<Map<String, Long>>of(filter.field()),
								(a) -> a.terms()
									.field(filter.field(), String.class, ValueModel.INDEX)
									.maxTermCount(MAX_FACET_VALUES))
						.fetch(0)
						.aggregation(AggregationKey.of(filter.field()));
			facets.put(filter, sorted(counts));
		}
		List<Long> ids = new ArrayList<>();
		Map<Long, fr.lianes.repertoire.search.SearchResult.Highlights> highlights = new LinkedHashMap<>();
		for (Hit hit : result.hits()) {
			ids.add(hit.id());
			String name = text.isEmpty() ? null : first(hit.name());
			String excerpt = text.isEmpty() ? null : first(hit.excerpt());
			if (name != null || excerpt != null) {
				highlights.put(hit.id(), new fr.lianes.repertoire.search.SearchResult.Highlights(name, excerpt));
			}
		}
		if (target == SearchTarget.ACTOR) {
			ProjectMatches.find(session, text, ids)
				.forEach((id, project) -> highlights.merge(id,
						new fr.lianes.repertoire.search.SearchResult.Highlights(null, null, project),
						(marks, added) -> marks.withProject(project)));
		}
		return new fr.lianes.repertoire.search.SearchResult(total, page, ids, facets, highlights);
	}

	private static SearchResult<Hit> page(SearchSession session, SearchScope<Object> scope, SearchTarget target,
			TextQuery text, Map<SearchFilter, List<String>> filters, SearchSort sort,
			Map<SearchFilter, AggregationKey<Map<String, Long>>> keys, int page, int size) {
		var query = session.search(scope)
			.select((f) -> f.composite()
				.from(f.id(Long.class), f.highlight(target.nameField()).highlighter(NAME_HIGHLIGHTER),
						f.highlight(DESCRIPTION))
				.as(Hit::new))
			.where(matching(scope, target, text, filters, null))
			.sort(sort)
			.highlighter((f) -> f.fastVector()
				.tag("<mark>", "</mark>")
				.encoder(HighlighterEncoder.HTML)
				.fragmentSize(160)
				.numberOfFragments(1))
			// the encoder is the query's, not a field's, on OpenSearch: the default
			// highlighter's applies to this one too
			.highlighter(NAME_HIGHLIGHTER,
					(f) -> f.fastVector().tag("<mark>", "</mark>").fragmentSize(300).numberOfFragments(1));
		for (Map.Entry<SearchFilter, AggregationKey<Map<String, Long>>> key : keys.entrySet()) {
			query = query.aggregation(key.getValue(),
					(a) -> a.terms()
						.field(key.getKey().field(), String.class, ValueModel.INDEX)
						.maxTermCount(MAX_FACET_VALUES));
		}
		return query.fetch((page - 1) * size, size);
	}

	/** Most frequent first, then by value, as {@link SinglePassCollector#facets}. */
	private static Map<String, Long> sorted(Map<String, Long> counts) {
		Map<String, Long> sorted = new LinkedHashMap<>();
		counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
			.limit(MAX_FACET_VALUES)
			.forEach((entry) -> sorted.put(entry.getKey(), entry.getValue()));
		return sorted;
	}

	/** One slice after the cursor, as {@link SearchPages}'s on Lucene. */
	static SearchPages.Slice slice(SearchSession session, SearchTarget target, SearchQuery query, String cursor,
			int count) {
		SearchScope<Object> scope = session.scope(Object.class, target.entityName());
		TextQuery text = TextQuery.of(query.q(), stemmer());
		SearchQuery.Sort order = DirectorySearch.effectiveSort(query, text);
		String prefix = target.name() + "/" + order.name();
		JsonArray after = (cursor != null && !cursor.isEmpty()) ? decode(cursor, prefix) : null;
		SearchResult<List<?>> result;
		try {
			result = session.search(scope)
				.extension(ElasticsearchExtension.get())
				.select((f) -> f.composite()
					.from(f.id(Long.class), f.extension(ElasticsearchExtension.get()).jsonHit())
					.asList())
				.where(matching(scope, target, text, query.filters(), null))
				.sort(sort(scope, target, order))
				.requestTransformer((context) -> {
					if (after != null) {
						context.body().add("search_after", after);
					}
				})
				.fetch(count);
		}
		catch (SearchException ex) {
			if (after != null) {
				// sort values the list did not give
				throw new SearchPages.InvalidCursorException();
			}
			throw ex;
		}
		List<Long> ids = new ArrayList<>();
		JsonElement last = null;
		for (List<?> hit : result.hits()) {
			ids.add((Long) hit.get(0));
			last = ((JsonObject) hit.get(1)).get("sort");
		}
		String next = (ids.size() == count && last != null) ? encode(prefix, last.toString()) : null;
		return new SearchPages.Slice(ids, result.total().hitCount(), next);
	}

	/** Every result of the list, {@code chunk} at a time, on one view of the index. */
	static void all(SearchSession session, SearchTarget target, SearchQuery query, int chunk, Consumer<long[]> each) {
		SearchScope<Object> scope = session.scope(Object.class, target.entityName());
		TextQuery text = TextQuery.of(query.q(), stemmer());
		try (SearchScroll<Long> scroll = session.search(scope)
			.select((f) -> f.id(Long.class))
			.where(matching(scope, target, text, query.filters(), null))
			.sort(sort(scope, target, DirectorySearch.effectiveSort(query, text)))
			.scroll(chunk)) {
			for (SearchScrollResult<Long> hits = scroll.next(); hits.hasHits(); hits = scroll.next()) {
				each.accept(hits.hits().stream().mapToLong(Long::longValue).toArray());
			}
		}
	}

	private static String encode(String prefix, String values) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((prefix + "\n" + values).getBytes(StandardCharsets.UTF_8));
	}

	private static JsonArray decode(String cursor, String prefix) {
		try {
			String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", 2);
			if (parts.length != 2 || !parts[0].equals(prefix)) {
				throw new SearchPages.InvalidCursorException();
			}
			JsonElement values = JsonParser.parseString(parts[1]);
			if (!values.isJsonArray() || values.getAsJsonArray().isEmpty()) {
				throw new SearchPages.InvalidCursorException();
			}
			for (JsonElement value : values.getAsJsonArray()) {
				if (!value.isJsonNull() && !value.isJsonPrimitive()) {
					throw new SearchPages.InvalidCursorException();
				}
			}
			return values.getAsJsonArray();
		}
		catch (RuntimeException ex) {
			throw (ex instanceof SearchPages.InvalidCursorException invalid) ? invalid
					: new SearchPages.InvalidCursorException();
		}
	}

	private static String first(List<String> fragments) {
		return (fragments == null || fragments.isEmpty()) ? null : fragments.get(0);
	}

	private record Hit(Long id, List<String> name, List<String> excerpt) {

	}

}
