package fr.lianes.repertoire.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Which instance runs a piece of background work recorded in the database (an import job,
 * a reindex run): the one that holds its claim, a PostgreSQL session advisory lock taken
 * with {@code pg_try_advisory_lock} on a connection of its own, kept while the work goes
 * on. Taking it is one atomic statement: of two instances (or two threads) asking for the
 * same work, one gets it and the other is told no at once. The lock lives with its
 * connection: an instance that stops, or dies, lets go of its work, which another takes
 * up (the work's own table says where it is). No time is involved: nothing to expire,
 * nothing to renew while a long batch runs on a busy machine.
 * <p>
 * Each kind of work has its lock space, the first key of its locks (the second is the
 * work's id).
 */
public class AdvisoryClaims {

	private static final Logger logger = LoggerFactory.getLogger(AdvisoryClaims.class);

	private final DataSource dataSource;

	private final int lockSpace;

	private final String kind;

	/**
	 * Claims of one kind of work.
	 * @param dataSource where the locks are taken
	 * @param lockSpace the first key of this kind's locks, apart from every other kind's
	 * @param kind what the work is called in messages ("import", "reindex")
	 */
	protected AdvisoryClaims(DataSource dataSource, int lockSpace, String kind) {
		this.dataSource = dataSource;
		this.lockSpace = lockSpace;
		this.kind = kind;
	}

	/**
	 * Claims a piece of work for this instance.
	 * @param id the work's id
	 * @return the claim, to close once the work is left; empty when another instance (or
	 * another thread here) holds it
	 */
	public Optional<Claim> claim(long id) {
		Connection connection = null;
		try {
			connection = this.dataSource.getConnection();
			if (!connection.getAutoCommit()) {
				connection.setAutoCommit(true);
			}
			if (lock(connection, "select pg_try_advisory_lock(?, ?)", this.lockSpace, id)) {
				return Optional.of(new Claim(connection, this.lockSpace, this.kind, id));
			}
			connection.close();
			return Optional.empty();
		}
		catch (SQLException ex) {
			closeQuietly(connection);
			throw new DataAccessResourceFailureException("Could not claim " + this.kind + " #" + id, ex);
		}
	}

	private static boolean lock(Connection connection, String sql, int lockSpace, long id) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setInt(1, lockSpace);
			statement.setInt(2, Math.toIntExact(id));
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

	/** A piece of work claimed by this instance, until closed. */
	public static final class Claim implements AutoCloseable {

		private final Connection connection;

		private final int lockSpace;

		private final String kind;

		private final long id;

		private boolean closed;

		private Claim(Connection connection, int lockSpace, String kind, long id) {
			this.connection = connection;
			this.lockSpace = lockSpace;
			this.kind = kind;
			this.id = id;
		}

		@Override
		public void close() {
			if (this.closed) {
				return;
			}
			this.closed = true;
			try {
				if (!lock(this.connection, "select pg_advisory_unlock(?, ?)", this.lockSpace, this.id)) {
					logger.warn("{} #{} was not claimed any more when let go", this.kind, this.id);
				}
				this.connection.close();
			}
			catch (SQLException ex) {
				// the pool must not keep a connection that may still hold the lock
				logger.warn("Could not let go of {} #{}: its connection is dropped", this.kind, this.id, ex);
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
