package fr.lianes.repertoire.figures;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.lianes.repertoire.census.Campaigns;
import fr.lianes.repertoire.reference.ReferenceData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Computes the figures in SQL, a handful of grouped statements. Called by
 * {@link FiguresCache} in one repeatable-read transaction, so that every statement and
 * the content version see the same snapshot.
 */
@Repository
class FiguresQueries {

	private static final Logger logger = LoggerFactory.getLogger(FiguresQueries.class);

	private static final String ACTOR_PARTS = """
			select a.id, a.status = 'ACTIVE', e.territory_id, a.actor_type_code,
			    (select array_agg(distinct r.campaign_id) from (
			        select a.last_census_campaign_id as campaign_id
			        union all
			        select s.campaign_id from submission s
			        where s.actor_id = a.id and s.status = 'APPROVED') r
			     where r.campaign_id is not null),
			    (select array_agg(distinct pc.country_iso2) from (
			        select p.id from project p where p.lead_actor_id = a.id and p.published
			        union all
			        select pa.project_id from project_actor pa join public_project pp on pp.id = pa.project_id
			        where pa.actor_id = a.id) x
			     join project_country pc on pc.project_id = x.id)
			from actor a
			join commune c on c.insee_code = a.commune_insee
			left join epci e on e.siren = c.epci_siren
			where a.published and a.status <> 'CEASED'""";

	private static final String PROJECT_PARTS = """
			select p.id, p.nature, p.kind,
			    (select array_agg(distinct x.id) from project_domain pd join domain d on d.id = pd.domain_id
			     cross join lateral (values (d.id), (d.parent_id)) x (id)
			     where pd.project_id = p.id and x.id is not null),
			    (select array_agg(pc.country_iso2) from project_country pc where pc.project_id = p.id)
			from public_project p
			join actor la on la.id = p.lead_actor_id
			join commune c on c.insee_code = la.commune_insee
			where true""";

	private final JdbcClient jdbc;

	private final ReferenceData reference;

	private final Campaigns currentCampaign;

	FiguresQueries(JdbcClient jdbc, ReferenceData reference, Campaigns currentCampaign) {
		this.jdbc = jdbc;
		this.reference = reference;
		this.currentCampaign = currentCampaign;
	}

