package fr.lianes.repertoire.directory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.lianes.repertoire.reference.ActorTypeRef;
import fr.lianes.repertoire.reference.CountryRef;
import fr.lianes.repertoire.reference.DomainRef;
import fr.lianes.repertoire.reference.TerritoryRef;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public list of actors: published actors only, filtered, counted per facet, one page
 * at a time. A fixed number of statements whatever the page size.
 */
@Repository
@Transactional(readOnly = true)
class ActorQueries {

	/**
	 * Every actor query reads from here: the live actor row and its read-model arrays.
	 */
	private static final String FROM = " from actor a left join actor_reach r on r.actor_id = a.id ";

	private static final String ROWS = """
			select a.slug, a.name, a.acronym, a.status, t.name as type_name, c.name as commune_name,
			       tr.name as territory_name, a.updated_at,
			       array(select co.name_fr from country co where co.iso2 = any(r.countries)
			             order by co.name_fr collate "fr-x-icu") as countries
			""" + FROM + """
			join actor_type t on t.code = a.actor_type_code
			join commune c on c.insee_code = a.commune_insee
			left join epci e on e.siren = c.epci_siren
			left join territory tr on tr.id = e.territory_id
			""";

	private final JdbcClient jdbc;

	private final FacetLabels labels;

	ActorQueries(JdbcClient jdbc, FacetLabels labels) {
		this.jdbc = jdbc;
		this.labels = labels;
	}

	ListPage<ActorRow> search(ListCriteria criteria, int pageSize, boolean withFacets) {
		FilterSql filters = filters(criteria);
		long total = this.jdbc.sql("select count(*)" + FROM + filters.where())
			.params(filters.params())
			.query(Long.class)
			.single();
		int lastPage = (int) Math.max(1, (total + pageSize - 1) / pageSize);
		int page = Math.min(criteria.page(), lastPage);
		String order = criteria.sortedByName() ? "a.name collate \"fr-x-icu\", a.id" : "a.updated_at desc, a.id";
		Map<String, Object> params = new LinkedHashMap<>(filters.params());
		params.put("limit", pageSize);
		params.put("offset", (long) (page - 1) * pageSize);
		List<ActorRow> rows = this.jdbc
			.sql(ROWS + filters.where() + "\norder by " + order + "\nlimit :limit offset :offset")
			.params(params)
			.query((rs, i) -> new ActorRow(rs.getString("slug"), rs.getString("name"), rs.getString("acronym"),
					ActorStatus.valueOf(rs.getString("status")), rs.getString("type_name"),
					rs.getString("commune_name"), rs.getString("territory_name"), SqlRows.strings(rs, "countries"),
					SqlRows.instant(rs, "updated_at")))
			.list();
		List<Facet> facets = withFacets ? facets(filters, criteria) : List.of();
		return new ListPage<>(rows, total, page, pageSize, facets);
	}

	private FilterSql filters(ListCriteria criteria) {
		FilterSql filters = new FilterSql("a.published");
		List<String> words = criteria.words();
		if (!words.isEmpty()) {
			List<String> clauses = new ArrayList<>();
			Map<String, Object> params = new LinkedHashMap<>();
			for (int i = 0; i < words.size(); i++) {
				clauses.add("actor_search_text(a.name, a.acronym, a.description) like immutable_unaccent(:q%d)"
					.formatted(i));
				params.put("q" + i, SqlRows.containsPattern(words.get(i)));
			}
			filters.add("q", "(" + String.join(" and ", clauses) + ")", params);
		}
		filters.add("type", "a.actor_type_code in (:type)", criteria.types().stream().map(ActorTypeRef::code).toList());
		filters.add("territoire", """
				a.commune_insee in (select c.insee_code from commune c join epci e on e.siren = c.epci_siren
				                    where e.territory_id in (:territoire))""",
				criteria.territories().stream().map(TerritoryRef::id).toList());
		filters.add("pays", "r.countries && array[:pays]::varchar[]",
				criteria.countries().stream().map(CountryRef::iso2).toList());
		filters.add("domaine", "r.domains && array[:domaine]::smallint[]",
				criteria.domains().stream().map(DomainRef::id).toList());
		filters.add("statut", "a.status in (:statut)",
				criteria.statuses().stream().map(ActorQueries::statusOf).map(Enum::name).toList());
		return filters;
	}

	private List<Facet> facets(FilterSql filters, ListCriteria criteria) {
		return List.of(
				this.labels.types(filters.counts(this.jdbc, "type", "select a.actor_type_code, count(*)" + FROM + """
						%s group by 1"""), criteria.types()),
				this.labels.territories(
						filters.counts(this.jdbc, "territoire", "select e.territory_id::text, count(*)" + FROM + """
								join commune c on c.insee_code = a.commune_insee
								join epci e on e.siren = c.epci_siren
								%s group by 1"""), criteria.territories()),
				this.labels.countries(filters.counts(this.jdbc, "pays", "select country, count(*)" + FROM + """
						cross join unnest(r.countries) as country
						%s group by 1"""), criteria.countries()),
				this.labels.domains(filters.counts(this.jdbc, "domaine", "select domain::text, count(*)" + FROM + """
						cross join unnest(r.domains) as domain
						%s group by 1"""), criteria.domains()),
				this.labels.statuses(filters.counts(this.jdbc, "statut", "select a.status, count(*)" + FROM + """
						%s group by 1"""), criteria.statuses(), ActorStatus.values()));
	}

	static ActorStatus statusOf(String param) {
		return Statuses.of(ActorStatus.values(), param);
	}

}
