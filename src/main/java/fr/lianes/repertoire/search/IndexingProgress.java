package fr.lianes.repertoire.search;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import org.hibernate.search.mapper.pojo.massindexing.MassIndexingMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows a mass indexing: logs its progress every {@link #STEP} documents and tells the
 * pages how far it is.
 */
class IndexingProgress implements MassIndexingMonitor {

	static final long STEP = 1_000;

	private static final Logger logger = LoggerFactory.getLogger(IndexingProgress.class);

	private final AtomicLong total = new AtomicLong();

	private final AtomicLong added = new AtomicLong();

	private final long start = System.nanoTime();

	@Override
	public void addToTotalCount(long increment) {
		this.total.addAndGet(increment);
	}

	@Override
	public void documentsAdded(long increment) {
		long before = this.added.getAndAdd(increment);
		long after = before + increment;
		if (after / STEP > before / STEP) {
			long total = this.total.get();
			logger.info(String.format(Locale.ROOT, "Search index: %d/%d entities indexed (%.0f%%)", after, total,
					(total > 0) ? 100.0 * after / total : 0.0));
		}
	}

	@Override
	public void documentsBuilt(long increment) {
	}

	@Override
	public void entitiesLoaded(long increment) {
	}

	@Override
	public void indexingCompleted() {
		// also called when interrupted or failed: the indexer says which
	}

	/** Counts again from nothing: the mass indexing starts over. */
	void restart() {
		this.total.set(0);
		this.added.set(0);
	}

	/** Entities read and indexed so far. */
	long done() {
		return this.added.get();
	}

	/** Entities to go over, 0 until counted. */
	long total() {
		return this.total.get();
	}

	Duration elapsed() {
		return Duration.ofNanos(System.nanoTime() - this.start);
	}

}
