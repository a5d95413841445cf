package fr.lianes.repertoire.census;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The networks an actor may say it belongs to. */
@Repository
class Networks {

	record Option(String slug, String name) {
	}

	private final JdbcClient jdbc;

	Networks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Option> all() {
		return this.jdbc.sql("select slug, name from network order by name")
			.query((rs, i) -> new Option(rs.getString(1), rs.getString(2)))
			.list();
	}

	boolean exists(String slug) {
		return this.jdbc.sql("select exists (select 1 from network where slug = ?)")
			.param(slug)
			.query(Boolean.class)
			.single();
	}

}
