package fr.lianes.repertoire.directory;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.lianes.repertoire.reference.ActorTypeRef;
import fr.lianes.repertoire.reference.CountryRef;
import fr.lianes.repertoire.reference.DomainRef;
import fr.lianes.repertoire.reference.TerritoryRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The directory counted for the key figures, in a handful of grouped statements: the
 * registered actors (published, active or dormant) and the public projects, by territory,
 * type, campaign answered, domain, nature, kind, country and world area; and what each
 * actor and project adds to those counts, for the figures kept up to date change by
 * change.
 * <p>
 * Every method runs in the caller's transaction, which must exist: the figures module
 * reads the counts, the campaigns and the content version in one repeatable-read
 * snapshot.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class DirectoryCounts {

	private static final Logger logger = LoggerFactory.getLogger(DirectoryCounts.class);

	/**
	 * What the counts are restricted to; null for no restriction. Actors count when in
	 * the territory, of the type, with a public project (led or joined) in the country
	 * and one in the domain (or one of its sub-domains); projects when their lead actor
	 * is in the territory and of the type, and they are in the country and the domain.
	 */
	public record Filter(TerritoryRef territory, DomainRef domain, CountryRef country, ActorTypeRef type) {

	}

	/** A world region and sub-region ("" for none) with its actors and projects. */
	public record AreaCount(String region, String subregion, long actors, long projects) {

	}

	/**
	 * The counts of the directory for one filter.
	 *
	 * @param actorsByTerritory registered actors per territory id (the null key: in none)
	 * @param actorsByType registered actors per actor type code
	 * @param respondents registered actors per campaign id they answered
	 * @param projectsByDomain public projects per domain or sub-domain id (once in each)
	 * @param areas actors and projects per world region and sub-region
	 * @param continents actors and projects per world region, each counted once there
	 * (with an empty sub-region)
	 */
	public record Counts(long activeActors, long dormantActors, Map<Short, Long> actorsByTerritory,
			Map<String, Long> actorsByType, Map<Integer, Long> respondents, long projects,
			Map<String, Long> projectsByNature, Map<String, Long> projectsByKind, Map<Short, Long> projectsByDomain,
			Map<String, Long> actorsByCountry, Map<String, Long> projectsByCountry, List<AreaCount> areas,
			List<AreaCount> continents) {

	}

	/**
	 * What a registered actor adds to the counts.
	 *
	 * @param territoryId its territory, null outside of every territory
	 * @param lastCampaignId the campaign its entry was last confirmed for, if any
	 * @param countries the countries of its public projects (led or joined)
	 */
	public record ActorPart(boolean active, Short territoryId, String type, Integer lastCampaignId,
			Set<String> countries) {

	}

	/**
	 * What a public project adds to the counts.
	 *
	 * @param domains its sub-domains and the domains above them (a project counts once in
	 * each)
	 */
	public record ProjectPart(String nature, String kind, Set<Short> domains, Set<String> countries) {

	}

	private static final String ACTOR_PARTS = """
			select a.id, a.status = 'ACTIVE', e.territory_id, a.actor_type_code, a.last_census_campaign_id,
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

	DirectoryCounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The counts for a filter, in the caller's snapshot. An actor has answered a campaign
	 * when it is the one its entry was last confirmed for, or one of {@code answered}.
	 * @param answered other campaigns answered, per actor id (the census's approved
	 * responses)
	 */
	public Counts count(Filter filter, Map<Long, ? extends Collection<Integer>> answered) {
		long started = System.nanoTime();
		Sql sql = new Sql(filter);
		// the filtered sets, computed once for the statements below (dropped at commit)
		this.jdbc.sql("""
				create temporary table counted_actor (id bigint, actor_type_code varchar(40),
				    status varchar(10), territory_id smallint, last_census_campaign_id integer) on commit drop""")
			.update();
		this.jdbc.sql("""
				create temporary table counted_project (id bigint, nature varchar(30), kind varchar(30))
				on commit drop""").update();
		this.jdbc.sql(sql.insertActors).params(sql.params).update();
		this.jdbc.sql(sql.insertProjects).params(sql.params).update();
		this.jdbc.sql("analyze counted_actor, counted_project").update();
		long setsDone = System.nanoTime();
		long[] statuses = new long[2];
		Map<Short, Long> byTerritory = new HashMap<>();
		Map<String, Long> byType = new HashMap<>();
		this.jdbc.sql(sql.actors + """
				select a.territory_id, a.actor_type_code, a.status = 'ACTIVE', count(*)
				from filtered_actor a
				group by 1, 2, 3""").params(sql.params).query((rs) -> {
			long count = rs.getLong(4);
			statuses[rs.getBoolean(3) ? 0 : 1] += count;
			Short territoryId = (rs.getObject(1) != null) ? rs.getShort(1) : null;
			byTerritory.merge(territoryId, count, Long::sum);
			byType.merge(rs.getString(2), count, Long::sum);
		});
		long actorsDone = System.nanoTime();
		// respondents of a campaign: its answer is the actor's last, or another one
		// answered
		StringBuilder answeredActors = new StringBuilder("{");
		StringBuilder answeredCampaigns = new StringBuilder("{");
		answered.forEach((actor, campaigns) -> {
			for (Integer campaign : campaigns) {
				if (answeredActors.length() > 1) {
					answeredActors.append(',');
					answeredCampaigns.append(',');
				}
				answeredActors.append(actor);
				answeredCampaigns.append(campaign);
			}
		});
		Map<Integer, Long> respondents = new HashMap<>();
		this.jdbc.sql(sql.actors + """
				, respondent as (
				    select a.id as actor_id, a.last_census_campaign_id as campaign_id
				    from filtered_actor a where a.last_census_campaign_id is not null
				    union
				    select r.actor_id, r.campaign_id
				    from unnest(cast(:answeredActors as bigint[]), cast(:answeredCampaigns as integer[]))
				        r (actor_id, campaign_id)
				    join filtered_actor a on a.id = r.actor_id)
				select r.campaign_id, count(r.actor_id) from respondent r group by r.campaign_id""")
			.params(sql.params)
			.param("answeredActors", answeredActors.append('}').toString())
			.param("answeredCampaigns", answeredCampaigns.append('}').toString())
			.query((rs) -> {
				respondents.put(rs.getInt(1), rs.getLong(2));
			});
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
		Map<List<String>, long[]> areas = new LinkedHashMap<>();
		// actors and projects counted once per continent, whatever their countries there
		Map<List<String>, long[]> continents = new LinkedHashMap<>();
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
		logger.info(
				"Directory counted for the figures in {} ms (filtered sets {}, actors {}, campaigns {}, projects {}, "
						+ "actor countries {}, project countries {})",
				millis(started, done), millis(started, setsDone), millis(setsDone, actorsDone),
				millis(actorsDone, campaignsDone), millis(campaignsDone, projectsDone),
				millis(projectsDone, actorCountriesDone), millis(actorCountriesDone, done));
		return new Counts(statuses[0], statuses[1], unmodifiable(byTerritory), unmodifiable(byType),
				unmodifiable(respondents), projects[0], unmodifiable(byNature), unmodifiable(byKind),
				unmodifiable(byDomain), unmodifiable(actorsByCountry), unmodifiable(projectsByCountry),
				areaCounts(areas), areaCounts(continents));
	}

	/** The projects these actors lead, published or not. */
	public List<Long> projectsLedBy(Collection<Long> actorIds) {
		return this.jdbc.sql("select id from project where lead_actor_id = any(cast(:ids as bigint[]))")
			.param("ids", arrayLiteral(actorIds))
			.query(Long.class)
			.list();
	}

	/** The lead and the other actors of these projects. */
	public List<Long> actorsOf(Collection<Long> projectIds) {
		return this.jdbc.sql("""
				select lead_actor_id from project where id = any(cast(:ids as bigint[])) and lead_actor_id is not null
				union select actor_id from project_actor where project_id = any(cast(:ids as bigint[]))""")
			.param("ids", arrayLiteral(projectIds))
			.query(Long.class)
			.list();
	}

	/**
	 * What each registered actor adds to the counts without a filter: these actors, or
	 * all when null. An actor missing from the result adds nothing.
	 */
	public Map<Long, ActorPart> actorParts(Collection<Long> ids) {
		String condition = (ids != null) ? " and a.id = any(cast(:ids as bigint[]))" : "";
		Map<Long, ActorPart> parts = new HashMap<>();
		var statement = this.jdbc.sql(ACTOR_PARTS + condition);
		if (ids != null) {
			statement = statement.param("ids", arrayLiteral(ids));
		}
		statement.query((rs) -> {
			Short territoryId = (rs.getObject(3) != null) ? rs.getShort(3) : null;
			Integer lastCampaignId = (rs.getObject(5) != null) ? rs.getInt(5) : null;
			parts.put(rs.getLong(1), new ActorPart(rs.getBoolean(2), territoryId, rs.getString(4), lastCampaignId,
					Set.copyOf(Arrays.asList(strings(rs, 6)))));
		});
		return parts;
	}

	/** What each public project adds, as {@link #actorParts(Collection)}. */
	public Map<Long, ProjectPart> projectParts(Collection<Long> ids) {
		String condition = (ids != null) ? " and p.id = any(cast(:ids as bigint[]))" : "";
		Map<Long, ProjectPart> parts = new HashMap<>();
		var statement = this.jdbc.sql(PROJECT_PARTS + condition);
		if (ids != null) {
			statement = statement.param("ids", arrayLiteral(ids));
		}
		statement.query((rs) -> {
			Set<Short> domains = new LinkedHashSet<>();
			for (Object domain : objects(rs, 4)) {
				domains.add(((Number) domain).shortValue());
			}
			parts.put(rs.getLong(1), new ProjectPart(rs.getString(2), rs.getString(3), Set.copyOf(domains),
					Set.copyOf(Arrays.asList(strings(rs, 5)))));
		});
		return parts;
	}

	/** Ids as a PostgreSQL array literal: one parameter whatever their number. */
	private static String arrayLiteral(Collection<Long> ids) {
		StringBuilder literal = new StringBuilder("{");
		for (Long id : ids) {
			if (literal.length() > 1) {
				literal.append(',');
			}
			literal.append(id);
		}
		return literal.append('}').toString();
	}

	private static <K> Map<K, Long> unmodifiable(Map<K, Long> counts) {
		// a HashMap: a key may be null (an actor in no territory)
		return Collections.unmodifiableMap(counts);
	}

	private static List<AreaCount> areaCounts(Map<List<String>, long[]> areas) {
		List<AreaCount> counts = new ArrayList<>();
		areas.forEach((key, value) -> counts.add(new AreaCount(key.get(0), key.get(1), value[0], value[1])));
		return List.copyOf(counts);
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

		final String actors = "with filtered_actor as (select * from counted_actor)\n";

		final String projects = "with filtered_project as (select * from counted_project)\n";

		/**
		 * The conditions of the filter on the projects themselves (country, domain), on
		 * {@code x.project_id}: an actor counts in a country through the projects kept.
		 */
		final String pairProjects;

		final Map<String, Object> params = new HashMap<>();

		Sql(Filter filter) {
			StringBuilder actor = new StringBuilder("""
					insert into counted_actor
					    select a.id, a.actor_type_code, a.status, e.territory_id, a.last_census_campaign_id
					    from actor a
					    join commune c on c.insee_code = a.commune_insee
					    left join epci e on e.siren = c.epci_siren
					    where a.published and a.status <> 'CEASED'""");
			StringBuilder project = new StringBuilder("""
					insert into counted_project
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
