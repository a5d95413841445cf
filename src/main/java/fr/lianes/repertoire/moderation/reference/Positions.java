package fr.lianes.repertoire.moderation.reference;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Moves an entry one place up or down among its siblings, then numbers them 1, 2, 3...
 * (the generated lists have gaps and may have ties).
 */
final class Positions {

	private Positions() {
	}

	/**
	 * @param jdbc the connection, in the caller's transaction
	 * @param table the reference table
	 * @param key its key column
	 * @param siblings the condition selecting the entry's siblings (itself included),
	 * possibly with a {@code :group} parameter
	 * @param group the value of that parameter
	 * @param entry the key of the entry to move
	 * @param up towards the start of the list, else towards its end
	 * @return false if the entry was already first (or last)
	 */
	static boolean move(JdbcClient jdbc, String table, String key, String siblings, Object group, Object entry,
			boolean up) {
		var statement = jdbc.sql("select " + key + " from " + table + " where " + siblings + " order by position, "
				+ key + " for update");
		if (siblings.contains(":group")) {
			statement = statement.param("group", group);
		}
		List<Object> order = new ArrayList<>(statement.query().singleColumn());
		// smallint keys come back as Integer: compare their text
		int from = order.stream().map(String::valueOf).toList().indexOf(String.valueOf(entry));
		int to = up ? from - 1 : from + 1;
		if (from < 0 || to < 0 || to >= order.size()) {
			return false;
		}
		order.set(to, order.set(from, order.get(to)));
		for (int i = 0; i < order.size(); i++) {
			jdbc.sql("update " + table + " set position = :position where " + key + " = :key")
				.param("position", i + 1)
				.param("key", order.get(i))
				.update();
		}
		return true;
	}

	/** The position after the last of the siblings. */
	static short next(JdbcClient jdbc, String table, String siblings, Object group) {
		var statement = jdbc.sql("select coalesce(max(position), 0) + 1 from " + table + " where " + siblings);
		if (siblings.contains(":group")) {
			statement = statement.param("group", group);
		}
		return statement.query(Short.class).single();
	}

}
