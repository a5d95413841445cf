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
 * one array, so that the statement's text is the same whatever their number, and as the
 * statement's one parameter: a query that reads them in several places names them once
 * (e.g. in a {@code with} query every part of the statement reads).
 */
final class GenericPlans {

	private GenericPlans() {
	}

	/**
	 * Runs the query with the array of ids as its one parameter.
	 * @param sql a query with one parameter, the ids, written for instance
	 * {@code = any(?)} or {@code with ids as (select unnest(?::bigint[]) as id)}
	 */
	static void query(JdbcTemplate jdbc, String sql, Collection<Long> ids, RowCallbackHandler rows) {
		long[] array = ids.stream().mapToLong(Long::longValue).toArray();
		jdbc.query((connection) -> {
			PreparedStatement statement = connection.prepareStatement(sql);
			statement.unwrap(PGStatement.class).setPrepareThreshold(1);
			statement.setObject(1, array);
			return statement;
		}, rows);
	}

}
