package fr.lianes.repertoire.directory;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Published actors and public projects as every output gives them (downloads, API, IATI,
 * feeds, widget), read in batches by id; contact persons through {@link PublicContacts},
 * the rule the actor pages follow too. Unpublished entries are never returned, whatever
 * ids are asked.
 */
@Service
@Transactional(readOnly = true)
public class PublicEntries {

	private static final String ACTOR_COLUMNS = """
			a.id, a.slug, a.name, a.acronym, a.actor_type_code, t.name as type_name, t.iati_org_type,
			a.status, a.description, a.address_line, a.postal_code, a.commune_insee, c.name as commune_name,
			c.departement_code, tr.slug as territory_slug, tr.name as territory_name, a.siren_siret, a.rna,
			a.website, a.email, a.phone, a.founding_year, a.created_at, a.updated_at""";

	private static final String ACTOR_JOINS = """
			join actor_type t on t.code = a.actor_type_code
			join commune c on c.insee_code = a.commune_insee
			left join epci e on e.siren = c.epci_siren
			left join territory tr on tr.id = e.territory_id
			""";

	private static final String ACTORS = "select " + ACTOR_COLUMNS + """
			,
			       array(select n.name from actor_network an join network n on n.id = an.network_id
			             where an.actor_id = a.id order by n.name) as networks,
			       array(select distinct pc.country_iso2 from actor_project ap
			             join project_country pc on pc.project_id = ap.project_id
			             where ap.actor_id = a.id order by 1) as countries,
			       array(select distinct top.slug from actor_project ap
			             join project_domain pd on pd.project_id = ap.project_id
			             join domain d on d.id = pd.domain_id join domain top on top.id = coalesce(d.parent_id, d.id)
			             where ap.actor_id = a.id order by 1) as domains,
			       array(select p.slug from actor_project ap join project p on p.id = ap.project_id
			             where ap.actor_id = a.id order by p.slug) as projects
			from actor a
			""" + ACTOR_JOINS + "where a.published and ";

	private static final String ACTORS_BY_IDS = ACTORS + "a.id = any(?)";

	/**
	 * The same actors as {@link #ACTORS} gives, with their contact persons, for many at
	 * once: each list gathered in one pass over its table rather than actor by actor, the
	 * actors given in the order of the array {@code ?}. Their projects are the
	 * {@code actor_project} view's rows with the actors' ids in each of its two halves:
	 * the view itself, joined to the wanted ids, was computed whole for every chunk (all
	 * the public projects at 100x, 2 of the 3 seconds of a chunk of 5,000 actors). The
	 * projects' slugs come with those rows: joined to {@code project} afterwards, they
	 * were read by a pass over the whole table at each chunk.
	 */
	private static final String ACTOR_STREAM = """
			with wanted as (select w.id, w.ord from unnest(?::bigint[]) with ordinality as w(id, ord)),
			ap as materialized (select p.lead_actor_id as actor_id, p.id as project_id, p.slug from public_project p
			                    where p.lead_actor_id in (select id from wanted)
			                    union all
			                    select pa.actor_id, pa.project_id, pp.slug from project_actor pa
			                    join public_project pp on pp.id = pa.project_id
			                    join actor other on other.id = pa.actor_id
			                    where other.published and pa.actor_id in (select id from wanted)),
			networks as (select an.actor_id, array_agg(n.name order by n.name) as networks
			             from actor_network an join network n on n.id = an.network_id
			             where an.actor_id in (select id from wanted) group by an.actor_id),
			countries as (select ap.actor_id, array_agg(distinct pc.country_iso2 order by pc.country_iso2) as countries
			              from ap join project_country pc on pc.project_id = ap.project_id group by ap.actor_id),
			domains as (select ap.actor_id, array_agg(distinct top.slug order by top.slug) as domains
			            from ap join project_domain pd on pd.project_id = ap.project_id
			            join domain d on d.id = pd.domain_id join domain top on top.id = coalesce(d.parent_id, d.id)
			            group by ap.actor_id),
			projects as (select ap.actor_id, array_agg(ap.slug order by ap.slug) as projects
			             from ap group by ap.actor_id),
			contacts as (select person.actor_id,
			                    array_agg(person.full_name order by person.position, person.id) as contact_full_names,
			                    array_agg(person.name order by person.position, person.id) as contact_names,
			                    array_agg(person.role order by person.position, person.id) as contact_roles,
			                    array_agg(person.email order by person.position, person.id) as contact_emails,
			                    array_agg(person.phone order by person.position, person.id) as contact_phones
			             from (""" + PublicContacts.query("select id from wanted") + """
			             ) person group by person.actor_id)
			select\s""" + ACTOR_COLUMNS + """
			,
			       networks.networks, countries.countries, domains.domains, projects.projects,
			       contacts.contact_full_names, contacts.contact_names, contacts.contact_roles,
			       contacts.contact_emails, contacts.contact_phones
			from wanted join actor a on a.id = wanted.id
			""" + ACTOR_JOINS + """
			left join networks on networks.actor_id = a.id
			left join countries on countries.actor_id = a.id
			left join domains on domains.actor_id = a.id
			left join projects on projects.actor_id = a.id
			left join contacts on contacts.actor_id = a.id
			where a.published
			order by wanted.ord
			""";

