package fr.lianes.repertoire.imports;

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
 * Which instance runs an import job: the one that holds the job's claim, a PostgreSQL
 * session advisory lock taken with {@code pg_try_advisory_lock} on a connection of its
 * own, kept while the job runs. Taking it is one atomic statement: of two instances (or
 * two threads) asking for the same job, one gets it and the other is told no at once. The
 * lock lives with its connection: an instance that stops, or dies, lets go of its jobs,
 * which the next instance to start takes up (their state in {@code import_job} says where
 * they are). No time is involved: nothing to expire, nothing to renew while a long batch
 * runs on a busy machine.
 */
@Component
class ImportClaims {

	/** The first key of the imports' advisory locks (the second is the job's id). */
	static final int LOCK_SPACE = 0x14_1440;

	private static final Logger logger = LoggerFactory.getLogger(ImportClaims.class);

	private final DataSource dataSource;

	ImportClaims(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * Claims a job for this instance.
	 * @return the claim, to close once the job is left; empty when another instance (or
	 * another run here) holds it
	 */
	Optional<Claim> claim(long job) {
		Connection connection = null;
		try {
			connection = this.dataSource.getConnection();
			if (!connection.getAutoCommit()) {
				connection.setAutoCommit(true);
			}
			if (lock(connection, "select pg_try_advisory_lock(?, ?)", job)) {
				return Optional.of(new Claim(connection, job));
			}
			connection.close();
			return Optional.empty();
		}
		catch (SQLException ex) {
			closeQuietly(connection);
			throw new DataAccessResourceFailureException("Could not claim import #" + job, ex);
		}
	}

	private static boolean lock(Connection connection, String sql, long job) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setInt(1, LOCK_SPACE);
			statement.setInt(2, Math.toIntExact(job));
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

	/** A job claimed by this instance, until closed. */
	static final class Claim implements AutoCloseable {

		private final Connection connection;

		private final long job;

		private boolean closed;

		private Claim(Connection connection, long job) {
			this.connection = connection;
			this.job = job;
		}

		@Override
		public void close() {
			if (this.closed) {
				return;
			}
			this.closed = true;
			try {
				if (!lock(this.connection, "select pg_advisory_unlock(?, ?)", this.job)) {
					logger.warn("Import #{} was not claimed any more when let go", this.job);
				}
				this.connection.close();
			}
			catch (SQLException ex) {
				// the pool must not keep a connection that may still hold the lock
				logger.warn("Could not let go of import #{}: its connection is dropped", this.job, ex);
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
