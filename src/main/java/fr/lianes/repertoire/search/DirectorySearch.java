package fr.lianes.repertoire.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.persistence.EntityManager;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.hibernate.search.backend.lucene.LuceneBackend;
import org.hibernate.search.backend.lucene.LuceneExtension;
import org.hibernate.search.backend.lucene.index.LuceneIndexManager;
import org.hibernate.search.engine.search.highlighter.dsl.HighlighterEncoder;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.scope.SearchScope;
import org.hibernate.search.mapper.orm.session.SearchSession;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Full-text search of the published actors and public projects, with facet counts.
 * <p>
 * Facets are disjunctive: the counts of a filter's values are those the results would
 * have with that value instead of the filter's selection. One pass over the documents
 * matching the words ({@link SinglePassCollector}, on the Lucene index directly) gives
 * the exact total, the page and every facet; a second query on the page's few documents
 * only marks the words found.
 * <p>
 * On an Elasticsearch or OpenSearch cluster the same results, facets and highlights come
 * from Hibernate Search's backend-neutral DSL instead ({@link DslSearch}).
 */
@Service
@Transactional(readOnly = true)
public class DirectorySearch {

	private static final String NAME_HIGHLIGHTER = "name";

	private static final String DESCRIPTION = "description";

	private static final String PUBLISHED_FIELD = "published";

	/**
	 * Published content only: the index holds nothing else (see the routing binders);
	 * this keeps it so should that change. Hibernate Search indexes booleans as integer
	 * points.
	 */
	static final Query PUBLISHED = IntPoint.newExactQuery(PUBLISHED_FIELD, 1);

	/** Where Hibernate Search keeps each document's entity identifier, as doc values. */
	static final String ID_FIELD = "__HSEARCH_id_docvalue";

	/** The last key of every order: the entity identifier. */
	private static final SortField BY_ID = new SortField(ID_FIELD, SortField.Type.STRING_VAL);

	/** Where Hibernate Search indexes each document's entity identifier, as a term. */
	private static final String ID_TERM_FIELD = "__HSEARCH_id";

	private final EntityManager entityManager;

	private final Map<SearchTarget, Analyzer> searchAnalyzers = new ConcurrentHashMap<>();

	private final Map<List<Enum<?>>, org.apache.lucene.search.Sort> sorts = new ConcurrentHashMap<>();

	private volatile Analyzer stemmer;

	private volatile Boolean lucene;

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
		if (!onLucene()) {
			return DslSearch.search(session, target, query);
		}
		SearchScope<Object> scope = session.scope(Object.class, target.entityName());
		TextQuery text = TextQuery.of(query.q(), stemmer());
		org.apache.lucene.search.Sort sort = luceneSort(session, scope, target, effectiveSort(query, text));
		Query words;
		int page = query.page();
		SinglePassCollector pass;
		List<Long> ids;
		try (IndexReader reader = scope.extension(LuceneExtension.get()).openIndexReader()) {
			IndexSearcher searcher = new IndexSearcher(reader);
			words = text.isEmpty() ? null : searcher.rewrite(text.lucene(target, searchAnalyzer(target)));
			BooleanQuery.Builder matching = new BooleanQuery.Builder();
			matching.add((words != null) ? words : new MatchAllDocsQuery(), Occur.MUST);
			if (!allPublished(reader)) {
				matching.add(PUBLISHED, Occur.FILTER);
			}
			Query all = matching.build();
			pass = collect(searcher, all, sort, query, page);
			long total = pass.total();
			if (total > 0 && page > 1 && total <= (long) (page - 1) * query.size()) {
				page = (int) ((total + query.size() - 1) / query.size());
				pass = collect(searcher, all, sort, query, page);
			}
			ids = ids(reader, pass.topDocs().scoreDocs, (page - 1) * query.size());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Map<Long, SearchResult.Highlights> highlights = highlights(session, scope, target, words, ids);
		if (target == SearchTarget.ACTOR) {
			ProjectMatches.find(session, text, searchAnalyzer(SearchTarget.ACTOR_PROJECT), ids)
				.forEach((id, project) -> highlights.merge(id, new SearchResult.Highlights(null, null, project),
						(marks, added) -> marks.withProject(project)));
		}
		return new SearchResult(pass.total(), page, ids, pass.facets(), highlights);
	}

	private static SinglePassCollector collect(IndexSearcher searcher, Query query, org.apache.lucene.search.Sort sort,
			SearchQuery search, int page) throws IOException {
		// never more than the index holds: a page number typed in the
		// address bar must not size the queue of best results
		int numHits = (int) Math.max(1, Math.min((long) page * search.size(), searcher.getIndexReader().maxDoc()));
		SinglePassCollector pass = new SinglePassCollector(sort, numHits, search.filters());
		searcher.search(query, pass);
		return pass;
	}