	/**
	 * The figures as of {@code today} (campaigns open on a date), in the caller's
	 * snapshot.
	 */
	FigureSet compute(long version, FiguresFilter filter, LocalDate today) {
		long started = System.nanoTime();
		Sql sql = new Sql(filter);
		// the filtered sets, computed once for the statements below (dropped at commit)
		this.jdbc.sql("""
				create temporary table figures_actor (id bigint, actor_type_code varchar(40),
				    status varchar(10), territory_id smallint, last_census_campaign_id integer) on commit drop""")
			.update();
		this.jdbc.sql("""
				create temporary table figures_project (id bigint, nature varchar(30), kind varchar(30))
				on commit drop""").update();
		this.jdbc.sql(sql.insertActors).params(sql.params).update();
		this.jdbc.sql(sql.insertProjects).params(sql.params).update();
		this.jdbc.sql("analyze figures_actor, figures_project").update();
		long setsDone = System.nanoTime();
		long[] statuses = new long[2];
		Map<String, Long> byTerritory = new HashMap<>();
		Map<String, Long> byType = new HashMap<>();
		this.jdbc.sql(sql.actors + """
				select a.territory_id, a.actor_type_code, a.status = 'ACTIVE', count(*)
				from filtered_actor a
				group by 1, 2, 3""").params(sql.params).query((rs) -> {
			long count = rs.getLong(4);
			statuses[rs.getBoolean(3) ? 0 : 1] += count;
			Object territoryId = rs.getObject(1);
			String territory = (territoryId != null)
					? this.reference.territory(rs.getShort(1)).map((t) -> t.slug()).orElse("") : "";
			byTerritory.merge(territory, count, Long::sum);
			byType.merge(rs.getString(2), count, Long::sum);
		});
		long actorsDone = System.nanoTime();
		// respondents of a campaign: its answer is the actor's last, or an approved
		// submission
		List<FigureSet.CampaignCount> campaigns = this.jdbc.sql(sql.actors + """
				, respondent as (
				    select a.id as actor_id, a.last_census_campaign_id as campaign_id
				    from filtered_actor a where a.last_census_campaign_id is not null
				    union
				    select s.actor_id, s.campaign_id
				    from submission s join filtered_actor a on a.id = s.actor_id
				    where s.status = 'APPROVED' and s.campaign_id is not null)
				select c.id, c.name, c.as_of, count(r.actor_id)
				from census_campaign c left join respondent r on r.campaign_id = c.id
				where c.opens_on <= :today
				group by c.id, c.name, c.as_of, c.opens_on
				order by c.opens_on, c.id""")
			.params(sql.params)
			.param("today", today)
			.query((rs, i) -> new FigureSet.CampaignCount(rs.getInt(1), rs.getString(2),
					rs.getObject(3, LocalDate.class), rs.getLong(4)))
			.list();
		long campaignsDone = System.nanoTime();
		Map<String, Long> byNature = new HashMap<>();
		Map<String, Long> byKind = new HashMap<>();
		long[] projects = new long[1];
		this.jdbc.sql(sql.projects + "select p.nature, p.kind, count(*) from filtered_project p group by 1, 2")
			.params(sql.params)
			.query((rs) -> {
				byNature.merge(rs.getString(1), rs.getLong(3), Long::sum);
				byKind.merge(rs.getString(2), rs.getLong(3), Long::sum);
				projects[0] += rs.getLong(3);
			});
		Map<Short, Long> byDomain = new HashMap<>();
		// a project counts once in each sub-domain it has, and once in their domain
		this.jdbc.sql(sql.projects + """
				select coalesce(d.parent_id, d.id), d.id, count(*), count(distinct pd.project_id)
				from filtered_project p join project_domain pd on pd.project_id = p.id
				join domain d on d.id = pd.domain_id
				group by grouping sets ((1, 2), (1))""").params(sql.params).query((rs) -> {
			if (rs.getObject(2) != null) {
				if (rs.getShort(1) != rs.getShort(2)) {
					byDomain.put(rs.getShort(2), rs.getLong(3));
				}
			}
			else {
				byDomain.put(rs.getShort(1), rs.getLong(4));
			}
		});
		long projectsDone = System.nanoTime();
		Map<String, Long> actorsByCountry = new HashMap<>();
		Map<List<String>, long[]> areas = new java.util.LinkedHashMap<>();
		// actors and projects counted once per continent, whatever their countries there
		Map<List<String>, long[]> continents = new java.util.LinkedHashMap<>();
		this.jdbc.sql(sql.actors + """
				, pair as (
				    select distinct x.actor_id, pc.country_iso2 from (
				        select p.lead_actor_id as actor_id, p.id as project_id
				        from project p join filtered_actor a on a.id = p.lead_actor_id
				        where p.published
				        union all
				        select pa.actor_id, pa.project_id
				        from project_actor pa join filtered_actor a on a.id = pa.actor_id
				        join public_project pp on pp.id = pa.project_id) x
				    join project_country pc on pc.project_id = x.project_id
				    where true""" + sql.pairProjects + """
				    )
				select p.country_iso2, k.region_fr, k.subregion_fr, count(distinct p.actor_id),
				    grouping(k.subregion_fr)
				from pair p join country k on k.iso2 = p.country_iso2
				group by grouping sets ((1), (2, 3), (2))""").params(sql.params).query((rs) -> {
			if (rs.getString(1) != null) {
				actorsByCountry.put(rs.getString(1), rs.getLong(4));
			}
			else if (rs.getInt(5) == 1) {
				continents.computeIfAbsent(region(rs.getString(2)), (k) -> new long[2])[0] = rs.getLong(4);
			}
			else {
				areas.computeIfAbsent(area(rs.getString(2), rs.getString(3)), (k) -> new long[2])[0] = rs.getLong(4);
			}
		});
		long actorCountriesDone = System.nanoTime();
		Map<String, Long> projectsByCountry = new HashMap<>();
		this.jdbc.sql(sql.projects + """
				select pc.country_iso2, k.region_fr, k.subregion_fr, count(distinct p.id),
				    grouping(k.subregion_fr)
				from filtered_project p join project_country pc on pc.project_id = p.id
				join country k on k.iso2 = pc.country_iso2
				group by grouping sets ((1), (2, 3), (2))""").params(sql.params).query((rs) -> {
			if (rs.getString(1) != null) {
				projectsByCountry.put(rs.getString(1), rs.getLong(4));
			}
			else if (rs.getInt(5) == 1) {
				continents.computeIfAbsent(region(rs.getString(2)), (k) -> new long[2])[1] = rs.getLong(4);
			}
			else {
				areas.computeIfAbsent(area(rs.getString(2), rs.getString(3)), (k) -> new long[2])[1] = rs.getLong(4);
			}
		});
		long done = System.nanoTime();
		List<FigureSet.AreaCount> areaCounts = new ArrayList<>();
		areas.forEach(
				(key, value) -> areaCounts.add(new FigureSet.AreaCount(key.get(0), key.get(1), value[0], value[1])));
		List<FigureSet.AreaCount> continentCounts = new ArrayList<>();
		continents.forEach((key, value) -> continentCounts
			.add(new FigureSet.AreaCount(key.get(0), key.get(1), value[0], value[1])));
		logger.info(
				"Figures computed for [{}] in {} ms (filtered sets {}, actors {}, campaigns {}, projects {}, "
						+ "actor countries {}, project countries {})",
				filter.key(), millis(started, done), millis(started, setsDone), millis(setsDone, actorsDone),
				millis(actorsDone, campaignsDone), millis(campaignsDone, projectsDone),
				millis(projectsDone, actorCountriesDone), millis(actorCountriesDone, done));
		return new FigureSet(version, statuses[0] + statuses[1], statuses[0], statuses[1], campaigns,
				this.currentCampaign.current(today).orElse(null), projects[0], byTerritory, byType, byDomain, byNature,
				byKind, actorsByCountry, projectsByCountry, areaCounts, continentCounts);
	}

