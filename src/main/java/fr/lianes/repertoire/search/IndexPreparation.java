package fr.lianes.repertoire.search;

/**
 * The search index is being prepared: checked at start, or rebuilt. Lists, counts and
 * suggestions read from it would be empty or partial meanwhile.
 *
 * @param done entities read and indexed so far
 * @param total entities to read, 0 while not known yet
 */
public record IndexPreparation(long done, long total) {

	/** Whole percent done, 0 while the total is not known. */
	public int percent() {
		return (this.total > 0) ? (int) Math.min(100, 100 * this.done / this.total) : 0;
	}

	/**
	 * Whether the progress is known (a rebuild is running and has counted its entities).
	 */
	public boolean measured() {
		return this.total > 0;
	}

}
