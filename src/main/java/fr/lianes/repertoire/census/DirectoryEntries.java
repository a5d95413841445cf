package fr.lianes.repertoire.census;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The directory as the census sees it: who an email address belongs to, and an entry
 * turned back into questionnaire answers, so that an update starts from what is there.
 */
@Repository
class DirectoryEntries {

	/** An actor an email address belongs to. */
	record Known(long actorId, String name) {
	}

	private static final int MAX_ACTORS_PER_EMAIL = 3;

	private final JdbcClient jdbc;

	DirectoryEntries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The actors (not ceased) whose public email or a contact person's email this is. */
	@Transactional(readOnly = true)
	List<Known> byEmail(String email) {
		return this.jdbc
			.sql("""
					select a.id, a.name from actor a
					where a.status <> 'CEASED'
					  and (lower(a.email) = lower(:email)
					       or exists (select 1 from contact_person c where c.actor_id = a.id and lower(c.email) = lower(:email)))
					order by a.published desc, a.updated_at desc
					limit :max""")
			.param("email", email.strip())
			.param("max", MAX_ACTORS_PER_EMAIL)
			.query((rs, i) -> new Known(rs.getLong(1), rs.getString(2)))
			.list();
	}

	/**
	 * The actor (not ceased) if this is its public email or one of its contact persons':
	 * an update link asked for from its page goes only to its own addresses.
	 */
	@Transactional(readOnly = true)
	Optional<Known> byEmail(long actorId, String email) {
		return this.jdbc
			.sql("""
					select a.id, a.name from actor a
					where a.id = :id and a.status <> 'CEASED'
					  and (lower(a.email) = lower(:email)
					       or exists (select 1 from contact_person c where c.actor_id = a.id and lower(c.email) = lower(:email)))""")
			.param("id", actorId)
			.param("email", email.strip())
			.query((rs, i) -> new Known(rs.getLong(1), rs.getString(2)))
			.optional();
	}

	/** A published actor by its slug, as its public page names it. */
	@Transactional(readOnly = true)
	Optional<Known> published(String slug) {
		return this.jdbc.sql("select id, name from actor where slug = ? and published")
			.param(slug)
			.query((rs, i) -> new Known(rs.getLong(1), rs.getString(2)))
			.optional();
	}

	Optional<String> name(long actorId) {
		return this.jdbc.sql("select name from actor where id = ?").param(actorId).query(String.class).optional();
	}

	/**
	 * The entry as questionnaire answers: the actor, its contacts and its published
	 * projects. A contact person's email and phone are filled in only when they are
	 * public or the person is the one asking ({@code requester}): a link sent to one
	 * address must not show the private details of the others. Left empty, they mean
	 * "unchanged".
	 */
	@Transactional(readOnly = true)
	Optional<CensusAnswers> answers(long actorId, String requester) {
		return answers(actorId, requester, false, null);
	}

	/** The entry as answers with every contact detail, for the network's staff. */
	@Transactional(readOnly = true)
	Optional<CensusAnswers> answersForStaff(long actorId) {
		return answers(actorId, null, true, null);
	}

	/**
	 * The entry as a questionnaire started at {@code shownAt} showed it: the contact
	 * persons and projects that existed then, with every detail for the network's staff
	 * ({@code requester} null) or as {@code requester} saw them.
	 */
	@Transactional(readOnly = true)
	Optional<CensusAnswers> answersAsShown(long actorId, String requester, Instant shownAt) {
		return answers(actorId, requester, requester == null, shownAt);
	}

	private Optional<CensusAnswers> answers(long actorId, String requester, boolean everything, Instant shownAt) {
		Optional<StructureAnswers> structure = this.jdbc.sql("""
				select a.*, c.name as commune_name,
				       array(select n.slug from actor_network an join network n on n.id = an.network_id
				             where an.actor_id = a.id order by n.name) as networks
				from actor a join commune c on c.insee_code = a.commune_insee
				where a.id = ?""").param(actorId).query(this::structure).optional();
		if (structure.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new CensusAnswers(structure.get(), contacts(actorId, requester, everything, shownAt),
				projects(actorId, shownAt), null, null));
	}

	private StructureAnswers structure(ResultSet rs, int row) throws SQLException {
		String siret = rs.getString("siren_siret");
		Object year = rs.getObject("founding_year");
		return new StructureAnswers(rs.getString("name"), rs.getString("acronym"), rs.getString("actor_type_code"),
				siret, rs.getString("rna"), rs.getString("address_line"), rs.getString("postal_code"),
				rs.getString("commune_name"), rs.getString("commune_insee"), rs.getString("website"),
				rs.getString("email"), rs.getString("phone"), rs.getString("description"), strings(rs, "networks"),
				(year != null) ? year.toString() : null);
	}

