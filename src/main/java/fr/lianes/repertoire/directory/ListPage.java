package fr.lianes.repertoire.directory;

import java.util.List;

/**
 * One page of a filtered list, with the total count and the facets.
 *
 * @param page the page shown, from 1 (the last one when a larger page was asked)
 */
public record ListPage<T>(List<T> rows, long total, int page, int pageSize, List<Facet> facets) {

	public int pageCount() {
		return (int) Math.max(1, (this.total + this.pageSize - 1) / this.pageSize);
	}

	public boolean hasPrevious() {
		return this.page > 1;
	}

	public boolean hasNext() {
		return this.page < pageCount();
	}

	/** Rank of the first row shown, from 1. */
	public long firstRank() {
		return (this.total == 0) ? 0 : (long) (this.page - 1) * this.pageSize + 1;
	}

	public long lastRank() {
		return firstRank() + this.rows.size() - ((this.total == 0) ? 0 : 1);
	}

	/** Which page numbers to offer around the current one. */
	public List<Integer> window() {
		int from = Math.max(1, this.page - 2);
		int to = Math.min(pageCount(), this.page + 2);
		return java.util.stream.IntStream.rangeClosed(from, to).boxed().toList();
	}

}