	private static final String PROJECTS = """
			select p.id, p.slug, p.title, p.kind, p.nature, p.status, p.description, p.beneficiaries, p.localities,
			       p.funders, p.start_year, p.end_year, p.budget_eur, p.partner_authority, p.signature_date,
			       p.duration_years, p.agreement_axes, p.created_at, p.updated_at,
			       a.slug as lead_slug, a.name as lead_name, a.siren_siret as lead_siren_siret, a.rna as lead_rna,
			       t.iati_org_type as lead_iati_org_type,
			       array(select o.slug from project_actor pa join actor o on o.id = pa.actor_id
			             where pa.project_id = p.id and o.published order by o.name, o.id) as other_slugs,
			       array(select o.name from project_actor pa join actor o on o.id = pa.actor_id
			             where pa.project_id = p.id and o.published order by o.name, o.id) as other_names,
			       array(select pc.country_iso2 from project_country pc where pc.project_id = p.id order by 1)
			             as countries,
			       array(select d.id from project_domain pd join domain d on d.id = pd.domain_id
			             where pd.project_id = p.id order by d.position, d.id) as domain_ids,
			       array(select po.name from project_partner pp join partner_organisation po on po.id = pp.partner_id
			             where pp.project_id = p.id order by po.id) as partner_names,
			       array(select coalesce(po.city, '') from project_partner pp
			             join partner_organisation po on po.id = pp.partner_id
			             where pp.project_id = p.id order by po.id) as partner_cities,
			       array(select po.country_iso2 from project_partner pp
			             join partner_organisation po on po.id = pp.partner_id
			             where pp.project_id = p.id order by po.id) as partner_countries
			from public_project p
			join actor a on a.id = p.lead_actor_id
			join actor_type t on t.code = a.actor_type_code
			where
			""";

	private static final String PROJECTS_BY_IDS = PROJECTS + "p.id = any(?)";

	private static final String DOMAINS = """
			select d.id, d.slug, d.name, parent.slug as parent_slug,
			       array(select x.dac_code from domain_dac_sector x where x.domain_id = d.id order by 1) as dac_codes
			from domain d left join domain parent on parent.id = d.parent_id
			""";

	/** Entries read per query when a whole list is written. */
	private static final int BATCH = 500;

	/** Rows fetched from the database at a time while a whole list is written. */
	private static final int FETCH_SIZE = 500;

	private final JdbcClient jdbc;

	private final PublicContacts contacts;

	private final JdbcTemplate stream;

	PublicEntries(JdbcClient jdbc, JdbcTemplate stream, PublicContacts contacts) {
		this.jdbc = jdbc;
		this.stream = stream;
		this.contacts = contacts;
	}

	/** These actors, in this order, those that are not published left out. */
	public List<PublicActor> actors(List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<Long, PublicActor> byId = new HashMap<>();
		Map<Long, List<ActorView.PublicContact>> contacts = this.contacts.of(ids);
		GenericPlans.query(this.stream, ACTORS_BY_IDS, ids,
				(rs) -> byId.put(rs.getLong("id"), actor(rs, contacts.getOrDefault(rs.getLong("id"), List.of()))));
		return inOrder(ids, byId);
	}

	/** These actors, in this order, those that are not published left out. */
	public void eachActor(long[] ids, Consumer<PublicActor> each) {
		if (ids.length == 0) {
			return;
		}
		// For this transaction only. A chunk's thousands of actors are found by their
		// primary key, not by a pass over the whole table, which the default cost of a
		// random read (4, for disks that seek) made look cheaper, a whole table read for
		// each chunk (106 MB of actors at 100x). And the chunk's rows, sorted back into
		// the list's order, are sorted in memory rather than in a temporary file (over
		// the 4 MB default at 5,000 rows).
		this.stream.execute("set local random_page_cost = 1.1");
		this.stream.execute("set local work_mem = '32MB'");
		this.stream.query((connection) -> {
			PreparedStatement statement = connection.prepareStatement(ACTOR_STREAM);
			statement.setFetchSize(FETCH_SIZE);
			statement.setObject(1, ids);
			return statement;
		}, (RowCallbackHandler) (rs) -> each.accept(actor(rs, contacts(rs))));
	}

