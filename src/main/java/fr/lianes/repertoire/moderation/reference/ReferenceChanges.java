package fr.lianes.repertoire.moderation.reference;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import fr.lianes.repertoire.search.ReindexRun;
import fr.lianes.repertoire.search.SearchReindexer;
import fr.lianes.repertoire.reference.ReferenceData;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a change of a reference list in a transaction and, once it is committed, makes the
 * rest of the application see it: the lists held in memory ({@link ReferenceData}) are
 * reloaded, and the search documents that carry a changed name or slug are rebuilt in the
 * background (their mapping does not follow reference entities by itself).
 */
@Component
class ReferenceChanges {

	/** Search documents to rebuild after a change, by entity name. */
	record Affected(Set<Long> actors, Set<Long> projects) {

		static final Affected NONE = new Affected(Set.of(), Set.of());

		Map<String, Set<Long>> byEntity() {
			return Map.of("Actor", this.actors, "Project", this.projects);
		}

		long size() {
			return this.actors.size() + (long) this.projects.size();
		}

	}

	/** What a change did: its result and the reindex run it needed, if any. */
	record Outcome<T>(T result, Optional<ReindexRun> reindex) {
	}

	/** A change and the search documents it affects. */
	record Change<T>(T result, Affected affected) {
	}

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ReferenceData reference;

	private final SearchReindexer reindexer;

	ReferenceChanges(JdbcClient jdbc, PlatformTransactionManager transactionManager, ReferenceData reference,
			SearchReindexer reindexer) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.reference = reference;
		this.reindexer = reindexer;
	}

	/**
	 * Runs the change in a transaction, then refreshes the lists and queues the reindex.
	 * @param reasonKey the message naming the change on the reindex page
	 * @param reasonArgs its arguments
	 */
	<T> Outcome<T> apply(String reasonKey, List<String> reasonArgs, Supplier<Change<T>> change) {
		Change<T> done = this.transactions.execute((status) -> change.get());
		this.reference.refresh();
		Optional<ReindexRun> run = this.reindexer.reindex(reasonKey, reasonArgs, done.affected().byEntity());
		return new Outcome<>(done.result(), run);
	}

	/**
	 * The published actors matching a condition on the actor ({@code a}), its commune
	 * ({@code c}) or the commune's EPCI ({@code e}) and, if asked, the public projects
	 * they lead.
	 */
	Affected actorsWhere(String condition, Map<String, ?> params, boolean ledProjects) {
		String places = """
				join commune c on c.insee_code = a.commune_insee
				left join epci e on e.siren = c.epci_siren
				""";
		Set<Long> actors = ids("select a.id from actor a " + places + "where a.published and (" + condition + ")",
				params);
		Set<Long> projects = ledProjects
				? ids("select pp.id from public_project pp join actor a on a.id = pp.lead_actor_id " + places
						+ "where (" + condition + ")", params)
				: Set.of();
		return new Affected(actors, projects);
	}

	/**
	 * The public projects classified in these domains, and the actors taking part in
	 * them.
	 */
	Affected projectsInDomains(Set<Short> domains) {
		if (domains.isEmpty()) {
			return Affected.NONE;
		}
		Map<String, ?> params = Map.of("domains", domains);
		return new Affected(ids("""
				select distinct ap.actor_id from actor_project ap
				join project_domain pd on pd.project_id = ap.project_id
				where pd.domain_id in (:domains)""", params), ids("""
				select distinct pp.id from public_project pp
				join project_domain pd on pd.project_id = pp.id
				where pd.domain_id in (:domains)""", params));
	}

	private Set<Long> ids(String sql, Map<String, ?> params) {
		return new LinkedHashSet<>(this.jdbc.sql(sql).params(params).query(Long.class).list());
	}

	/** Throws if any of the counts is positive. */
	static void refuseIfUsed(List<DeletionRefusedException.Reason> uses) {
		List<DeletionRefusedException.Reason> reasons = uses.stream().filter((r) -> r.count() > 0).toList();
		if (!reasons.isEmpty()) {
			throw new DeletionRefusedException(reasons);
		}
	}

}
