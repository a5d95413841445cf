package fr.lianes.repertoire.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * Which instance runs a reindex run ({@code search_reindex_run}): the one that holds the
 * run's claim, a PostgreSQL session advisory lock taken with {@code pg_try_advisory_lock}
 * on a connection of its own, kept while the run goes on. Of two instances asking for the
 * same run, one gets it, the other is told no at once. The lock lives with its
 * connection: an instance that stops or dies lets go of its run, which another takes up.
 * Nothing expires, nothing is renewed while a long batch runs on a busy machine.
 */
@Component
class ReindexClaims {

	/**
	 * The first key of the reindex runs' advisory locks (the second is the run's id); the
	 * import jobs have their own.
	 */
	static final int LOCK_SPACE = 0x5E_A2C4;

	private static final Logger logger = LoggerFactory.getLogger(ReindexClaims.class);

	private final DataSource dataSource;

	ReindexClaims(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * Claims a run for this instance.
	 * @return the claim, to close once the run is over; empty when another instance holds
	 * it
	 */
	Optional<Claim> claim(long run) {
		Connection connection = null;
		try {
			connection = this.dataSource.getConnection();
			if (!connection.getAutoCommit()) {
				connection.setAutoCommit(true);
			}
			if (lock(connection, "select pg_try_advisory_lock(?, ?)", run)) {
				return Optional.of(new Claim(connection, run));
			}
			connection.close();
			return Optional.empty();
		}
		catch (SQLException ex) {
			closeQuietly(connection);
			throw new DataAccessResourceFailureException("Could not claim reindex #" + run, ex);
		}
	}

	private static boolean lock(Connection connection, String sql, long run) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setInt(1, LOCK_SPACE);
			statement.setInt(2, Math.toIntExact(run));
			try (ResultSet result = statement.executeQuery()) {
				return result.next() && result.getBoolean(1);
			}
		}
	}

	private static void closeQuietly(Connection connection) {
		if (connection != null) {
			try {
				connection.close();
			}
			catch (SQLException ex) {
				logger.debug("Could not close a claim's connection", ex);
			}
		}
	}

	/** A run claimed by this instance, until closed. */
	static final class Claim implements AutoCloseable {

		private final Connection connection;

		private final long run;

		private boolean closed;

		private Claim(Connection connection, long run) {
			this.connection = connection;
			this.run = run;
		}

		@Override
		public void close() {
			if (this.closed) {
				return;
			}
			this.closed = true;
			try {
				lock(this.connection, "select pg_advisory_unlock(?, ?)", this.run);
				this.connection.close();
			}
			catch (SQLException ex) {
				// the pool must not keep a connection that may still hold the lock
				logger.warn("Could not let go of reindex #{}: its connection is dropped", this.run, ex);
				try {
					this.connection.abort(Runnable::run);
				}
				catch (SQLException abortFailed) {
					logger.debug("Could not abort a claim's connection", abortFailed);
				}
				closeQuietly(this.connection);
			}
		}

	}

}
