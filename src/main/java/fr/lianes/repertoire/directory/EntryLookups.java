package fr.lianes.repertoire.directory;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The directory's entries as the back office and the census look them up: every actor,
 * published or not, by name or identifier, those not heard from since a date, the
 * projects an actor leads; who an email address belongs to, and an actor by id or by its
 * public slug. Reads only.
 */
@Service
@Transactional(readOnly = true)
public class EntryLookups {

	/**
	 * An actor as the back office's lists show it; {@code at} is the date the list is
	 * about (last change, last census answer), null for never.
	 */
	public record ActorSummary(long id, String name, String commune, String status, boolean published,
			OffsetDateTime at) {

		static ActorSummary of(ResultSet rs, int row) throws SQLException {
			return new ActorSummary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
					rs.getObject(6, OffsetDateTime.class));
		}

	}

	/** A project listed on its lead actor's back-office page. */
	public record ProjectSummary(long id, String title, String status, boolean published) {
	}

	/** An actor named: its id, slug, name and the version of its row. */
	public record ActorRef(long id, String slug, String name, int version) {

		static ActorRef of(ResultSet rs, int row) throws SQLException {
			return new ActorRef(rs.getLong("id"), rs.getString("slug"), rs.getString("name"), rs.getInt("version"));
		}

	}

	/**
	 * An actor mail can be sent to, with every address it has (its own first, then its
	 * contact persons' in their order), and when its entry last changed (the actor's row
	 * or one of its contact persons).
	 */
	public record Reachable(long actorId, String name, List<String> addresses, OffsetDateTime lastChangedAt) {
	}

	private static final String REACHABLE = """
			select a.id, a.name,
			       array_remove(array[nullif(btrim(a.email), '')]
			           || array(select btrim(c.email) from contact_person c
			                    where c.actor_id = a.id and nullif(btrim(c.email), '') is not null
			                    order by c.position, c.id), null) as addresses,
			       greatest(a.updated_at, (select max(c.updated_at) from contact_person c where c.actor_id = a.id))
			           as last_changed_at
			from actor a
			""";

	private static final String HAS_ADDRESS = """
			(nullif(btrim(a.email), '') is not null
			 or exists (select 1 from contact_person c where c.actor_id = a.id and nullif(btrim(c.email), '') is not null))""";

	private static final String ACTOR_REF = "select a.id, a.slug, a.name, a.version from actor a ";

	private static final String OWNS_EMAIL = """
			(lower(a.email) = lower(:email)
			 or exists (select 1 from contact_person c where c.actor_id = a.id and lower(c.email) = lower(:email)))""";

	private final JdbcClient jdbc;

	EntryLookups(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The actors whose name contains {@code query} (accents and case ignored), or whose
	 * slug, RNA number, SIREN or SIRET is it, latest changed first; all of them when the
	 * query is blank.
	 * @param query what a person typed, stripped
	 * @param limit how many at most
	 */
	public List<ActorSummary> find(String query, int limit) {
		return this.jdbc.sql("""
				select a.id, a.name, c.name, a.status, a.published, a.updated_at
				from actor a join commune c on c.insee_code = a.commune_insee
				where :q = '' or lower(immutable_unaccent(a.name)) like '%' || lower(immutable_unaccent(:q)) || '%'
				   or a.slug = :q or a.rna = upper(:q)
				   or (length(:digits) in (9, 14) and left(a.siren_siret, 9) = left(:digits, 9))
				order by a.updated_at desc limit :limit""")
			.param("q", query.replace("\\", "").replace("%", "").replace("_", " "))
			.param("digits", query.matches("[0-9 .]+") ? query.replaceAll("[^0-9]", "") : "")
			.param("limit", limit)
			.query(ActorSummary::of)
			.list();
	}

	/**
	 * The actors still said active or dormant that have not answered the census since
	 * {@code since} (or ever), those never heard from first.
	 */
	public List<ActorSummary> notHeardFromSince(OffsetDateTime since, int limit) {
		return this.jdbc.sql("""
				select a.id, a.name, c.name, a.status, a.published, a.last_census_response_at
				from actor a join commune c on c.insee_code = a.commune_insee
				where a.status <> 'CEASED'
				  and (a.last_census_response_at is null or a.last_census_response_at < :since)
				order by a.last_census_response_at nulls first, a.id limit :limit""")
			.param("since", since)
			.param("limit", limit)
			.query(ActorSummary::of)
			.list();
	}

	/** How many actors {@link #notHeardFromSince} would list without a limit. */
	public long countNotHeardFromSince(OffsetDateTime since) {
		return this.jdbc.sql("""
				select count(*) from actor a where a.status <> 'CEASED'
				  and (a.last_census_response_at is null or a.last_census_response_at < :since)""")
			.param("since", since)
			.query(Long.class)
			.single();
	}

	/**
	 * How many active actors no mail can reach: neither they nor their contact persons
	 * have an address.
	 */
	public long countActiveWithoutAddress() {
		return this.jdbc.sql("""
				select count(*) from actor a
				where a.status = 'ACTIVE' and nullif(btrim(a.email), '') is null
				  and not exists (select 1 from contact_person c where c.actor_id = a.id
				                  and nullif(btrim(c.email), '') is not null)""").query(Long.class).single();
	}

	/** The projects the actor leads, published first, then by title. */
	public List<ProjectSummary> projectsLedBy(long actorId) {
		return this.jdbc.sql(
				"select id, title, status, published from project where lead_actor_id = ? order by published desc, title")
			.param(actorId)
			.query((rs, i) -> new ProjectSummary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)))
			.list();
	}

	/**
	 * The actors (not ceased) whose public email or a contact person's email this is,
	 * published first, then the latest changed.
	 */
	public List<ActorRef> byEmail(String email, int limit) {
		return this.jdbc
			.sql(ACTOR_REF + "where a.status <> 'CEASED' and " + OWNS_EMAIL
					+ " order by a.published desc, a.updated_at desc limit :max")
			.param("email", email.strip())
			.param("max", limit)
			.query(ActorRef::of)
			.list();
	}

	/**
	 * The actor (not ceased) if this is its public email or one of its contact persons'.
	 */
	public Optional<ActorRef> byEmail(long actorId, String email) {
		return this.jdbc.sql(ACTOR_REF + "where a.id = :id and a.status <> 'CEASED' and " + OWNS_EMAIL)
			.param("id", actorId)
			.param("email", email.strip())
			.query(ActorRef::of)
			.optional();
	}

	/** A published actor by its slug, as its public page names it. */
	public Optional<ActorRef> published(String slug) {
		return this.jdbc.sql(ACTOR_REF + "where a.slug = ? and a.published").param(slug).query(ActorRef::of).optional();
	}

	/** An actor, published or not. */
	public Optional<ActorRef> actor(long actorId) {
		return this.jdbc.sql(ACTOR_REF + "where a.id = ?").param(actorId).query(ActorRef::of).optional();
	}

	/**
	 * The actors active (and dormant, if asked) that have an address, their own or a
	 * contact person's, after {@code afterId} in id order.
	 */
	public List<Reachable> reachable(boolean includeDormant, long afterId, int limit) {
		return this.jdbc
			.sql(REACHABLE + "where (a.status = 'ACTIVE' or (:dormant and a.status = 'DORMANT')) and " + HAS_ADDRESS
					+ " and a.id > :after order by a.id limit :limit")
			.param("dormant", includeDormant)
			.param("after", afterId)
			.param("limit", limit)
			.query(EntryLookups::reachable)
			.list();
	}

	/**
	 * Those of these actors that have not ceased, after {@code afterId} in id order, with
	 * their addresses (maybe none).
	 */
	public List<Reachable> notCeasedAmong(Collection<Long> actorIds, long afterId, int limit) {
		if (actorIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.sql(REACHABLE
					+ "where a.id = any(:ids) and a.status <> 'CEASED' and a.id > :after order by a.id limit :limit")
			.param("ids", actorIds.toArray(Long[]::new))
			.param("after", afterId)
			.param("limit", limit)
			.query(EntryLookups::reachable)
			.list();
	}

	/** How many of these actors have not ceased. */
	public long countNotCeasedAmong(Collection<Long> actorIds) {
		if (actorIds.isEmpty()) {
			return 0;
		}
		return this.jdbc.sql("select count(*) from actor a where a.id = any(?) and a.status <> 'CEASED'")
			.param(actorIds.toArray(Long[]::new))
			.query(Long.class)
			.single();
	}

	/**
	 * These actors' names, in the order of their names (then ids); unknown ids left out.
	 */
	public LinkedHashMap<Long, String> namesInOrder(Collection<Long> actorIds) {
		LinkedHashMap<Long, String> names = new LinkedHashMap<>();
		if (actorIds.isEmpty()) {
			return names;
		}
		this.jdbc.sql("select id, name from actor where id = any(?) order by name, id")
			.param(actorIds.toArray(Long[]::new))
			.query((rs) -> {
				names.put(rs.getLong(1), rs.getString(2));
			});
		return names;
	}

	private static Reachable reachable(ResultSet rs, int row) throws SQLException {
		Array addresses = rs.getArray("addresses");
		return new Reachable(rs.getLong("id"), rs.getString("name"),
				(addresses != null) ? List.of((String[]) addresses.getArray()) : List.of(),
				rs.getObject("last_changed_at", OffsetDateTime.class));
	}

}
