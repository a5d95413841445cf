package fr.lianes.repertoire.search;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import org.hibernate.search.mapper.pojo.massindexing.MassIndexingMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs the progress of a mass indexing every {@link #STEP} documents, then its total and
 * duration.
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
		logger.info(String.format(Locale.ROOT, "Search index: %d entities read and indexed in %.1f s", this.added.get(),
				elapsed().toMillis() / 1000.0));
	}

	Duration elapsed() {
		return Duration.ofNanos(System.nanoTime() - this.start);
	}

}