	/** These public projects, in this order, the others left out. */
	public void eachProject(long[] ids, Consumer<PublicProject> each) {
		for (int from = 0; from < ids.length; from += BATCH) {
			projects(batch(ids, from)).forEach(each);
		}
	}

	private static List<Long> batch(long[] ids, int from) {
		return Arrays.stream(ids, from, Math.min(ids.length, from + BATCH)).boxed().toList();
	}

	/** A published actor by its slug. */
	public Optional<PublicActor> actor(String slug) {
		return this.jdbc.sql(ACTORS + "a.slug = :slug")
			.param("slug", slug)
			.query((rs, i) -> rs.getLong("id"))
			.optional()
			.flatMap((id) -> actors(List.of(id)).stream().findFirst());
	}

	/** These public projects, in this order, the others left out. */
	public List<PublicProject> projects(List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<Short, PublicProject.Domain> domains = domains();
		Map<Long, PublicProject> byId = new HashMap<>();
		GenericPlans.query(this.stream, PROJECTS_BY_IDS, ids, (rs) -> byId.put(rs.getLong("id"), project(rs, domains)));
		return inOrder(ids, byId);
	}

	/** A public project by its slug. */
	public Optional<PublicProject> project(String slug) {
		Map<Short, PublicProject.Domain> domains = domains();
		return this.jdbc.sql(PROJECTS + "p.slug = :slug")
			.param("slug", slug)
			.query((rs, i) -> project(rs, domains))
			.optional();
	}

	/**
	 * Published actors by id, after {@code afterId}, at most {@code limit}: slugs and
	 * last changes, for the sitemap.
	 */
	public List<Stamp> actorStamps(long fromId, long toId) {
		return this.jdbc.sql("""
				select slug, updated_at from actor where published and id > :from and id <= :to order by id""")
			.param("from", fromId)
			.param("to", toId)
			.query((rs, i) -> new Stamp(rs.getString(1), SqlRows.instant(rs, "updated_at")))
			.list();
	}

	/** Public projects by id in {@code (fromId, toId]}, for the sitemap. */
	public List<Stamp> projectStamps(long fromId, long toId) {
		return this.jdbc.sql("""
				select slug, updated_at from public_project where id > :from and id <= :to order by id""")
			.param("from", fromId)
			.param("to", toId)
			.query((rs, i) -> new Stamp(rs.getString(1), SqlRows.instant(rs, "updated_at")))
			.list();
	}

