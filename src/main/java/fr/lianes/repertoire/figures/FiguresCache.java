package fr.lianes.repertoire.figures;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The figures of each filter, computed once per content version. Every request reads the
 * version (one row plus the few changes not folded yet, see {@code V13__figures.sql});
 * when it has moved since the figures were computed, they are computed again. The version
 * and the figures are read in the same snapshot, so figures are never stored under a
 * version they do not reflect.
 */
@Service
class FiguresCache {

	/** Filters kept, the least recently used dropped first. */
	static final int CAPACITY = 256;

	/** Changes past which they are folded into the base of the version. */
	static final int FOLD_THRESHOLD = 1000;

	private final JdbcClient jdbc;

	private final FiguresQueries queries;

	private final TransactionTemplate snapshot;

	private final TransactionTemplate write;

	private final Object computing = new Object();

	private final Map<String, FigureSet> entries = new LinkedHashMap<>(64, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, FigureSet> eldest) {
			return size() > CAPACITY;
		}

	};

	FiguresCache(JdbcClient jdbc, FiguresQueries queries, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.queries = queries;
		this.snapshot = new TransactionTemplate(transactionManager);
		// not read-only: the computation fills two temporary tables
		this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		this.write = new TransactionTemplate(transactionManager);
		this.write.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	FigureSet figures(FiguresFilter filter) {
		long version = version();
		FigureSet cached;
		synchronized (this.entries) {
			cached = this.entries.get(filter.key());
		}
		if (cached != null && cached.version() >= version) {
			return cached;
		}
		// one computation at a time: after a change, concurrent requests wait for it
		// rather
		// than all run the same statements
		synchronized (this.computing) {
			synchronized (this.entries) {
				cached = this.entries.get(filter.key());
			}
			if (cached != null && cached.version() >= version) {
				return cached;
			}
			FigureSet computed = this.snapshot.execute((status) -> this.queries.compute(readVersion(), filter));
			synchronized (this.entries) {
				FigureSet current = this.entries.get(filter.key());
				if (current == null || current.version() < computed.version()) {
					this.entries.put(filter.key(), computed);
				}
			}
			return computed;
		}
	}

	/** The current content version. */
	long version() {
		long[] found = readVersionAndChanges();
		if (found[1] > FOLD_THRESHOLD) {
			fold();
		}
		return found[0] + found[1];
	}

	private long readVersion() {
		long[] found = readVersionAndChanges();
		return found[0] + found[1];
	}

	private long[] readVersionAndChanges() {
		long[] found = new long[2];
		this.jdbc.sql("select base, (select count(*) from content_change) from content_version").query((rs) -> {
			found[0] = rs.getLong(1);
			found[1] = rs.getLong(2);
		});
		return found;
	}

	/**
	 * Moves the recorded changes into the base of the version, which stays the same: rows
	 * inserted meanwhile are not deleted and keep counting.
	 */
	void fold() {
		this.write.executeWithoutResult((status) -> this.jdbc.sql("""
				with folded as (delete from content_change returning 1)
				update content_version set base = base + (select count(*) from folded) where id""").update());
	}

}
