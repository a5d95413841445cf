package fr.lianes.repertoire.directory;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import fr.lianes.repertoire.directory.EntryCommands.ActorFields;
import fr.lianes.repertoire.directory.EntryCommands.ContactFields;
import fr.lianes.repertoire.directory.EntryCommands.PartnerFields;
import fr.lianes.repertoire.directory.EntryCommands.ProjectFields;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An entry as it stands, in the fields its writers use ({@link EntryCommands}): what a
 * questionnaire or an edit form starts from. Reads only.
 * <p>
 * A contact person's email and phone are given only when they are public, the person is
 * the one asking ({@code requester}), or everything is asked for (the network's staff): a
 * link sent to one address must not show the private details of the others. Asked "as
 * shown at" an instant, the contact persons and projects created since are left out.
 */
@Service
@Transactional(readOnly = true)
public class EntrySnapshots {

	/**
	 * An actor, its commune's name and its contact persons in their order.
	 *
	 * @param id its id
	 * @param fields its fields, networks by name
	 * @param communeName the name of its commune
	 * @param contacts its contact persons (id, details as allowed, what they publish)
	 */
	public record ActorSnapshot(long id, ActorFields fields, String communeName, List<ContactFields> contacts) {
	}

	private final JdbcClient jdbc;

	EntrySnapshots(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The actor and its contact persons.
	 * @param requester the address asking, whose own details are shown; may be null
	 * @param everything every contact detail, for the network's staff
	 * @param shownAt leave out the contact persons added since; null for none left out
	 */
	public Optional<ActorSnapshot> actor(long actorId, String requester, boolean everything, Instant shownAt) {
		return this.jdbc.sql("""
				select a.*, c.name as commune_name,
				       array(select n.slug from actor_network an join network n on n.id = an.network_id
				             where an.actor_id = a.id order by n.name) as networks
				from actor a join commune c on c.insee_code = a.commune_insee
				where a.id = ?""")
			.param(actorId)
			.query((rs, i) -> new ActorSnapshot(rs.getLong("id"), actorFields(rs), rs.getString("commune_name"), null))
			.optional()
			.map((actor) -> new ActorSnapshot(actor.id(), actor.fields(), actor.communeName(),
					contacts(actorId, requester, everything, shownAt)));
	}

	/**
	 * The published projects the actor leads, the latest started first.
	 * @param shownAt leave out the projects created since; null for none left out
	 */
	public List<ProjectFields> publishedProjects(long actorId, Instant shownAt) {
		return projects("p.lead_actor_id = ? and p.published", actorId, shownAt);
	}

	/** A project, published or not. */
	public Optional<ProjectFields> project(long projectId) {
		return projects("p.id = ?", projectId, null).stream().findFirst();
	}

	private static ActorFields actorFields(ResultSet rs) throws SQLException {
		Object year = rs.getObject("founding_year");
		return new ActorFields(rs.getString("name"), rs.getString("acronym"), rs.getString("actor_type_code"),
				rs.getString("siren_siret"), rs.getString("rna"), rs.getString("address_line"),
				rs.getString("postal_code"), rs.getString("commune_insee"), rs.getString("website"),
				rs.getString("email"), rs.getString("phone"), rs.getString("description"),
				(year != null) ? ((Number) year).shortValue() : null, strings(rs, "networks"));
	}

	private List<ContactFields> contacts(long actorId, String requester, boolean everything, Instant shownAt) {
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
			.params(actorId, at(shownAt))
			.query((rs, i) -> {
				boolean self = everything || (requester != null && requester.equalsIgnoreCase(rs.getString("email")));
				return new ContactFields(rs.getLong("id"), rs.getString("full_name"), rs.getString("role"),
						(self || rs.getBoolean("email_ok")) ? rs.getString("email") : null,
						(self || rs.getBoolean("phone_ok")) ? rs.getString("phone") : null, rs.getBoolean("name_ok"),
						rs.getBoolean("email_ok"), rs.getBoolean("phone_ok"));
			})
			.list();
	}

	private List<ProjectFields> projects(String condition, long id, Instant shownAt) {
		Map<Long, List<PartnerFields>> partners = this.jdbc
			.sql("""
					select pp.project_id, o.name, o.city, o.country_iso2 from project_partner pp
					join partner_organisation o on o.id = pp.partner_id
					join project p on p.id = pp.project_id
					where %s and p.created_at <= coalesce(?::timestamptz, 'infinity'::timestamptz) order by o.name"""
				.formatted(condition))
			.params(id, at(shownAt))
			.query((rs, i) -> Map.entry(rs.getLong(1),
					new PartnerFields(rs.getString(2), rs.getString(4), rs.getString(3))))
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
			.params(id, at(shownAt))
			.query((rs, i) -> new ProjectFields(null, rs.getLong("id"), rs.getString("title"),
					valueOf(ProjectKind.class, rs.getString("kind")),
					valueOf(ProjectNature.class, rs.getString("nature")),
					valueOf(ProjectStatus.class, rs.getString("status")), rs.getString("description"),
					strings(rs, "localities"), strings(rs, "funders"), shortOf(rs.getObject("start_year")),
					shortOf(rs.getObject("end_year")), rs.getString("partner_authority"), strings(rs, "countries"),
					strings(rs, "domains"), partners.getOrDefault(rs.getLong("id"), List.of())))
			.list();
	}

	private static OffsetDateTime at(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	private static <E extends Enum<E>> E valueOf(Class<E> type, String name) {
		return (name != null) ? Enum.valueOf(type, name) : null;
	}

	private static Short shortOf(Object value) {
		return (value != null) ? ((Number) value).shortValue() : null;
	}

	private static List<String> strings(ResultSet rs, String column) throws SQLException {
		Array array = rs.getArray(column);
		return (array != null) ? Arrays.asList((String[]) array.getArray()) : List.of();
	}

}
