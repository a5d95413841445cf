package fr.lianes.repertoire.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Looks actors up as {@link ActorCard}s, published or not. */
@Repository
class ActorCards {

	private static final String SELECT = """
			select a.id, a.slug, a.name, a.acronym, t.name as type_name, a.commune_insee, c.name as commune_name,
			       a.siren_siret, a.rna, a.status, a.published, a.version, a.address_line, a.postal_code,
			       a.website, a.email, a.phone, a.founding_year, a.description,
			       (select count(*) from project p where p.lead_actor_id = a.id)
			         + (select count(*) from project_actor pa where pa.actor_id = a.id) as projects,
			       (select count(*) from contact_person cp where cp.actor_id = a.id) as contacts,
			       a.updated_at
			from actor a
			join actor_type t on t.code = a.actor_type_code
			join commune c on c.insee_code = a.commune_insee
			""";

	private final JdbcClient jdbc;

	ActorCards(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<ActorCard> find(long id) {
		return this.jdbc.sql(SELECT + "where a.id = :id").param("id", id).query(ActorCards::card).optional();
	}

	/** The actors of these ids that exist, by id. */
	Map<Long, ActorCard> find(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<Long, ActorCard> cards = new LinkedHashMap<>();
		this.jdbc.sql(SELECT + "where a.id in (:ids)")
			.param("ids", List.copyOf(ids))
			.query(ActorCards::card)
			.list()
			.forEach((card) -> cards.put(card.id(), card));
		return cards;
	}

	/** The actor of a number or of a page address (its current or an old slug). */
	Optional<Long> idOf(String numberOrSlug) {
		String value = numberOrSlug.strip();
		if (value.matches("[0-9]{1,18}")) {
			return this.jdbc.sql("select id from actor where id = :id")
				.param("id", Long.parseLong(value))
				.query(Long.class)
				.optional();
		}
		String slug = value.replaceFirst("^.*/acteurs/", "").replaceFirst("[?#/].*$", "");
		return this.jdbc.sql("""
				select id from actor where slug = :slug
				union all
				select actor_id from actor_slug_redirect where old_slug = :slug
				limit 1""").param("slug", slug).query(Long.class).optional();
	}

	private static Short foundingYear(ResultSet rs) throws SQLException {
		short year = rs.getShort("founding_year");
		return rs.wasNull() ? null : year;
	}

	private static ActorCard card(ResultSet rs, int row) throws SQLException {
		return new ActorCard(rs.getLong("id"), rs.getString("slug"), rs.getString("name"), rs.getString("acronym"),
				rs.getString("type_name"), rs.getString("commune_insee"), rs.getString("commune_name"),
				rs.getString("siren_siret"), rs.getString("rna"), rs.getString("status"), rs.getBoolean("published"),
				rs.getInt("version"), rs.getString("address_line"), rs.getString("postal_code"),
				rs.getString("website"), rs.getString("email"), rs.getString("phone"), foundingYear(rs),
				rs.getString("description"), rs.getInt("projects"), rs.getInt("contacts"),
				rs.getObject("updated_at", OffsetDateTime.class));
	}

}
