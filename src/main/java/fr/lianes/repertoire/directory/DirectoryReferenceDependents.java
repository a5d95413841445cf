package fr.lianes.repertoire.directory;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import fr.lianes.repertoire.reference.ReferenceDependents;
import fr.lianes.repertoire.reference.ReferenceEntry;
import fr.lianes.repertoire.search.ReindexRun;
import fr.lianes.repertoire.search.SearchReindexer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the directory's entries tell the reference lists' administration: the actors of
 * each type and territory, the projects of each domain, which of them forbid deleting an
 * entry, and which search documents carry a renamed entry (their mapping does not follow
 * reference entities by itself): those are reindexed in the background once the change is
 * committed.
 */
@Component
class DirectoryReferenceDependents implements ReferenceDependents {

	private static final String PLACES = """
			join commune c on c.insee_code = a.commune_insee
			left join epci e on e.siren = c.epci_siren
			""";

	private final JdbcClient jdbc;

	private final SearchReindexer reindexer;

	DirectoryReferenceDependents(JdbcClient jdbc, SearchReindexer reindexer) {
		this.jdbc = jdbc;
		this.reindexer = reindexer;
	}

	@Override
	public List<Use> usesOf(ReferenceEntry entry) {
		if (entry instanceof ReferenceEntry.ActorType type) {
			return List.of(new Use("reference.admin.delete.actors",
					this.jdbc.sql("select count(*) from actor where actor_type_code = :code")
						.param("code", type.code())
						.query(Long.class)
						.single()));
		}
		if (entry instanceof ReferenceEntry.Domain domain) {
			return List.of(new Use("reference.admin.delete.projects",
					this.jdbc.sql("select count(*) from project_domain where domain_id = :id")
						.param("id", domain.id())
						.query(Long.class)
						.single()));
		}
		return List.of();
	}

	/**
	 * The published actors of a renamed type; those of a renamed territory or of a moved
	 * EPCI, and the public projects they lead; the public projects of renamed domains,
	 * and the actors taking part in them.
	 */
	@Override
	public Refresh affectedBy(ReferenceEntry changed) {
		Set<Long> actors;
		Set<Long> projects;
		if (changed instanceof ReferenceEntry.ActorType type) {
			actors = actorsWhere("a.actor_type_code = :key", type.code());
			projects = Set.of();
		}
		else if (changed instanceof ReferenceEntry.Territory territory) {
			actors = actorsWhere("e.territory_id = :key", territory.id());
			projects = projectsLedWhere("e.territory_id = :key", territory.id());
		}
		else if (changed instanceof ReferenceEntry.Epci epci) {
			actors = actorsWhere("c.epci_siren = :key", epci.siren());
			projects = projectsLedWhere("c.epci_siren = :key", epci.siren());
		}
		else if (changed instanceof ReferenceEntry.Domains domains && !domains.ids().isEmpty()) {
			actors = ids("""
					select distinct ap.actor_id from actor_project ap
					join project_domain pd on pd.project_id = ap.project_id
					where pd.domain_id in (:key)""", domains.ids());
			projects = ids("""
					select distinct pp.id from public_project pp
					join project_domain pd on pd.project_id = pp.id
					where pd.domain_id in (:key)""", domains.ids());
		}
		else {
			return Refresh.NONE;
		}
		Map<String, Set<Long>> byEntity = Map.of("Actor", actors, "Project", projects);
		return (reasonKey, reasonArgs) -> this.reindexer.reindex(reasonKey, reasonArgs, byEntity)
			.map(ReindexRun::getTotal)
			.orElse(0L);
	}

	@Override
	public Map<String, Long> actorsByType() {
		return this.jdbc.sql("select actor_type_code, count(*) from actor group by actor_type_code")
			.query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	@Override
	public Map<Short, Long> actorsByTerritory() {
		return this.jdbc.sql("""
				select e.territory_id, count(*) from actor a
				join commune c on c.insee_code = a.commune_insee
				join epci e on e.siren = c.epci_siren
				group by e.territory_id""")
			.query((rs, i) -> Map.entry(rs.getShort(1), rs.getLong(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	@Override
	public Map<String, Long> actorsByEpci() {
		return this.jdbc.sql("""
				select c.epci_siren, count(*) from actor a
				join commune c on c.insee_code = a.commune_insee
				where c.epci_siren is not null
				group by c.epci_siren""")
			.query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	@Override
	public Map<Short, Long> projectsByDomain() {
		return this.jdbc.sql("select domain_id, count(*) from project_domain group by domain_id")
			.query((rs, i) -> Map.entry(rs.getShort(1), rs.getLong(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/**
	 * The published actors matching a condition on the actor, its commune or its EPCI.
	 */
	private Set<Long> actorsWhere(String condition, Object key) {
		return ids("select a.id from actor a " + PLACES + "where a.published and (" + condition + ")", key);
	}

	/** The public projects led by actors matching a condition (published or not). */
	private Set<Long> projectsLedWhere(String condition, Object key) {
		return ids("select pp.id from public_project pp join actor a on a.id = pp.lead_actor_id " + PLACES + "where ("
				+ condition + ")", key);
	}

	private Set<Long> ids(String sql, Object key) {
		return new LinkedHashSet<>(this.jdbc.sql(sql).param("key", key).query(Long.class).list());
	}

}
