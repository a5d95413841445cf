package fr.lianes.repertoire.directory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.lianes.repertoire.reference.ActorTypeRef;
import fr.lianes.repertoire.reference.CountryRef;
import fr.lianes.repertoire.reference.DomainRef;
import fr.lianes.repertoire.reference.TerritoryRef;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public list of projects: published projects of published actors, filtered, counted
 * per facet, one page at a time.
 */
@Repository
@Transactional(readOnly = true)
class ProjectQueries {

	private static final String ROWS = """
			select p.slug, p.title, a.slug as lead_slug, a.name as lead_name, p.kind, p.status,
			       p.start_year, p.end_year,
			       array(select co.name_fr from project_country pc join country co on co.iso2 = pc.country_iso2
			             where pc.project_id = p.id order by co.name_fr collate "fr-x-icu") as countries,
			       array(select distinct coalesce(parent.name, d.name) from project_domain pd
			             join domain d on d.id = pd.domain_id left join domain parent on parent.id = d.parent_id
			             where pd.project_id = p.id) as domains
			from public_project p
			join actor a on a.id = p.lead_actor_id
			""";

	private static final RowMapper<ProjectRow> ROW_MAPPER = (rs, i) -> new ProjectRow(rs.getString("slug"),
			rs.getString("title"), rs.getString("lead_slug"), rs.getString("lead_name"),
			ProjectKind.valueOf(rs.getString("kind")), ProjectStatus.valueOf(rs.getString("status")),
			rs.getObject("start_year", Integer.class), rs.getObject("end_year", Integer.class),
			SqlRows.strings(rs, "countries"), SqlRows.strings(rs, "domains"));

	private final JdbcClient jdbc;

	private final FacetLabels labels;

	ProjectQueries(JdbcClient jdbc, FacetLabels labels) {
		this.jdbc = jdbc;
		this.labels = labels;
	}

	ListPage<ProjectRow> search(ListCriteria criteria, int pageSize, boolean withFacets) {
		FilterSql filters = filters(criteria);
		long total = this.jdbc.sql("select count(*) from public_project p " + filters.where())
			.params(filters.params())
			.query(Long.class)
			.single();
		int lastPage = (int) Math.max(1, (total + pageSize - 1) / pageSize);
		int page = Math.min(criteria.page(), lastPage);
		String order = criteria.sortedByName() ? "p.title collate \"fr-x-icu\", p.id" : "p.updated_at desc, p.id";
		Map<String, Object> params = new LinkedHashMap<>(filters.params());
		params.put("limit", pageSize);
		params.put("offset", (long) (page - 1) * pageSize);
		List<ProjectRow> rows = this.jdbc
			.sql(ROWS + filters.where() + "\norder by " + order + "\nlimit :limit offset :offset")
			.params(params)
			.query(ROW_MAPPER)
			.list();
		List<Facet> facets = withFacets ? facets(filters, criteria) : List.of();
		return new ListPage<>(rows, total, page, pageSize, facets);
	}

	/** Every public project an actor leads or takes part in. */
	List<ProjectRow> forActor(long actorId) {
		return this.jdbc.sql(ROWS + """
				where p.id in (select ap.project_id from actor_project ap where ap.actor_id = :actor)
				order by p.status desc, p.start_year desc nulls last, p.title collate "fr-x-icu"
				""").param("actor", actorId).query(ROW_MAPPER).list();
	}

	private FilterSql filters(ListCriteria criteria) {
		FilterSql filters = new FilterSql("true");
		List<String> words = criteria.words();
		if (!words.isEmpty()) {
			List<String> clauses = new ArrayList<>();
			Map<String, Object> params = new LinkedHashMap<>();
			for (int i = 0; i < words.size(); i++) {
				clauses.add("project_search_text(p.title, p.description, p.localities) like immutable_unaccent(:q%d)"
					.formatted(i));
				params.put("q" + i, SqlRows.containsPattern(words.get(i)));
			}
			filters.add("q", "(" + String.join(" and ", clauses) + ")", params);
		}
		filters.add("type", "p.lead_actor_id in (select a.id from actor a where a.actor_type_code in (:type))",
				criteria.types().stream().map(ActorTypeRef::code).toList());
		filters.add("territoire", """
				p.lead_actor_id in (select a.id from actor a join commune c on c.insee_code = a.commune_insee
				                    join epci e on e.siren = c.epci_siren where e.territory_id in (:territoire))""",
				criteria.territories().stream().map(TerritoryRef::id).toList());
		filters.add("pays", "p.id in (select pc.project_id from project_country pc where pc.country_iso2 in (:pays))",
				criteria.countries().stream().map(CountryRef::iso2).toList());
		filters.add("domaine", """
				p.id in (select pd.project_id from project_domain pd join domain d on d.id = pd.domain_id
				         where d.id in (:domaine) or d.parent_id in (:domaine))""",
				criteria.domains().stream().map(DomainRef::id).toList());
		filters.add("statut", "p.status in (:statut)",
				criteria.statuses().stream().map((s) -> Statuses.of(ProjectStatus.values(), s).name()).toList());
		return filters;
	}

	private List<Facet> facets(FilterSql filters, ListCriteria criteria) {
		return List.of(this.labels.types(filters.counts(this.jdbc, "type", """
				select a.actor_type_code, count(*) from public_project p join actor a on a.id = p.lead_actor_id
				%s group by 1"""), criteria.types()),
				this.labels.territories(filters.counts(this.jdbc, "territoire", """
						select e.territory_id::text, count(*) from public_project p
						join actor a on a.id = p.lead_actor_id
						join commune c on c.insee_code = a.commune_insee
						join epci e on e.siren = c.epci_siren
						%s group by 1"""), criteria.territories()),
				this.labels.countries(filters.counts(this.jdbc, "pays", """
						select pc.country_iso2, count(*) from public_project p
						join project_country pc on pc.project_id = p.id
						%s group by 1"""), criteria.countries()),
				this.labels.domains(filters.counts(this.jdbc, "domaine", """
						select x.id::text, count(distinct p.id) from public_project p
						join project_domain pd on pd.project_id = p.id
						join domain d on d.id = pd.domain_id
						cross join lateral (values (d.id), (d.parent_id)) as x(id)
						%s and x.id is not null group by 1"""), criteria.domains()),
				this.labels.statuses(filters.counts(this.jdbc, "statut", """
						select p.status, count(*) from public_project p
						%s group by 1"""), criteria.statuses(), ProjectStatus.values()));
	}

}
