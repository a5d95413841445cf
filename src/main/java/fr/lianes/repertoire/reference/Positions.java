package fr.lianes.repertoire.reference;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Moves an entry one place up or down among its siblings, then numbers them 1, 2, 3...
 * (the generated lists have gaps and may have ties). Each ordered list has its own
 * statements.
 */
enum Positions {

	/** Domains, among those of the same parent (the top-level ones together). */
	DOMAIN("""
			select id from domain where parent_id is not distinct from cast(:group as smallint)
			order by position, id for update""", "update domain set position = :position where id = :key", """
			select coalesce(max(position), 0) + 1 from domain
			where parent_id is not distinct from cast(:group as smallint)"""),

	/** Actor types, one list. */
	ACTOR_TYPE("select code from actor_type order by position, code for update",
			"update actor_type set position = :position where code = :key",
			"select coalesce(max(position), 0) + 1 from actor_type"),

	/** Named territories, one list. */
	TERRITORY("select id from territory order by position, id for update",
			"update territory set position = :position where id = :key",
			"select coalesce(max(position), 0) + 1 from territory");

	/** The siblings' keys in their order, locked. */
	private final String siblings;

	private final String renumber;

	private final String next;

	Positions(String siblings, String renumber, String next) {
		this.siblings = siblings;
		this.renumber = renumber;
		this.next = next;
	}

	/**
	 * @param jdbc the connection, in the caller's transaction
	 * @param group the entry's parent, for domains; null otherwise
	 * @param entry the key of the entry to move
	 * @param up towards the start of the list, else towards its end
	 * @return false if the entry was already first (or last)
	 */
	boolean move(JdbcClient jdbc, Object group, Object entry, boolean up) {
		List<Object> order = new ArrayList<>(grouped(jdbc.sql(this.siblings), group).query().singleColumn());
		// smallint keys come back as Integer: compare their text
		int from = order.stream().map(String::valueOf).toList().indexOf(String.valueOf(entry));
		int to = up ? from - 1 : from + 1;
		if (from < 0 || to < 0 || to >= order.size()) {
			return false;
		}
		order.set(to, order.set(from, order.get(to)));
		for (int i = 0; i < order.size(); i++) {
			jdbc.sql(this.renumber).param("position", i + 1).param("key", order.get(i)).update();
		}
		return true;
	}

	/** The position after the last of the siblings. */
	short next(JdbcClient jdbc, Object group) {
		return grouped(jdbc.sql(this.next), group).query(Short.class).single();
	}

	private JdbcClient.StatementSpec grouped(JdbcClient.StatementSpec statement, Object group) {
		return (this == DOMAIN) ? statement.param("group", group) : statement;
	}

}