	/** The projects these actors lead (a PostgreSQL array literal of ids). */
	List<Long> projectsLedBy(String actorIds) {
		return this.jdbc.sql("select id from project where lead_actor_id = any(cast(:ids as bigint[]))")
			.param("ids", actorIds)
			.query(Long.class)
			.list();
	}

	/**
	 * The lead and the other actors of these projects (a PostgreSQL array literal of
	 * ids).
	 */
	List<Long> actorsOf(String projectIds) {
		return this.jdbc.sql("""
				select lead_actor_id from project where id = any(cast(:ids as bigint[])) and lead_actor_id is not null
				union select actor_id from project_actor where project_id = any(cast(:ids as bigint[]))""")
			.param("ids", projectIds)
			.query(Long.class)
			.list();
	}

	/** The campaigns opened by {@code today}, oldest first, without their respondents. */
	List<FigureSet.CampaignCount> campaignsOpened(LocalDate today) {
		return this.jdbc.sql("""
				select id, name, as_of from census_campaign where opens_on <= :today order by opens_on, id""")
			.param("today", today)
			.query((rs, i) -> new FigureSet.CampaignCount(rs.getInt(1), rs.getString(2),
					rs.getObject(3, LocalDate.class), 0))
			.list();
	}

	/** The world region and sub-region of each country ("" for none). */
	Map<String, List<String>> areasOfCountries() {
		Map<String, List<String>> areaOf = new HashMap<>();
		this.jdbc.sql("select iso2, region_fr, subregion_fr from country").query((ResultSet rs) -> {
			areaOf.put(rs.getString(1), List.of(orEmpty(rs.getString(2)), orEmpty(rs.getString(3))));
		});
		return areaOf;
	}

	private static String orEmpty(String value) {
		return (value != null) ? value : "";
	}

	/**
	 * What each registered actor adds to the figures of the whole directory (see
	 * {@link WholeFigures}): these actors ({@code ids}, a PostgreSQL array literal), or
	 * all when null. An actor missing from the result adds nothing.
	 */
	Map<Long, FigureParts.ActorPart> actorParts(String ids) {
		String condition = (ids != null) ? " and a.id = any(cast(:ids as bigint[]))" : "";
		Map<Long, FigureParts.ActorPart> parts = new HashMap<>();
		var statement = this.jdbc.sql(ACTOR_PARTS + condition);
		if (ids != null) {
			statement = statement.param("ids", ids);
		}
		statement.query((rs) -> {
			Object territoryId = rs.getObject(3);
			String territory = (territoryId != null)
					? this.reference.territory(rs.getShort(3)).map((t) -> t.slug()).orElse("") : "";
			parts.put(rs.getLong(1), new FigureParts.ActorPart(rs.getBoolean(2), territory, rs.getString(4),
					Set.copyOf(Arrays.asList(integers(rs, 5))), Set.copyOf(Arrays.asList(strings(rs, 6)))));
		});
		return parts;
	}

	/** What each public project adds, as {@link #actorParts(String)}. */
	Map<Long, FigureParts.ProjectPart> projectParts(String ids) {
		String condition = (ids != null) ? " and p.id = any(cast(:ids as bigint[]))" : "";
		Map<Long, FigureParts.ProjectPart> parts = new HashMap<>();
		var statement = this.jdbc.sql(PROJECT_PARTS + condition);
		if (ids != null) {
			statement = statement.param("ids", ids);
		}
		statement.query((rs) -> {
			Set<Short> domains = new LinkedHashSet<>();
			for (Object domain : objects(rs, 4)) {
				domains.add(((Number) domain).shortValue());
			}
			parts.put(rs.getLong(1), new FigureParts.ProjectPart(rs.getString(2), rs.getString(3), Set.copyOf(domains),
					Set.copyOf(Arrays.asList(strings(rs, 5)))));
		});
		return parts;
	}