	private List<ContactAnswers> contacts(long actorId, String requester, boolean everything, Instant shownAt) {
		return this.jdbc
			.sql("""
					select p.id, p.full_name, p.role, p.email, p.phone,
					       coalesce((select granted from contact_consent k where k.contact_person_id = p.id and k.field = 'NAME'
					                 order by recorded_at desc, id desc limit 1), false) as name_ok,
					       coalesce((select granted from contact_consent k where k.contact_person_id = p.id and k.field = 'EMAIL'
					                 order by recorded_at desc, id desc limit 1), false) as email_ok,
					       coalesce((select granted from contact_consent k where k.contact_person_id = p.id and k.field = 'PHONE'
					                 order by recorded_at desc, id desc limit 1), false) as phone_ok
					from contact_person p where p.actor_id = ? and p.created_at <= coalesce(?::timestamptz, 'infinity'::timestamptz)
					order by p.position, p.id""")
			.params(actorId, shownAt(shownAt))
			.query((rs, i) -> {
				boolean self = everything || (requester != null && requester.equalsIgnoreCase(rs.getString("email")));
				return new ContactAnswers("c" + rs.getLong("id"), rs.getString("full_name"), rs.getString("role"),
						(self || rs.getBoolean("email_ok")) ? rs.getString("email") : null,
						(self || rs.getBoolean("phone_ok")) ? rs.getString("phone") : null, rs.getBoolean("name_ok"),
						rs.getBoolean("email_ok"), rs.getBoolean("phone_ok"));
			})
			.list();
	}

	/** A project (published or not) as questionnaire answers. */
	@Transactional(readOnly = true)
	Optional<ProjectAnswers> projectAnswers(long projectId) {
		return projects("p.id = ?", projectId, null).stream().findFirst();
	}

	private List<ProjectAnswers> projects(long actorId, Instant shownAt) {
		return projects("p.lead_actor_id = ? and p.published", actorId, shownAt);
	}

	private List<ProjectAnswers> projects(String condition, long id, Instant shownAt) {
		Map<Long, List<PartnerAnswers>> partners = this.jdbc
			.sql("""
					select pp.project_id, o.name, o.city, o.country_iso2 from project_partner pp
					join partner_organisation o on o.id = pp.partner_id
					join project p on p.id = pp.project_id
					where %s and p.created_at <= coalesce(?::timestamptz, 'infinity'::timestamptz) order by o.name"""
				.formatted(condition))
			.params(id, shownAt(shownAt))
			.query((rs, i) -> Map.entry(rs.getLong(1),
					new PartnerAnswers(rs.getString(2), rs.getString(3), rs.getString(4))))
			.list()
			.stream()
			.collect(Collectors.groupingBy(Map.Entry::getKey,
					Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
		return this.jdbc
			.sql("""
					select p.*,
					       array(select country_iso2 from project_country c where c.project_id = p.id order by 1) as countries,
					       array(select d.slug from project_domain pd join domain d on d.id = pd.domain_id
					             where pd.project_id = p.id order by d.position) as domains
					from project p where %s and p.created_at <= coalesce(?::timestamptz, 'infinity'::timestamptz)
					order by p.start_year desc nulls last, p.title"""
				.formatted(condition))
			.params(id, shownAt(shownAt))
			.query((rs, i) -> new ProjectAnswers("p" + rs.getLong("id"), rs.getString("title"), rs.getString("kind"),
					strings(rs, "countries"), String.join("\n", strings(rs, "localities")),
					partners.getOrDefault(rs.getLong("id"), List.of()), strings(rs, "domains"), rs.getString("nature"),
					text(rs.getObject("start_year")), text(rs.getObject("end_year")), rs.getString("status"),
					rs.getString("description"), String.join("\n", strings(rs, "funders")),
					rs.getString("partner_authority")))
			.list();
	}

	private static java.time.OffsetDateTime shownAt(Instant instant) {
		return (instant != null) ? instant.atOffset(java.time.ZoneOffset.UTC) : null;
	}

	/** A key for a project or contact added in the questionnaire. */
	static String newKey() {
		return "n" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
	}

	private static String text(Object value) {
		return (value != null) ? value.toString() : null;
	}

	private static List<String> strings(ResultSet rs, String column) throws SQLException {
		Array array = rs.getArray(column);
		return (array != null) ? Arrays.asList((String[]) array.getArray()) : List.of();
	}

}
