package fr.lianes.repertoire.database;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;

/**
 * Why the database could not do what a request asked, when the request itself is not to
 * blame: the server does not answer, or it cannot write for want of disk space. Anything
 * else (a constraint violated, a bug) is no database fault.
 */
public enum DatabaseFault {

	/**
	 * The server is down, unreachable, restarting, or the pool could not get a
	 * connection.
	 */
	UNAVAILABLE,

	/** The server cannot write: its disk is full (SQLSTATE 53100). */
	DISK_FULL;

	/**
	 * The fault behind an exception, looking through its causes.
	 * @param failure an exception thrown while serving a request
	 * @return the fault, or empty when the database is not to blame
	 */
	public static Optional<DatabaseFault> of(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof SQLTransientConnectionException) {
				// the pool's connection timeout: no connection could be had
				return Optional.of(UNAVAILABLE);
			}
			if (cause instanceof SQLException sql && sql.getSQLState() != null) {
				String state = sql.getSQLState();
				if (state.equals("53100")) {
					return Optional.of(DISK_FULL);
				}
				// 08: connection exception; 53: insufficient resources; 57P: the server
				// shuts down, crashed or is starting
				if (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P")) {
					return Optional.of(UNAVAILABLE);
				}
			}
		}
		return Optional.empty();
	}

}
