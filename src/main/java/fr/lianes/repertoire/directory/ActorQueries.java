package fr.lianes.repertoire.directory;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import fr.lianes.repertoire.search.DirectorySearch;
import fr.lianes.repertoire.search.SearchResult;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public list of actors: the search index finds, counts and orders the published
 * actors; the database gives the rows of the page, in one statement.
 */
@Repository
@Transactional(readOnly = true)
class ActorQueries {

	private static final String ROWS = """
			select a.id, a.slug, a.name, a.acronym, a.status, t.name as type_name, c.name as commune_name,
			       tr.name as territory_name, a.updated_at,
			       array(select co.name_fr from country co
			             where co.iso2 in (select pc.country_iso2 from actor_project ap
			                               join project_country pc on pc.project_id = ap.project_id
			                               where ap.actor_id = a.id)
			             order by co.name_fr collate "fr-x-icu") as countries
			from actor a
			join actor_type t on t.code = a.actor_type_code
			join commune c on c.insee_code = a.commune_insee
			left join epci e on e.siren = c.epci_siren
			left join territory tr on tr.id = e.territory_id
			where a.id in (:ids) and a.published
			""";

	private final DirectorySearch search;

	private final JdbcClient jdbc;

	private final FacetLabels labels;

	ActorQueries(DirectorySearch search, JdbcClient jdbc, FacetLabels labels) {
		this.search = search;
		this.jdbc = jdbc;
		this.labels = labels;
	}

	ListPage<ActorRow> search(ListCriteria criteria, int pageSize, boolean withFacets) {
		SearchResult result = this.search.actors(ListSearch.query(criteria, pageSize, ActorStatus.values()));
		List<Facet> facets = withFacets ? this.labels.all(result.facets(), criteria, ActorStatus.values()) : List.of();
		return new ListPage<>(rows(result), result.total(), result.page(), pageSize, facets);
	}

	/** The rows of the page in the index's order, with the searched words marked. */
	private List<ActorRow> rows(SearchResult result) {
		if (result.ids().isEmpty()) {
			return List.of();
		}
		Map<Long, ActorRow> byId = this.jdbc.sql(ROWS)
			.param("ids", result.ids())
			.query((rs, i) -> Map.entry(rs.getLong("id"),
					new ActorRow(rs.getString("slug"), rs.getString("name"), rs.getString("acronym"),
							ActorStatus.valueOf(rs.getString("status")), rs.getString("type_name"),
							rs.getString("commune_name"), rs.getString("territory_name"),
							SqlRows.strings(rs, "countries"), SqlRows.instant(rs, "updated_at"), null, null, null)))
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		return result.ids().stream().filter(byId::containsKey).map((id) -> {
			SearchResult.Highlights marks = result.highlights().get(id);
			ActorRow row = byId.get(id);
			return (marks != null) ? row.withHighlights(marks) : row;
		}).toList();
	}

}
