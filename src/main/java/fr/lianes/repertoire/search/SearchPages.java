package fr.lianes.repertoire.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import jakarta.persistence.EntityManager;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.util.BytesRef;
import org.hibernate.search.backend.lucene.LuceneExtension;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.scope.SearchScope;
import org.hibernate.search.mapper.orm.session.SearchSession;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The results of a list one slice after another, for what reads a whole list (downloads,
 * the API): each slice starts after the last result of the previous one, named by an
 * opaque cursor that holds its sort values and its entity id. The order is the list's
 * own, with the entity id last, so a cursor stays meaningful after the index changed:
 * entries added or removed meanwhile neither shift nor repeat the others. Each slice is
 * one pass over the matching documents, whatever its depth, without facets.
 */
@Service
@Transactional(readOnly = true)
public class SearchPages {

	/** Most results per slice. */
	public static final int MAX_SIZE = 1000;

	private final EntityManager entityManager;

	private final DirectorySearch search;

	SearchPages(EntityManager entityManager, DirectorySearch search) {
		this.entityManager = entityManager;
		this.search = search;
	}

	/**
	 * One slice of results.
	 *
	 * @param ids the entity identifiers, in order
	 * @param total the number of results of the whole list
	 * @param next the cursor of the following slice, or null after the last
	 */
	public record Slice(List<Long> ids, long total, String next) {

	}

	/** A cursor that this list did not give, or altered. */
	public static class InvalidCursorException extends IllegalArgumentException {

		InvalidCursorException() {
			super("invalid cursor");
		}

	}

	/** Published actors of the query, after the cursor (null: from the first). */
	public Slice actors(SearchQuery query, String cursor, int size) {
		return slice(SearchTarget.ACTOR, query, cursor, size);
	}

	/** Public projects of the query, after the cursor (null: from the first). */
	public Slice projects(SearchQuery query, String cursor, int size) {
		return slice(SearchTarget.PROJECT, query, cursor, size);
	}

	/**
	 * Every published actor of the query, in the order of its slices, for what writes a
	 * whole list (downloads): the identifiers handed over {@code chunk} at a time, found
	 * by passes over the index of {@code pass} results (one pass for most lists), each
	 * after the last entry of the previous one, all on the same view of the index (a pass
	 * visits every matching document, whatever the number it keeps: one per chunk made
	 * the index a third of a download's work). Memory holds the identifiers of one pass
	 * (8 bytes each) and, while it runs, their sort values, whatever the length of the
	 * list.
	 */
	public void allActors(SearchQuery query, int pass, int chunk, Consumer<long[]> each) {
		all(SearchTarget.ACTOR, query, pass, chunk, each);
	}

	/**
	 * Every public project of the query, in the order of its slices, as
	 * {@link #allActors}.
	 */
	public void allProjects(SearchQuery query, int pass, int chunk, Consumer<long[]> each) {
		all(SearchTarget.PROJECT, query, pass, chunk, each);
	}

