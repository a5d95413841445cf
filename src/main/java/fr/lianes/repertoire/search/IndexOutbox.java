package fr.lianes.repertoire.search;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The search outbox ({@code search_outbox}): the changes of indexed entities that a
 * committed transaction made, kept until the index shows them. A transaction's changes
 * are written on its own connection just before it commits ({@link OutboxRecording}); the
 * instance that committed deletes them once the indexing of the transaction succeeded
 * ({@link IndexWrites}); what is left (a failed indexing, an instance stopped or killed
 * between its commit and its indexing) is taken up by any instance
 * ({@link OutboxPoller}).
 * <p>
 * Between the two, on the thread that commits, the ids of the rows the transaction wrote
 * are kept here: the before-completion step of the transaction sets them, the indexing
 * that follows the commit on the same thread takes them, and an after-completion step
 * clears them in any case (a rollback, an indexing that never came).
 */
@Component
class IndexOutbox {

	private static final Logger logger = LoggerFactory.getLogger(IndexOutbox.class);

	/** The rows written by the transaction this thread is committing. */
	private static final ThreadLocal<List<Long>> COMMITTING = new ThreadLocal<>();

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final Clock clock;

	/**
	 * Since when this instance knows it left rows that its indexing did not delete (a
	 * failure, an indexing that never came): the poller looks for them once they are past
	 * the grace period, rather than at its next regular look.
	 */
	private final AtomicReference<Instant> leftSince = new AtomicReference<>();

	IndexOutbox(DataSource dataSource, JdbcClient jdbc, Clock clock) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A change of an indexed entity: its JPA name and id, and whether it was deleted. */
	record Change(String entityName, long entityId, boolean deleted) {
	}

	/**
	 * Writes the changes of a transaction on its connection, in one statement, before it
	 * commits, and keeps their ids for the indexing that follows its commit on this
	 * thread.
	 */
	void record(Connection connection, Collection<Change> changes) throws SQLException {
		List<Long> ids = new ArrayList<>(changes.size());
		String[] names = changes.stream().map(Change::entityName).toArray(String[]::new);
		Long[] entityIds = changes.stream().map(Change::entityId).toArray(Long[]::new);
		Boolean[] deleted = changes.stream().map(Change::deleted).toArray(Boolean[]::new);
		Array nameArray = connection.createArrayOf("varchar", names);
		Array idArray = connection.createArrayOf("bigint", entityIds);
		Array deletedArray = connection.createArrayOf("boolean", deleted);
		try (PreparedStatement insert = connection.prepareStatement("""
				insert into search_outbox (entity_name, entity_id, deleted, created_at)
				select change.entity_name, change.entity_id, change.deleted, ?
				from unnest(?::varchar[], ?::bigint[], ?::boolean[]) as change (entity_name, entity_id, deleted)
				returning id""")) {
			insert.setObject(1, OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC));
			insert.setArray(2, nameArray);
			insert.setArray(3, idArray);
			insert.setArray(4, deletedArray);
			try (ResultSet rows = insert.executeQuery()) {
				while (rows.next()) {
					ids.add(rows.getLong(1));
				}
			}
		}
		finally {
			nameArray.free();
			idArray.free();
			deletedArray.free();
		}
		COMMITTING.set(List.copyOf(ids));
	}

	/**
	 * The rows written by the transaction this thread commits, no longer kept: called by
	 * the indexing that follows the commit.
	 */
	List<Long> takeCommitting() {
		List<Long> ids = COMMITTING.get();
		COMMITTING.remove();
		return (ids != null) ? ids : List.of();
	}

	/**
	 * Forgets the rows of the transaction this thread committed or rolled back: those the
	 * indexing did not take are left to the poller.
	 */
	void forgetCommitting() {
		List<Long> ids = COMMITTING.get();
		COMMITTING.remove();
		if (ids != null && !ids.isEmpty()) {
			left();
		}
	}

	/** Rows of a transaction whose indexing failed: left to the poller. */
	void notIndexed(List<Long> ids) {
		if (!ids.isEmpty()) {
			left();
		}
	}

	private void left() {
		Instant now = this.clock.instant();
		this.leftSince.accumulateAndGet(now, (since, at) -> (since == null || at.isBefore(since)) ? at : since);
	}

	/** Since when this instance knows it left rows, if it does. */
	Instant leftSince() {
		return this.leftSince.get();
	}

	/** The rows this instance left up to then were looked for. */
	void lookedFor(Instant since) {
		this.leftSince.compareAndSet(since, null);
	}

	/**
	 * Deletes the rows of a transaction whose indexing succeeded, on a connection of its
	 * own: called when the transaction has ended, its connection possibly still bound to
	 * the thread. Rows not deleted are indexed again by the poller, which is harmless.
	 */
	void indexed(List<Long> ids) {
		if (ids.isEmpty()) {
			return;
		}
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(true);
			try (PreparedStatement delete = connection
				.prepareStatement("delete from search_outbox where id = any(?)")) {
				Array array = connection.createArrayOf("bigint", ids.toArray(Long[]::new));
				delete.setArray(1, array);
				delete.executeUpdate();
				array.free();
			}
		}
		catch (SQLException ex) {
			logger.debug("Search outbox rows left to the poller: {}", ex.getMessage());
			left();
		}
	}

	/** The changes not yet known to be indexed (on every instance). */
	long pending() {
		return this.jdbc.sql("select count(*) from search_outbox").query(Long.class).single();
	}

}
