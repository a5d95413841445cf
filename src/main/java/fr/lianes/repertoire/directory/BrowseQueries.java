package fr.lianes.repertoire.directory;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts for the entry points of the directory: countries, domains, territories, key
 * figures.
 */
@Repository
@Transactional(readOnly = true)
class BrowseQueries {

	private final JdbcClient jdbc;

	BrowseQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Published actors, of which active, public projects, countries they concern. */
	record Figures(long actors, long activeActors, long projects, long countries) {

	}

	/** A country, domain or territory with how many actors and projects concern it. */
	record Summary(String key, String name, String group, String subgroup, long actors, long projects) {

	}

	Figures figures() {
		return this.jdbc.sql("""
				select (select count(*) from actor where published),
				       (select count(*) from actor where published and status = 'ACTIVE'),
				       (select count(*) from public_project),
				       (select count(distinct pc.country_iso2) from project_country pc
				        join public_project p on p.id = pc.project_id)
				""").query((rs, i) -> new Figures(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).single();
	}

	/** Countries with at least one public project, most actors first. */
	List<Summary> countries() {
		return this.jdbc.sql("""
				with actors as (select country, count(*) as actors from actor a
				                join actor_reach r on r.actor_id = a.id
				                cross join unnest(r.countries) as country
				                where a.published group by country),
				     projects as (select pc.country_iso2 as country, count(*) as projects from public_project p
				                  join project_country pc on pc.project_id = p.id group by 1)
				select co.iso2, co.name_fr, co.region_fr, co.subregion_fr, actors.actors, projects.projects
				from actors
				join projects using (country)
				join country co on co.iso2 = actors.country
				order by actors.actors desc, co.name_fr collate "fr-x-icu"
				""")
			.query((rs, i) -> new Summary(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getLong(5), rs.getLong(6)))
			.list();
	}

	/** Actors and projects per domain id, sub-domains counting for their domain too. */
	Map<Short, Summary> domains() {
		return this.jdbc.sql("""
				with actors as (select domain, count(*) as actors from actor a
				                join actor_reach r on r.actor_id = a.id
				                cross join unnest(r.domains) as domain
				                where a.published group by domain),
				     projects as (select x.id as domain, count(distinct p.id) as projects from public_project p
				                  join project_domain pd on pd.project_id = p.id
				                  join domain d on d.id = pd.domain_id
				                  cross join lateral (values (d.id), (d.parent_id)) as x(id)
				                  where x.id is not null group by 1)
				select actors.domain, actors.actors, coalesce(projects.projects, 0)
				from actors left join projects using (domain)
				""")
			.query((rs, i) -> new Summary(rs.getString(1), null, null, null, rs.getLong(2), rs.getLong(3)))
			.list()
			.stream()
			.collect(Collectors.toMap((s) -> Short.valueOf(s.key()), (s) -> s));
	}

	/** Actors and projects (by their lead actor) per territory id. */
	Map<Short, Summary> territories() {
		return this.jdbc.sql("""
				select e.territory_id, count(*),
				       coalesce(sum((select count(*) from public_project p where p.lead_actor_id = a.id)), 0)
				from actor a
				join commune c on c.insee_code = a.commune_insee
				join epci e on e.siren = c.epci_siren
				where a.published
				group by e.territory_id
				""")
			.query((rs, i) -> new Summary(rs.getString(1), null, null, null, rs.getLong(2), rs.getLong(3)))
			.list()
			.stream()
			.collect(Collectors.toMap((s) -> Short.valueOf(s.key()), (s) -> s));
	}

}
