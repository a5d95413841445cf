package fr.lianes.repertoire.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.util.BytesRef;

/**
 * Visits each document matching the words once, for everything the page shows: the exact
 * number of results, the best {@code numHits} of them in order, and the disjunctive count
 * of every facet.
 * <p>
 * A document is a result when it has one of the selected values of every filter with a
 * selection. Facet {@code f} counts the values of the documents that satisfy every filter
 * but {@code f}'s own: the results it would give with that value instead of its
 * selection. Values are read as ordinals of the fields' doc values, kept in arrays per
 * segment ({@link FacetOrdinals}), and counted in arrays. Filters are applied here rather
 * than in the query, so that the one pass sees the documents every facet needs; the
 * count-only query per selected filter that Hibernate Search's aggregations would need is
 * not run.
 * <p>
 * The ranking collector never learns a minimum competitive score (its threshold of total
 * hits is never reached), so the scorer skips no document and the counts stay exact.
 */
final class SinglePassCollector implements Collector {

	private static final SearchFilter[] FILTERS = SearchFilter.values();

	private static final int MAX_FACET_VALUES = 500;

	private final TopFieldCollector top;

	private final List<List<BytesRef>> selections;

	/** The filters with a selection, one bit per filter ordinal. */
	private final int selected;

	private final List<Map<String, Long>> counts;

	private long total;

	/**
	 * @param sort the order of the results
	 * @param numHits how many of the best results to keep
	 * @param filters the selected values of each filter (a filter without values is not
	 * applied)
	 */
	SinglePassCollector(Sort sort, int numHits, Map<SearchFilter, List<String>> filters) {
		this.top = new TopFieldCollectorManager(sort, numHits, null, Integer.MAX_VALUE, false).newCollector();
		this.selections = Arrays.stream(FILTERS)
			.map((filter) -> filters.getOrDefault(filter, List.of()).stream().map(BytesRef::new).toList())
			.toList();
		int selected = 0;
		for (SearchFilter filter : FILTERS) {
			if (!this.selections.get(filter.ordinal()).isEmpty()) {
				selected |= 1 << filter.ordinal();
			}
		}
		this.selected = selected;
		this.counts = Arrays.stream(FILTERS).<Map<String, Long>>map((filter) -> new HashMap<>()).toList();
	}

	/** The number of results, exact. */
	long total() {
		return this.total;
	}

	/** The best results, in order. */
	TopFieldDocs topDocs() {
		return this.top.topDocs();
	}

	/**
	 * For each filter, the number of results of each value, most frequent first (then by
	 * value), at most 500 values.
	 */
	Map<SearchFilter, Map<String, Long>> facets() {
		Map<SearchFilter, Map<String, Long>> facets = new EnumMap<>(SearchFilter.class);
		for (SearchFilter filter : FILTERS) {
			Map<String, Long> sorted = new LinkedHashMap<>();
			this.counts.get(filter.ordinal())
				.entrySet()
				.stream()
				.sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
				.limit(MAX_FACET_VALUES)
				.forEach((entry) -> sorted.put(entry.getKey(), entry.getValue()));
			facets.put(filter, sorted);
		}
		return facets;
	}

	@Override
	public ScoreMode scoreMode() {
		return this.top.scoreMode().needsScores() ? ScoreMode.COMPLETE : ScoreMode.COMPLETE_NO_SCORES;
	}

	@Override
	public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
		return new Leaf(context, this.top.getLeafCollector(context));
	}

	private final class Leaf implements LeafCollector {

		private final LeafCollector top;

		/** To look the selected values up, and the counted ones' names. */
		private final SortedSetDocValues[] values = new SortedSetDocValues[FILTERS.length];

		private final FacetOrdinals[] ordinals = new FacetOrdinals[FILTERS.length];

		/** Per filter with a selection, whether each ordinal is selected. */
		private final boolean[][] wanted = new boolean[FILTERS.length][];

		private final int[][] counts = new int[FILTERS.length][];

		Leaf(LeafReaderContext context, LeafCollector top) throws IOException {
			this.top = top;
			for (SearchFilter filter : FILTERS) {
				int i = filter.ordinal();
				SortedSetDocValues values = DocValues.getSortedSet(context.reader(), filter.field());
				this.values[i] = values;
				this.ordinals[i] = FacetOrdinals.of(context.reader(), filter.field());
				this.counts[i] = new int[Math.toIntExact(values.getValueCount())];
				if ((SinglePassCollector.this.selected & (1 << i)) != 0) {
					this.wanted[i] = new boolean[this.counts[i].length];
					for (BytesRef value : SinglePassCollector.this.selections.get(i)) {
						long ord = values.lookupTerm(value);
						if (ord >= 0) {
							this.wanted[i][(int) ord] = true;
						}
					}
				}
			}
		}

		@Override
		public void setScorer(Scorable scorer) throws IOException {
			this.top.setScorer(scorer);
		}

		@Override
		public void collect(int doc) throws IOException {
			int selected = SinglePassCollector.this.selected;
			int missed = 0;
			for (int i = 0; i < FILTERS.length; i++) {
				if ((selected & (1 << i)) != 0 && !isSelected(i, doc)) {
					missed |= 1 << i;
				}
			}
			if (missed == 0) {
				SinglePassCollector.this.total++;
				this.top.collect(doc);
				for (int i = 0; i < FILTERS.length; i++) {
					count(i, doc);
				}
			}
			else if ((missed & (missed - 1)) == 0) {
				// only one filter fails: the document counts for that filter's facet
				count(Integer.numberOfTrailingZeros(missed), doc);
			}
		}

		/** Has the document one of the selected values of filter {@code i}? */
		private boolean isSelected(int i, int doc) {
			FacetOrdinals ordinals = this.ordinals[i];
			boolean[] wanted = this.wanted[i];
			for (int k = ordinals.start(doc), end = ordinals.end(doc); k < end; k++) {
				if (wanted[ordinals.ord(k)]) {
					return true;
				}
			}
			return false;
		}

		private void count(int i, int doc) {
			FacetOrdinals ordinals = this.ordinals[i];
			int[] counts = this.counts[i];
			for (int k = ordinals.start(doc), end = ordinals.end(doc); k < end; k++) {
				counts[ordinals.ord(k)]++;
			}
		}

		@Override
		public void finish() throws IOException {
			this.top.finish();
			for (int i = 0; i < FILTERS.length; i++) {
				int[] counts = this.counts[i];
				Map<String, Long> merged = SinglePassCollector.this.counts.get(i);
				for (int ord = 0; ord < counts.length; ord++) {
					if (counts[ord] > 0) {
						merged.merge(this.values[i].lookupOrd(ord).utf8ToString(), (long) counts[ord], Long::sum);
					}
				}
			}
		}

	}

}
