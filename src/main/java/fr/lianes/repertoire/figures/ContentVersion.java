package fr.lianes.repertoire.figures;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The version of the published content: a number that moves when a change to what the
 * public pages show commits (actors, projects and their links, contact persons and their
 * consents, networks, partners, former addresses, campaigns, reference lists), on every
 * instance, whatever wrote it (the triggers of {@code V13__figures.sql} and
 * {@code V24__content_version_everything_shown.sql}). Whatever is computed from the
 * content can be kept under the version it was computed at and reused while the version
 * stays the same: the key figures ({@link FiguresCache}), the public pages.
 * <p>
 * Read on every request, the version cost a round trip to PostgreSQL per public page
 * served from memory (a third of the machine at a few thousand pages a second). It is
 * kept in memory instead while {@link ContentChangeWatch} listens to the channel that
 * every change notifies ({@code V32}) and read again only after a change: a commit of
 * this instance (before its request answers), or a notification of a commit of another
 * process (milliseconds after it). While the watch is not listening (starting, the
 * database gone), every call reads the database, as before.
 */
@Service
public class ContentVersion {

	/** The counter of the version's reads from the database. */
	static final String READS = "repertoire.content.version.reads";

	/** Changes past which they are folded into the base of the version. */
	static final int FOLD_THRESHOLD = 1000;

	private final JdbcClient jdbc;

	private final TransactionTemplate write;

	private final Counter reads;

	/** Whether the version may be kept, and until when. */
	private final ContentChanges changes;

	/** The version last read, with the count of changes it was read under. */
	private volatile Kept kept;

	private record Kept(long version, long changes) {
	}

	/** A version that reads the database each time (the key figures' own). */
	ContentVersion(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
		this(jdbc, transactionManager, new ContentChanges(), null);
	}

	@Autowired
	ContentVersion(JdbcClient jdbc, PlatformTransactionManager transactionManager, ContentChanges changes,
			MeterRegistry meters) {
		this.jdbc = jdbc;
		this.changes = changes;
		this.write = new TransactionTemplate(transactionManager);
		this.write.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.reads = (meters != null)
				? Counter.builder(READS).description("Reads of the content version from the database").register(meters)
				: null;
	}

	/**
	 * The current version: the one kept in memory while every change is announced and
	 * none came since it was read; otherwise read from the database (one row and the few
	 * changes not folded yet), folding the changes when they have piled up.
	 */
	public long current() {
		Kept known = this.kept;
		long seen = this.changes.count();
		if (this.changes.announced() && known != null && known.changes() == seen) {
			return known.version();
		}
		long[] found = readVersionAndChanges();
		if (this.reads != null) {
			this.reads.increment();
		}
		if (found[1] > FOLD_THRESHOLD) {
			fold();
		}
		long version = found[0] + found[1];
		// kept only if no change came meanwhile: one that did may be missing from it
		if (this.changes.count() == seen) {
			this.kept = new Kept(version, seen);
		}
		return version;
	}

	/** The version in the current transaction's snapshot, never folding. */
	long read() {
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
	 * inserted meanwhile are not deleted and keep counting. Also deletes the actors and
	 * projects touched (see {@link WholeFigures}) that every snapshot taken before the
	 * previous fold has seen, and remembers where this fold stops: figures of the whole
	 * directory kept from before the previous fold are then computed again from every
	 * row.
	 */
	void fold() {
		this.write.executeWithoutResult((status) -> {
			this.jdbc.sql("""
					with folded as (delete from content_change returning 1)
					update content_version set base = base + (select count(*) from folded) where id""").update();
			this.jdbc.sql("""
					with horizon as (select next_below as below from figures_change_horizon),
					purged as (delete from figures_change where tx < (select below from horizon) returning 1)
					update figures_change_horizon
					set purged_below = greatest(purged_below, (select below from horizon)),
					    next_below = pg_snapshot_xmin(pg_current_snapshot())
					where id""").update();
		});
	}

}
