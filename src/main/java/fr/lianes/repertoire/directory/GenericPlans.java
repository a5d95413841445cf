package fr.lianes.repertoire.directory;

import java.sql.PreparedStatement;
import java.util.Collection;

import org.postgresql.PGStatement;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Queries of entries by their ids, run as statements prepared on the server. The pool
 * plans every statement with its values ({@code prepareThreshold: 0}, for the queries
 * whose selectivity depends on them); a query by primary keys gets the same plan whatever
 * the ids, and planning it again each time cost more than running it (the API's page of
 * 20 actors: 3 to 15 ms of planning for 1 to 2 ms of execution). Prepared on the server,
 * PostgreSQL keeps one generic plan per connection after a few executions. The ids go as
 * one array, so that the statement's text is the same whatever their number.
 */
final class GenericPlans {

	private GenericPlans() {
	}

	/**
	 * Runs the query, each {@code ?} in it bound to the same array of ids.
	 * @param sql a query whose parameters are all the ids, written {@code = any(?)} or
	 * {@code in (select unnest(?::bigint[]))}
	 */
	static void query(JdbcTemplate jdbc, String sql, Collection<Long> ids, RowCallbackHandler rows) {
		long[] array = ids.stream().mapToLong(Long::longValue).toArray();
		int parameters = (int) sql.chars().filter((c) -> c == '?').count();
		jdbc.query((connection) -> {
			PreparedStatement statement = connection.prepareStatement(sql);
			statement.unwrap(PGStatement.class).setPrepareThreshold(1);
			for (int i = 1; i <= parameters; i++) {
				statement.setObject(i, array);
			}
			return statement;
		}, rows);
	}

}
