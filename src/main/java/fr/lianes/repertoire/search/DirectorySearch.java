package fr.lianes.repertoire.search;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import org.apache.lucene.analysis.Analyzer;
import org.hibernate.search.backend.lucene.LuceneBackend;
import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.common.ValueModel;
import org.hibernate.search.engine.search.highlighter.dsl.HighlighterEncoder;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.query.SearchResultTotal;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.scope.SearchScope;
import org.hibernate.search.mapper.orm.session.SearchSession;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Full-text search of the published actors and public projects, with facet counts.
 * <p>
 * Facets are disjunctive: the counts of a filter's values are those the results would
 * have with that value instead of the filter's selection. The page's query counts every
 * facet with all filters applied, which is right for the facets with no selection; each
 * facet with a selection gets its own count-only query without its own filter.
 */
@Service
@Transactional(readOnly = true)
public class DirectorySearch {

	private static final int MAX_FACET_VALUES = 500;

	private static final String NAME_HIGHLIGHTER = "name";

	private final EntityManager entityManager;

	private volatile Analyzer stemmer;

	DirectorySearch(EntityManager entityManager) {
		this.entityManager = entityManager;
	}

	/** Published actors. */
	public SearchResult actors(SearchQuery query) {
		return search(SearchTarget.ACTOR, query);
	}

	/** Public projects (published, led by a published actor). */
	public SearchResult projects(SearchQuery query) {
		return search(SearchTarget.PROJECT, query);
	}

	private SearchResult search(SearchTarget target, SearchQuery query) {
		SearchSession session = Search.session(this.entityManager);
		SearchScope<Object> scope = session.scope(Object.class, target.entityName());
		TextQuery text = TextQuery.of(query.q(), stemmer());
		Map<SearchFilter, AggregationKey<Map<String, Long>>> keys = new EnumMap<>(SearchFilter.class);
		for (SearchFilter filter : SearchFilter.values()) {
			keys.put(filter, AggregationKey.of(filter.name()));
		}
		var pageQuery = session.search(scope)
			.select((f) -> f.composite()
				.from(f.id(Long.class), f.highlight(target.nameField()).highlighter(NAME_HIGHLIGHTER),
						f.highlight("description"))
				.as(Hit::new))
			.where((f) -> predicate(f, target, query, text, null))
			.sort((f) -> switch (effectiveSort(query, text)) {
				case RELEVANCE -> f.score().then().field(target.sortField());
				case NAME -> f.field(target.sortField());
				case RECENT -> f.field("updatedAt").desc().then().field(target.sortField());
			})
			.highlighter((f) -> f.plain()
				.tag("<mark>", "</mark>")
				.encoder(HighlighterEncoder.HTML)
				.fragmentSize(160)
				.numberOfFragments(1))
			.highlighter(NAME_HIGHLIGHTER,
					(f) -> f.plain()
						.tag("<mark>", "</mark>")
						.encoder(HighlighterEncoder.HTML)
						.fragmentSize(300)
						.numberOfFragments(1));
		for (SearchFilter filter : SearchFilter.values()) {
			pageQuery = pageQuery.aggregation(keys.get(filter),
					(f) -> f.terms()
						.field(filter.field(), String.class, ValueModel.INDEX)
						.maxTermCount(MAX_FACET_VALUES));
		}
		int page = query.page();
		var result = pageQuery.fetch((page - 1) * query.size(), query.size());
		long total = exact(result.total());
		if (result.hits().isEmpty() && total > 0 && page > 1) {
			page = (int) ((total + query.size() - 1) / query.size());
			result = pageQuery.fetch((page - 1) * query.size(), query.size());
		}
		Map<SearchFilter, Map<String, Long>> facets = new EnumMap<>(SearchFilter.class);
		for (SearchFilter filter : SearchFilter.values()) {
			if (query.values(filter).isEmpty()) {
				facets.put(filter, result.aggregation(keys.get(filter)));
			}
			else {
				facets.put(filter,
						session.search(scope)
							.where((f) -> predicate(f, target, query, text, filter))
							.aggregation(keys.get(filter),
									(f) -> f.terms()
										.field(filter.field(), String.class, ValueModel.INDEX)
										.maxTermCount(MAX_FACET_VALUES))
							.fetch(0)
							.aggregation(keys.get(filter)));
			}
		}
		List<Long> ids = result.hits().stream().map(Hit::id).toList();
		Map<Long, SearchResult.Highlights> highlights = new LinkedHashMap<>();
		for (Hit hit : result.hits()) {
			String name = first(hit.name());
			String excerpt = first(hit.excerpt());
			if (name != null || excerpt != null) {
				highlights.put(hit.id(), new SearchResult.Highlights(name, excerpt));
			}
		}
		return new SearchResult(total, page, ids, facets, highlights);
	}

	/**
	 * Published content only (the index holds nothing else; this keeps it so should that
	 * change), the words, and every filter but {@code except}.
	 */
	private static PredicateFinalStep predicate(SearchPredicateFactory f, SearchTarget target, SearchQuery query,
			TextQuery text, SearchFilter except) {
		var bool = f.bool().filter(f.match().field("published").matching(true));
		if (!text.isEmpty()) {
			bool.must(text.predicate(f, target));
		}
		query.filters().forEach((filter, values) -> {
			if (filter != except) {
				bool.filter(f.terms().field(filter.field()).matchingAny(values, ValueModel.INDEX));
			}
		});
		return bool;
	}

	/** The analyzer of the indexed text, for the typos of {@link TextQuery}. */
	private Analyzer stemmer() {
		Analyzer stemmer = this.stemmer;
		if (stemmer == null) {
			stemmer = Search.mapping(this.entityManager.getEntityManagerFactory())
				.backend()
				.unwrap(LuceneBackend.class)
				.analyzer(SearchAnalyzers.FRENCH)
				.orElseThrow();
			this.stemmer = stemmer;
		}
		return stemmer;
	}

	private static SearchQuery.Sort effectiveSort(SearchQuery query, TextQuery text) {
		return (query.sort() == SearchQuery.Sort.RELEVANCE && text.isEmpty()) ? SearchQuery.Sort.NAME : query.sort();
	}

	private static long exact(SearchResultTotal total) {
		return total.hitCount();
	}

	private static String first(List<String> fragments) {
		return (fragments == null || fragments.isEmpty()) ? null : fragments.get(0);
	}

	private record Hit(Long id, List<String> name, List<String> excerpt) {

	}

}