	/** The highest ids of actors and projects, for splitting the sitemap. */
	public long[] highestIds() {
		return this.jdbc
			.sql("select coalesce((select max(id) from actor), 0), coalesce((select max(id) from project), 0)")
			.query((rs, i) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
	}

	/**
	 * The latest change of a published actor or a public project: the date of the data.
	 */
	public Optional<Instant> lastUpdate() {
		return Optional.ofNullable(this.jdbc.sql("""
				select greatest((select max(updated_at) from actor where published),
				                (select max(updated_at) from public_project))""")
			.query((rs, i) -> SqlRows.instant(rs, "greatest"))
			.single());
	}

	/** A page's address and when it last changed. */
	public record Stamp(String slug, Instant updatedAt) {

	}

	private Map<Short, PublicProject.Domain> domains() {
		Map<Short, PublicProject.Domain> domains = new HashMap<>();
		this.jdbc.sql(DOMAINS)
			.query((RowCallbackHandler) (rs) -> domains.put(rs.getShort("id"),
					new PublicProject.Domain(rs.getString("slug"), rs.getString("name"), rs.getString("parent_slug"),
							SqlRows.strings(rs, "dac_codes"))));
		return domains;
	}

	private static <T> List<T> inOrder(Collection<Long> ids, Map<Long, T> byId) {
		List<T> ordered = new ArrayList<>(byId.size());
		for (Long id : ids) {
			T row = byId.get(id);
			if (row != null) {
				ordered.add(row);
			}
		}
		return ordered;
	}

	/** The contact persons of a row of {@link #ACTOR_STREAM}. */
	private static List<ActorView.PublicContact> contacts(ResultSet rs) throws SQLException {
		Array names = rs.getArray("contact_names");
		if (names == null) {
			return List.of();
		}
		Object[] name = (Object[]) names.getArray();
		Object[] fullName = (Object[]) rs.getArray("contact_full_names").getArray();
		Object[] role = (Object[]) rs.getArray("contact_roles").getArray();
		Object[] email = (Object[]) rs.getArray("contact_emails").getArray();
		Object[] phone = (Object[]) rs.getArray("contact_phones").getArray();
		List<ActorView.PublicContact> contacts = new ArrayList<>(name.length);
		for (int i = 0; i < name.length; i++) {
			ActorView.PublicContact contact = PublicContacts.contact((String) fullName[i], (String) name[i],
					(String) role[i], (String) email[i], (String) phone[i]);
			if (contact != null) {
				contacts.add(contact);
			}
		}
		return contacts;
	}

	private static Short shortOrNull(ResultSet rs, String column) throws SQLException {
		short value = rs.getShort(column);
		return rs.wasNull() ? null : value;
	}

	private static PublicActor actor(ResultSet rs, List<ActorView.PublicContact> contacts) throws SQLException {
		return new PublicActor(rs.getString("slug"), rs.getString("name"), rs.getString("acronym"),
				rs.getString("actor_type_code"), rs.getString("type_name"), rs.getString("iati_org_type"),
				ActorStatus.valueOf(rs.getString("status")), rs.getString("description"), rs.getString("address_line"),
				rs.getString("postal_code"), rs.getString("commune_insee"), rs.getString("commune_name"),
				rs.getString("departement_code"), rs.getString("territory_slug"), rs.getString("territory_name"),
				rs.getString("siren_siret"), rs.getString("rna"), rs.getString("website"), rs.getString("email"),
				rs.getString("phone"), shortOrNull(rs, "founding_year"), SqlRows.strings(rs, "networks"),
				SqlRows.strings(rs, "countries"), SqlRows.strings(rs, "domains"), SqlRows.strings(rs, "projects"),
				contacts, SqlRows.instant(rs, "created_at"), SqlRows.instant(rs, "updated_at"));
	}

	private static PublicProject project(ResultSet rs, Map<Short, PublicProject.Domain> domains) throws SQLException {
		List<String> otherSlugs = SqlRows.strings(rs, "other_slugs");
		List<String> otherNames = SqlRows.strings(rs, "other_names");
		List<ActorView.Link> others = new ArrayList<>();
		for (int i = 0; i < otherSlugs.size(); i++) {
			others.add(new ActorView.Link(otherSlugs.get(i), otherNames.get(i)));
		}
		List<String> partnerNames = SqlRows.strings(rs, "partner_names");
		List<String> partnerCities = SqlRows.strings(rs, "partner_cities");
		List<String> partnerCountries = SqlRows.strings(rs, "partner_countries");
		List<PublicProject.Partner> partners = new ArrayList<>();
		for (int i = 0; i < partnerNames.size(); i++) {
			String city = partnerCities.get(i);
			partners.add(new PublicProject.Partner(partnerNames.get(i), city.isEmpty() ? null : city,
					partnerCountries.get(i)));
		}
		List<PublicProject.Domain> projectDomains = new ArrayList<>();
		Array ids = rs.getArray("domain_ids");
		if (ids != null) {
			for (Object id : (Object[]) ids.getArray()) {
				PublicProject.Domain domain = domains.get(((Number) id).shortValue());
				if (domain != null) {
					projectDomains.add(domain);
				}
			}
		}
		Date signature = rs.getDate("signature_date");
		BigDecimal budget = rs.getBigDecimal("budget_eur");
		return new PublicProject(rs.getString("slug"), rs.getString("title"),
				new PublicProject.Lead(rs.getString("lead_slug"), rs.getString("lead_name"),
						rs.getString("lead_siren_siret"), rs.getString("lead_rna"), rs.getString("lead_iati_org_type")),
				others, ProjectKind.valueOf(rs.getString("kind")), ProjectNature.valueOf(rs.getString("nature")),
				ProjectStatus.valueOf(rs.getString("status")), rs.getString("description"),
				rs.getString("beneficiaries"), SqlRows.strings(rs, "localities"), SqlRows.strings(rs, "funders"),
				shortOrNull(rs, "start_year"), shortOrNull(rs, "end_year"), budget, rs.getString("partner_authority"),
				(signature != null) ? signature.toLocalDate() : null, shortOrNull(rs, "duration_years"),
				SqlRows.strings(rs, "agreement_axes"), SqlRows.strings(rs, "countries"), projectDomains, partners,
				SqlRows.instant(rs, "created_at"), SqlRows.instant(rs, "updated_at"));
	}

}