	private void all(SearchTarget target, SearchQuery query, int passSize, int chunk, Consumer<long[]> each) {
		int size = Math.max(1, chunk);
		SearchSession session = Search.session(this.entityManager);
		if (!this.search.onLucene()) {
			DslSearch.all(session, target, query, size, each);
			return;
		}
		SearchScope<Object> scope = session.scope(Object.class, target.entityName());
		TextQuery text = TextQuery.of(query.q(), this.search.stemmer());
		Sort sort = sort(session, scope, target, DirectorySearch.effectiveSort(query, text));
		int pass = Math.max(size, passSize);
		try (IndexReader reader = scope.extension(LuceneExtension.get()).openIndexReader()) {
			IndexSearcher searcher = new IndexSearcher(reader);
			Query matching = matching(searcher, reader, target, text, query);
			FieldDoc after = null;
			while (true) {
				Pass found = pass(searcher, reader, matching, sort, pass, after);
				for (int from = 0; from < found.ids().length; from += size) {
					each.accept(Arrays.copyOfRange(found.ids(), from, Math.min(found.ids().length, from + size)));
				}
				if (found.ids().length < pass) {
					return;
				}
				after = found.last();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The identifiers of the results of one pass, in order, and the last result: the sort
	 * values of the others are let go before the chunks are read.
	 */
	private record Pass(long[] ids, FieldDoc last) {

	}

	private static Pass pass(IndexSearcher searcher, IndexReader reader, Query matching, Sort sort, int size,
			FieldDoc after) throws IOException {
		// no total wanted: Lucene may skip the documents that cannot enter the pass
		TopFieldCollector collector = new TopFieldCollectorManager(sort, size, after, size, false).newCollector();
		searcher.search(matching, collector);
		ScoreDoc[] hits = collector.topDocs().scoreDocs;
		return new Pass(DirectorySearch.idArray(reader, hits),
				(hits.length > 0) ? (FieldDoc) hits[hits.length - 1] : null);
	}

	/**
	 * The list's order, which ends with the entity id: each result has a place of its
	 * own.
	 */
	private Sort sort(SearchSession session, SearchScope<Object> scope, SearchTarget target, SearchQuery.Sort order) {
		return this.search.luceneSort(session, scope, target, order);
	}

	private Query matching(IndexSearcher searcher, IndexReader reader, SearchTarget target, TextQuery text,
			SearchQuery query) throws IOException {
		BooleanQuery.Builder matching = new BooleanQuery.Builder();
		matching.add(text.isEmpty() ? new MatchAllDocsQuery()
				: searcher.rewrite(text.lucene(target, this.search.searchAnalyzer(target))), Occur.MUST);
		if (!DirectorySearch.allPublished(reader)) {
			matching.add(DirectorySearch.PUBLISHED, Occur.FILTER);
		}
		filters(query.filters()).forEach((filter) -> matching.add(filter, Occur.FILTER));
		return matching.build();
	}

	private Slice slice(SearchTarget target, SearchQuery query, String cursor, int size) {
		int count = Math.max(1, Math.min(MAX_SIZE, size));
		SearchSession session = Search.session(this.entityManager);
		if (!this.search.onLucene()) {
			return DslSearch.slice(session, target, query, cursor, count);
		}
		SearchScope<Object> scope = session.scope(Object.class, target.entityName());
		TextQuery text = TextQuery.of(query.q(), this.search.stemmer());
		SearchQuery.Sort order = DirectorySearch.effectiveSort(query, text);
		Sort sort = sort(session, scope, target, order);
		SortField[] fields = sort.getSort();
		String prefix = target.name() + "/" + order.name();
		FieldDoc after = (cursor != null && !cursor.isEmpty()) ? decode(cursor, prefix, fields) : null;
		try (IndexReader reader = scope.extension(LuceneExtension.get()).openIndexReader()) {
			IndexSearcher searcher = new IndexSearcher(reader);
			TopFieldCollector collector = new TopFieldCollectorManager(sort, count, after, Integer.MAX_VALUE, false)
				.newCollector();
			searcher.search(matching(searcher, reader, target, text, query), collector);
			TopFieldDocs hits = collector.topDocs();
			List<Long> ids = DirectorySearch.ids(reader, hits.scoreDocs, 0);
			String next = null;
			if (hits.scoreDocs.length == count) {
				FieldDoc last = (FieldDoc) hits.scoreDocs[hits.scoreDocs.length - 1];
				next = encode(prefix, last.fields);
			}
			return new Slice(ids, hits.totalHits.value, next);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A document has one of the selected values of every filter with a selection. */
	private static List<Query> filters(Map<SearchFilter, List<String>> filters) {
		List<Query> queries = new ArrayList<>();
		filters.forEach((filter, values) -> {
			BooleanQuery.Builder any = new BooleanQuery.Builder();
			values.forEach((value) -> any.add(new TermQuery(new Term(filter.field(), value)), Occur.SHOULD));
			queries.add(any.build());
		});
		return queries;
	}

	private static String encode(String prefix, Object[] values) {
		StringBuilder text = new StringBuilder(prefix);
		for (Object value : values) {
			text.append('\n');
			if (value instanceof BytesRef bytes) {
				text.append('b')
					.append(Base64.getUrlEncoder().withoutPadding().encodeToString(BytesRef.deepCopyOf(bytes).bytes));
			}
			else if (value instanceof Long number) {
				text.append('l').append(number);
			}
			else if (value instanceof Float number) {
				text.append('f').append(Float.floatToIntBits(number));
			}
			else if (value instanceof Integer number) {
				text.append('i').append(number);
			}
			else if (value instanceof Double number) {
				text.append('d').append(Double.doubleToLongBits(number));
			}
			else if (value == null) {
				text.append('n');
			}
			else {
				throw new IllegalStateException("Unexpected sort value " + value.getClass());
			}
		}
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
	}

	private static FieldDoc decode(String cursor, String prefix, SortField[] fields) {
		try {
			String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", -1);
			if (parts.length != fields.length + 1 || !parts[0].equals(prefix)) {
				throw new InvalidCursorException();
			}
			Object[] values = new Object[fields.length];
			for (int i = 0; i < fields.length; i++) {
				String part = parts[i + 1];
				String rest = part.substring(1);
				values[i] = switch (part.charAt(0)) {
					case 'b' -> new BytesRef(Base64.getUrlDecoder().decode(rest));
					case 'l' -> Long.valueOf(rest);
					case 'f' -> Float.intBitsToFloat(Integer.parseInt(rest));
					case 'i' -> Integer.valueOf(rest);
					case 'd' -> Double.longBitsToDouble(Long.parseLong(rest));
					case 'n' -> null;
					default -> throw new InvalidCursorException();
				};
			}
			// after every document with these values: the entity id makes them unique
			return new FieldDoc(Integer.MAX_VALUE, Float.NaN, values);
		}
		catch (IllegalArgumentException | StringIndexOutOfBoundsException ex) {
			throw (ex instanceof InvalidCursorException invalid) ? invalid : new InvalidCursorException();
		}
	}

}