	private static Integer[] integers(ResultSet rs, int column) throws SQLException {
		Object[] values = objects(rs, column);
		Integer[] integers = new Integer[values.length];
		for (int i = 0; i < values.length; i++) {
			integers[i] = ((Number) values[i]).intValue();
		}
		return integers;
	}

	private static String[] strings(ResultSet rs, int column) throws SQLException {
		Object[] values = objects(rs, column);
		return Arrays.copyOf(values, values.length, String[].class);
	}

	private static Object[] objects(ResultSet rs, int column) throws SQLException {
		Array array = rs.getArray(column);
		return (array != null) ? (Object[]) array.getArray() : new Object[0];
	}

	private static long millis(long from, long to) {
		return (to - from) / 1_000_000;
	}

	private static List<String> region(String region) {
		return area(region, null);
	}

	private static List<String> area(String region, String subregion) {
		return List.of((region != null) ? region : "", (subregion != null) ? subregion : "");
	}

	/**
	 * The filtered actors and projects as common table expressions, and their parameters.
	 */
	private static final class Sql {

		/**
		 * The actors and projects kept by the filter, read once into temporary tables.
		 */
		final String insertActors;

		final String insertProjects;

		final String actors = "with filtered_actor as (select * from figures_actor)\n";

		final String projects = "with filtered_project as (select * from figures_project)\n";

		/**
		 * The conditions of the filter on the projects themselves (country, domain), on
		 * {@code x.project_id}: an actor counts in a country through the projects kept.
		 */
		final String pairProjects;

		final Map<String, Object> params = new HashMap<>();

		Sql(FiguresFilter filter) {
			StringBuilder actor = new StringBuilder("""
					insert into figures_actor
					    select a.id, a.actor_type_code, a.status, e.territory_id, a.last_census_campaign_id
					    from actor a
					    join commune c on c.insee_code = a.commune_insee
					    left join epci e on e.siren = c.epci_siren
					    where a.published and a.status <> 'CEASED'""");
			StringBuilder project = new StringBuilder("""
					insert into figures_project
					    select p.id, p.nature, p.kind from public_project p
					    join actor la on la.id = p.lead_actor_id
					    join commune c on c.insee_code = la.commune_insee
					    left join epci e on e.siren = c.epci_siren
					    where true""");
			StringBuilder pair = new StringBuilder();
			if (filter.territory() != null) {
				this.params.put("territory", filter.territory().id());
				actor.append(" and e.territory_id = :territory");
				project.append(" and e.territory_id = :territory");
			}
			if (filter.type() != null) {
				this.params.put("type", filter.type().code());
				actor.append(" and a.actor_type_code = :type");
				project.append(" and la.actor_type_code = :type");
			}
			if (filter.country() != null) {
				this.params.put("country", filter.country().iso2());
				actor.append("\n").append("""
						and exists (select 1 from actor_project ap
						    join project_country pc on pc.project_id = ap.project_id
						    where ap.actor_id = a.id and pc.country_iso2 = :country)""");
				project.append("\n").append("""
						and exists (select 1 from project_country pc
						    where pc.project_id = p.id and pc.country_iso2 = :country)""");
				pair.append("\n").append("""
						and exists (select 1 from project_country fc
						    where fc.project_id = x.project_id and fc.country_iso2 = :country)""");
			}
			if (filter.domain() != null) {
				this.params.put("domain", filter.domain().id());
				actor.append("\n").append("""
						and exists (select 1 from actor_project ap
						    join project_domain pd on pd.project_id = ap.project_id
						    join domain d on d.id = pd.domain_id
						    where ap.actor_id = a.id and (d.id = :domain or d.parent_id = :domain))""");
				project.append("\n").append("""
						and exists (select 1 from project_domain pd join domain d on d.id = pd.domain_id
						    where pd.project_id = p.id and (d.id = :domain or d.parent_id = :domain))""");
				pair.append("\n").append("""
						and exists (select 1 from project_domain pd join domain d on d.id = pd.domain_id
						    where pd.project_id = x.project_id and (d.id = :domain or d.parent_id = :domain))""");
			}
			this.insertActors = actor.toString();
			this.insertProjects = project.toString();
			this.pairProjects = pair.toString();
		}

	}

}
