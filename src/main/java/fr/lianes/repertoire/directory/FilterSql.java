package fr.lianes.repertoire.directory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SQL conditions of a filtered list, one per filter ("dimension"), so that each facet
 * can be counted with every filter but its own: choosing Sénégal must still show how many
 * actors work in Mali.
 */
final class FilterSql {

	private final String base;

	private final Map<String, String> conditions = new LinkedHashMap<>();

	private final Map<String, Object> params = new LinkedHashMap<>();

	FilterSql(String base) {
		this.base = base;
	}

	/** Adds a condition for a dimension unless its values are empty. */
	FilterSql add(String dimension, String condition, Collection<?> values) {
		if (!values.isEmpty()) {
			this.conditions.put(dimension, condition);
			this.params.put(dimension, values);
		}
		return this;
	}

	/** Adds a condition with its own named parameters. */
	FilterSql add(String dimension, String condition, Map<String, ?> parameters) {
		this.conditions.put(dimension, condition);
		this.params.putAll(parameters);
		return this;
	}

	/** The WHERE clause with every condition. */
	String where() {
		return whereExcept(null);
	}

	/** The WHERE clause with every condition but the given dimension's. */
	String whereExcept(String dimension) {
		List<String> clauses = new ArrayList<>();
		clauses.add(this.base);
		this.conditions.forEach((name, condition) -> {
			if (!name.equals(dimension)) {
				clauses.add(condition);
			}
		});
		return "where " + String.join("\n  and ", clauses);
	}

	/**
	 * Counts results per value of a dimension, with every filter but that dimension's.
	 * @param sql a query of (value, count) rows with a {@code %s} where the WHERE clause
	 * goes
	 */
	Map<String, Long> counts(JdbcClient jdbc, String dimension, String sql) {
		Map<String, Long> counts = new LinkedHashMap<>();
		jdbc.sql(sql.formatted(whereExcept(dimension))).params(this.params).query((rs) -> {
			counts.put(rs.getString(1), rs.getLong(2));
		});
		return counts;
	}

	Map<String, Object> params() {
		return this.params;
	}

}
