package fr.lianes.repertoire.directory;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import fr.lianes.repertoire.search.DirectorySearch;
import fr.lianes.repertoire.search.SearchResult;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public list of projects: the search index finds, counts and orders the public
 * projects (published, led by a published actor); the database gives the rows of the
 * page.
 */
@Repository
@Transactional(readOnly = true)
class ProjectQueries {

	private static final String ROWS = """
			select p.id, p.slug, p.title, a.slug as lead_slug, a.name as lead_name, p.kind, p.status,
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
			SqlRows.strings(rs, "countries"), SqlRows.strings(rs, "domains"), null, null);

	private final DirectorySearch search;

	private final JdbcClient jdbc;

	private final FacetLabels labels;

	ProjectQueries(DirectorySearch search, JdbcClient jdbc, FacetLabels labels) {
		this.search = search;
		this.jdbc = jdbc;
		this.labels = labels;
	}

	ListPage<ProjectRow> search(ListCriteria criteria, int pageSize, boolean withFacets) {
		SearchResult result = this.search
			.projects(ListSearch.query(criteria, pageSize, ProjectStatus.values(), List.of()));
		List<Facet> facets = withFacets ? this.labels.all(result.facets(), criteria, ProjectStatus.values())
				: List.of();
		return new ListPage<>(rows(result), result.total(), result.page(), pageSize, facets);
	}

	/** Every public project an actor leads or takes part in. */
	List<ProjectRow> forActor(long actorId) {
		return this.jdbc.sql(ROWS + """
				where p.id in (select ap.project_id from actor_project ap where ap.actor_id = :actor)
				order by p.status desc, p.start_year desc nulls last, p.title collate "fr-x-icu"
				""").param("actor", actorId).query(ROW_MAPPER).list();
	}

	/** The rows of the page in the index's order, with the searched words marked. */
	private List<ProjectRow> rows(SearchResult result) {
		if (result.ids().isEmpty()) {
			return List.of();
		}
		Map<Long, ProjectRow> byId = this.jdbc.sql(ROWS + "where p.id in (:ids)")
			.param("ids", result.ids())
			.query((rs, i) -> Map.entry(rs.getLong("id"), ROW_MAPPER.mapRow(rs, i)))
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		return result.ids().stream().filter(byId::containsKey).map((id) -> {
			SearchResult.Highlights marks = result.highlights().get(id);
			ProjectRow row = byId.get(id);
			return (marks != null) ? row.withHighlights(marks.name(), marks.excerpt()) : row;
		}).toList();
	}

}
