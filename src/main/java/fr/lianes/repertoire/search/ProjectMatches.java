package fr.lianes.repertoire.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.hibernate.search.backend.lucene.LuceneExtension;
import org.hibernate.search.engine.search.highlighter.dsl.HighlighterEncoder;
import org.hibernate.search.engine.search.predicate.SearchPredicate;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.mapper.orm.scope.SearchScope;
import org.hibernate.search.mapper.orm.session.SearchSession;

/**
 * Which project of each listed actor the words were found in, so that the list shows why
 * an actor is there: one query on the project index, limited to the public projects of
 * the page's actors, with the words marked in the project's title and in its places,
 * partners or description.
 * <p>
 * Any word counts here: the actor was found by all the words, some in its own fields (its
 * name, its commune) and some in a project.
 */
final class ProjectMatches {

	/** The project index's field holding the identifiers of a project's actors. */
	static final String ACTORS_FIELD = "actors";

	/** Where else than the title the words are looked for to be shown, in this order. */
	private static final List<String> PASSAGES = List.of("localities", "partners", "description");

	private static final String TITLE_HIGHLIGHTER = "title";

	/** How many projects are read per actor of the page, at most. */
	private static final int PROJECTS_PER_ACTOR = 5;

	private ProjectMatches() {
	}

	/**
	 * @param analyzer the search analyzer of the project index's fields
	 * @return for each actor whose projects hold some of the words, the best of them
	 */
	static Map<Long, SearchResult.ProjectMatch> find(SearchSession session, TextQuery text, Analyzer analyzer,
			List<Long> actorIds) {
		if (text.isEmpty() || actorIds.isEmpty()) {
			return new LinkedHashMap<>();
		}
		SearchScope<Object> scope = session.scope(Object.class, SearchTarget.ACTOR_PROJECT.entityName());
		Query words;
		try (IndexReader reader = scope.extension(LuceneExtension.get()).openIndexReader()) {
			// typos expanded to the terms of this index once, not by the highlighter for
			// each
			// hit
			words = new IndexSearcher(reader).rewrite(text.anyWord(SearchTarget.ACTOR_PROJECT, analyzer));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		BooleanQuery.Builder ofActors = new BooleanQuery.Builder();
		for (Long id : actorIds) {
			ofActors.add(new TermQuery(new Term(ACTORS_FIELD, id.toString())), Occur.SHOULD);
		}
		Query filter = ofActors.build();
		return find(session, scope,
				(f) -> f.bool()
					.must(f.extension(LuceneExtension.get()).fromLuceneQuery(words))
					.filter(f.extension(LuceneExtension.get()).fromLuceneQuery(filter))
					.toPredicate(),
				actorIds, true);
	}

	/**
	 * The same on any backend, with Hibernate Search's backend-neutral DSL
	 * ({@link DslSearch}).
	 */
	static Map<Long, SearchResult.ProjectMatch> find(SearchSession session, TextQuery text, List<Long> actorIds) {
		if (text.isEmpty() || actorIds.isEmpty()) {
			return new LinkedHashMap<>();
		}
		SearchScope<Object> scope = session.scope(Object.class, SearchTarget.ACTOR_PROJECT.entityName());
		List<String> ids = actorIds.stream().map(String::valueOf).toList();
		return find(session, scope,
				(f) -> f.bool()
					.must(DslSearch.anyWord(f, SearchTarget.ACTOR_PROJECT, text))
					.filter(f.terms().field(ACTORS_FIELD).matchingAny(ids))
					.toPredicate(),
				actorIds, false);
	}

	private static Map<Long, SearchResult.ProjectMatch> find(SearchSession session, SearchScope<Object> scope,
			Function<SearchPredicateFactory, SearchPredicate> where, List<Long> actorIds, boolean lucene) {
		Map<Long, SearchResult.ProjectMatch> matches = new LinkedHashMap<>();
		Set<String> wanted = new HashSet<>();
		actorIds.forEach((id) -> wanted.add(id.toString()));
		SearchPredicate predicate = where.apply(scope.predicate());
		List<Object[]> hits = session.search(scope)
			.select((f) -> f.composite()
				.from(f.field("slug", String.class), f.field("title", String.class),
						f.field(ACTORS_FIELD, String.class).list(), f.highlight("title").highlighter(TITLE_HIGHLIGHTER),
						f.highlight(PASSAGES.get(0)), f.highlight(PASSAGES.get(1)), f.highlight(PASSAGES.get(2)))
				.asArray())
			.where(predicate)
			.highlighter((f) -> f.fastVector()
				.tag("<mark>", "</mark>")
				.encoder(HighlighterEncoder.HTML)
				.fragmentSize(120)
				.numberOfFragments(1))
			// on OpenSearch the encoder is the query's, not a field's: the default
			// highlighter's applies to this one too
			.highlighter(TITLE_HIGHLIGHTER, (f) -> {
				var title = f.fastVector().tag("<mark>", "</mark>").fragmentSize(300).numberOfFragments(1);
				return lucene ? title.encoder(HighlighterEncoder.HTML) : title;
			})
			.fetchHits(actorIds.size() * PROJECTS_PER_ACTOR);
		for (Object[] hit : hits) {
			SearchResult.ProjectMatch match = match(hit);
			@SuppressWarnings("unchecked")
			List<String> actors = (List<String>) hit[2];
			for (String actor : actors) {
				if (wanted.contains(actor)) {
					matches.putIfAbsent(Long.valueOf(actor), match);
				}
			}
		}
		return matches;
	}

	private static SearchResult.ProjectMatch match(Object[] hit) {
		String field = null;
		String passage = null;
		for (int i = 0; i < PASSAGES.size() && passage == null; i++) {
			passage = first(hit[4 + i]);
			field = (passage != null) ? PASSAGES.get(i) : null;
		}
		return new SearchResult.ProjectMatch((String) hit[0], (String) hit[1], first(hit[3]), field, passage);
	}

	private static String first(Object fragments) {
		return (fragments instanceof List<?> list && !list.isEmpty()) ? (String) list.get(0) : null;
	}

}
