package fr.lianes.repertoire.reference;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The networks an actor may say it belongs to. */
@Service
public class Networks {

	private final JdbcClient jdbc;

	Networks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every network, by name. */
	public List<NetworkRef> all() {
		return this.jdbc.sql("select id, slug, name from network order by name")
			.query((rs, i) -> new NetworkRef(rs.getInt(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	/** Whether a network of this slug exists. */
	public boolean exists(String slug) {
		return this.jdbc.sql("select exists (select 1 from network where slug = ?)")
			.param(slug)
			.query(Boolean.class)
			.single();
	}

}