	/**
	 * Whether every document of the index is published, as it is while the routing
	 * binders keep the others out. The filter on {@code published} would then only cost:
	 * with it the query is a conjunction, whose documents are visited one by one; without
	 * it, the words alone are a disjunction that Lucene scores in bulk (a common word
	 * three times faster). Read from the bounds of the points, without visiting any
	 * document.
	 */
	static boolean allPublished(IndexReader reader) throws IOException {
		byte[] published = new byte[Integer.BYTES];
		IntPoint.encodeDimension(1, published, 0);
		for (LeafReaderContext leaf : reader.leaves()) {
			PointValues points = leaf.reader().getPointValues(PUBLISHED_FIELD);
			if (points == null || points.getDocCount() != leaf.reader().maxDoc()
					|| !Arrays.equals(points.getMinPackedValue(), published)
					|| !Arrays.equals(points.getMaxPackedValue(), published)) {
				return false;
			}
		}
		return true;
	}

	/** The entity identifiers of the hits from {@code from} on. */
	/**
	 * The entity identifiers of these hits, in their order, each segment's identifiers
	 * read in document order.
	 */
	static long[] idArray(IndexReader reader, ScoreDoc[] hits) throws IOException {
		long[] byDoc = new long[hits.length];
		for (int i = 0; i < hits.length; i++) {
			byDoc[i] = ((long) hits[i].doc << 32) | i;
		}
		Arrays.sort(byDoc);
		long[] ids = new long[hits.length];
		List<LeafReaderContext> leaves = reader.leaves();
		LeafReaderContext leaf = null;
		BinaryDocValues values = null;
		for (long entry : byDoc) {
			int i = (int) entry;
			int doc = hits[i].doc;
			if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
				leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
				values = DocValues.getBinary(leaf.reader(), ID_FIELD);
			}
			if (!values.advanceExact(doc - leaf.docBase)) {
				throw new IllegalStateException("A document of the index has no identifier");
			}
			ids[i] = Long.parseLong(values.binaryValue().utf8ToString());
		}
		return ids;
	}

	static List<Long> ids(IndexReader reader, ScoreDoc[] hits, int from) throws IOException {
		List<LeafReaderContext> leaves = reader.leaves();
		List<Long> ids = new ArrayList<>();
		for (int i = from; i < hits.length; i++) {
			LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(hits[i].doc, leaves));
			BinaryDocValues values = DocValues.getBinary(leaf.reader(), ID_FIELD);
			if (!values.advanceExact(hits[i].doc - leaf.docBase)) {
				throw new IllegalStateException("A document of the index has no identifier");
			}
			ids.add(Long.valueOf(values.binaryValue().utf8ToString()));
		}
		return ids;
	}

	/**
	 * The words marked in the names and descriptions of the page's entities: a query on
	 * these few documents only, with the words' clauses as already rewritten (the typos
	 * expanded to terms), which the highlighter then need not rewrite for each hit.
	 */
	private static Map<Long, SearchResult.Highlights> highlights(SearchSession session, SearchScope<Object> scope,
			SearchTarget target, Query words, List<Long> ids) {
		Map<Long, SearchResult.Highlights> highlights = new LinkedHashMap<>();
		Query marked = (words != null) ? onFields(words, Set.of(target.nameField(), DESCRIPTION)) : null;
		if (marked == null || ids.isEmpty()) {
			return highlights;
		}
		List<Hit> hits = session.search(scope)
			.select((f) -> f.composite()
				.from(f.id(Long.class), f.highlight(target.nameField()).highlighter(NAME_HIGHLIGHTER),
						f.highlight(DESCRIPTION))
				.as(Hit::new))
			.where((f) -> f.bool()
				.should(f.extension(LuceneExtension.get()).fromLuceneQuery(marked))
				.filter(f.extension(LuceneExtension.get()).fromLuceneQuery(byIds(ids))))
			.highlighter((f) -> f.fastVector()
				.tag("<mark>", "</mark>")
				.encoder(HighlighterEncoder.HTML)
				.fragmentSize(160)
				.numberOfFragments(1))
			.highlighter(NAME_HIGHLIGHTER,
					(f) -> f.fastVector()
						.tag("<mark>", "</mark>")
						.encoder(HighlighterEncoder.HTML)
						.fragmentSize(300)
						.numberOfFragments(1))
			.fetchHits(ids.size());
		Map<Long, Hit> byId = new HashMap<>();
		hits.forEach((hit) -> byId.put(hit.id(), hit));
		for (Long id : ids) {
			Hit hit = byId.get(id);
			String name = (hit != null) ? first(hit.name()) : null;
			String excerpt = (hit != null) ? first(hit.excerpt()) : null;
			if (name != null || excerpt != null) {
				highlights.put(id, new SearchResult.Highlights(name, excerpt));
			}
		}
		return highlights;
	}

	/**
	 * The clauses of the query on these fields only, with their weights (null if none):
	 * the highlighter marks in a field the terms the query seeks in that field, and need
	 * not go through the others' (the typos of the acronyms, the places...). The words
	 * the page's entities were found by but not in these fields mark nothing anyway; the
	 * query on the page's documents must not require them.
	 */
	private static Query onFields(Query query, Set<String> fields) {
		if (query instanceof BooleanQuery bool) {
			BooleanQuery.Builder kept = new BooleanQuery.Builder();
			boolean any = false;
			for (BooleanClause clause : bool.clauses()) {
				Query sub = onFields(clause.getQuery(), fields);
				if (sub != null) {
					kept.add(sub, clause.getOccur());
					any = true;
				}
			}
			return any ? kept.build() : null;
		}
		if (query instanceof BoostQuery boost) {
			Query sub = onFields(boost.getQuery(), fields);
			return (sub != null) ? new BoostQuery(sub, boost.getBoost()) : null;
		}
		if (query instanceof TermQuery term) {
			return fields.contains(term.getTerm().field()) ? query : null;
		}
		if (query instanceof SynonymQuery synonyms) {
			return fields.contains(synonyms.getField()) ? query : null;
		}
		if (query instanceof PhraseQuery phrase) {
			return fields.contains(phrase.getField()) ? query : null;
		}
		// anything else (none today): kept as it is
		return query;
	}

	/**
	 * The documents of these entities. Not {@code f.id().matchingAny(ids)}: a term set
	 * query is a multi-term query, which the fast vector highlighter rewrites against the
	 * index for each hit and field; plain term clauses it reads as they are.
	 */
	private static Query byIds(List<Long> ids) {
		BooleanQuery.Builder bool = new BooleanQuery.Builder();
		ids.forEach((id) -> bool.add(new TermQuery(new Term(ID_TERM_FIELD, id.toString())), Occur.SHOULD));
		return bool.build();
	}

	/**
	 * The Lucene sort that Hibernate Search builds for the order (sort fields, missing
	 * values), then the entity id: entries of the same name keep one order, the same on
	 * every page, in every download and API slice, whatever the index's segments.
	 * Computed once per target and order.
	 */
	org.apache.lucene.search.Sort luceneSort(SearchSession session, SearchScope<Object> scope, SearchTarget target,
			SearchQuery.Sort sort) {
		return this.sorts.computeIfAbsent(List.of(target, sort), (key) -> {
			SortField[] fields = session.search(scope).where((f) -> f.matchAll()).sort((f) -> switch (sort) {
				case RELEVANCE -> f.score().then().field(target.sortField());
				case NAME -> f.field(target.sortField());
				case RECENT -> f.field("updatedAt").desc().then().field(target.sortField());
			}).toQuery().extension(LuceneExtension.get()).luceneSort().getSort();
			SortField[] withId = Arrays.copyOf(fields, fields.length + 1);
			withId[fields.length] = BY_ID;
			return new org.apache.lucene.search.Sort(withId);
		});
	}

	/**
	 * Whether the index is the embedded Lucene one, read here directly; otherwise (an
	 * Elasticsearch or OpenSearch cluster) {@link DslSearch} searches it.
	 */
	boolean onLucene() {
		Boolean lucene = this.lucene;
		if (lucene == null) {
			lucene = Search.mapping(this.entityManager.getEntityManagerFactory()).backend() instanceof LuceneBackend;
			this.lucene = lucene;
		}
		return lucene;
	}

	/** The analyzer Hibernate Search searches each field of the target's index with. */
	Analyzer searchAnalyzer(SearchTarget target) {
		return this.searchAnalyzers.computeIfAbsent(target,
				(key) -> Search.mapping(this.entityManager.getEntityManagerFactory())
					.indexedEntity(target.entityName())
					.indexManager()
					.unwrap(LuceneIndexManager.class)
					.searchAnalyzer());
	}

	/** The analyzer of the indexed text, for the typos of {@link TextQuery}. */
	Analyzer stemmer() {
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

	static SearchQuery.Sort effectiveSort(SearchQuery query, TextQuery text) {
		return (query.sort() == SearchQuery.Sort.RELEVANCE && text.isEmpty()) ? SearchQuery.Sort.NAME : query.sort();
	}

	private static String first(List<String> fragments) {
		return (fragments == null || fragments.isEmpty()) ? null : fragments.get(0);
	}

	private record Hit(Long id, List<String> name, List<String> excerpt) {

	}

}
