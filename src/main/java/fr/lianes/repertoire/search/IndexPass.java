package fr.lianes.repertoire.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.metamodel.EntityType;
import org.hibernate.Session;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.entity.SearchIndexedEntity;
import org.hibernate.search.mapper.orm.mapping.SearchMapping;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.hibernate.search.mapper.orm.work.SearchIndexingPlan;
import org.hibernate.search.mapper.pojo.work.IndexingPlanSynchronizationStrategy;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Goes over indexed entities batch by batch, replacing each one's document (or removing
 * it, when the entity is no longer to be indexed: unpublished, or gone from the
 * database).
 * <p>
 * Unlike Hibernate Search's mass indexer, which purges the index first and then adds
 * documents, this never leaves the index short: during a run the public finds every
 * entry, each in its old version until its batch is done. A batch is searchable as soon
 * as it is written (read-sync); the index is committed to disk at the end.
 */
@Component
class IndexPass {

	private final EntityManagerFactory entityManagerFactory;

	private final SearchIndexer indexer;

	private final IndexWrites writes;

	private final int batchSize;

	IndexPass(EntityManagerFactory entityManagerFactory, SearchIndexer indexer, IndexWrites writes,
			@Value("${repertoire.reindex.batch-size:100}") int batchSize) {
		if (batchSize < 1) {
			throw new IllegalArgumentException("repertoire.reindex.batch-size must be positive");
		}
		this.entityManagerFactory = entityManagerFactory;
		this.indexer = indexer;
		this.writes = writes;
		this.batchSize = batchSize;
	}

	/**
	 * Goes over the run's entities. Until it ends the index is recorded as possibly
	 * incomplete: a run stopped in the middle (shutdown, crash, error) leaves entries in
	 * their old version, and the next start rebuilds the index.
	 */
	void run(ReindexRun run) throws InterruptedException {
		this.indexer.recordPass(run.getScope() == ReindexRun.Scope.ALL, () -> pass(run));
	}

	private void pass(ReindexRun run) throws InterruptedException {
		SearchMapping mapping = Search.mapping(this.entityManagerFactory);
		List<Target> targets = new ArrayList<>();
		if (run.getScope() == ReindexRun.Scope.ALL) {
			for (SearchIndexedEntity<?> entity : mapping.allIndexedEntities()) {
				targets.add(target(mapping, entity.jpaName()));
			}
			for (Target target : targets) {
				run.addToTotal(count(target));
			}
			for (Target target : targets) {
				passOver(run, target);
				removeOrphans(target);
			}
		}
		else {
			for (Map.Entry<String, Set<Long>> entry : run.ids().entrySet()) {
				targets.add(target(mapping, entry.getKey()));
			}
			for (Target target : targets) {
				List<Long> ids = run.ids().get(target.entityName()).stream().sorted().toList();
				for (int from = 0; from < ids.size(); from += this.batchSize) {
					List<Long> batch = ids.subList(from, Math.min(ids.size(), from + this.batchSize));
					index(target, batch, List.of());
					run.advance(batch.size());
					checkInterrupted();
				}
			}
		}
		mapping.scope(Object.class).workspace().flush();
	}

	/** Every entity of the type, in id order, a batch at a time. */
	private void passOver(ReindexRun run, Target target) throws InterruptedException {
		Object last = null;
		while (true) {
			List<?> ids;
			try (EntityManager entityManager = this.entityManagerFactory.createEntityManager()) {
				String id = "e." + target.idName();
				var query = entityManager.createQuery(
						"select " + id + " from " + target.entityName() + " e"
								+ ((last != null) ? " where " + id + " > :last" : "") + " order by " + id,
						Object.class);
				if (last != null) {
					query.setParameter("last", last);
				}
				ids = query.setMaxResults(this.batchSize).getResultList();
			}
			if (ids.isEmpty()) {
				return;
			}
			index(target, ids, List.of());
			run.advance(ids.size());
			last = ids.get(ids.size() - 1);
			checkInterrupted();
		}
	}

	/**
	 * Replaces the documents of the entities with these ids; those not found in the
	 * database are removed from the index, as are the {@code orphans}.
	 */
	private void index(Target target, Collection<?> ids, Collection<?> orphans) {
		try (EntityManager entityManager = this.entityManagerFactory.createEntityManager()) {
			entityManager.unwrap(Session.class).setDefaultReadOnly(true);
			SearchSession session = Search.session(entityManager);
			session.indexingPlanSynchronizationStrategy(IndexingPlanSynchronizationStrategy.readSync());
			// Each type has its own pass: indexing an actor must not reindex its projects
			// again, nor a project its actors.
			session.indexingPlanFilter((filter) -> target.otherTypes().forEach(filter::exclude));
			SearchIndexingPlan plan = session.indexingPlan();
			entityManager.getTransaction().begin();
			try {
				Set<Object> missing = new HashSet<>(ids);
				if (!ids.isEmpty()) {
					List<?> entities = entityManager
						.createQuery(
								"select e from " + target.entityName() + " e where e." + target.idName() + " in :ids",
								Object.class)
						.setParameter("ids", ids)
						.getResultList();
					for (Object entity : entities) {
						plan.addOrUpdate(entity);
						missing.remove(this.entityManagerFactory.getPersistenceUnitUtil().getIdentifier(entity));
					}
				}
				missing.addAll(orphans);
				missing.forEach((id) -> plan.purge(target.entityName(), id, null));
				// Build the documents now, while every lazy association of the batch is
				// still queued for batch fetching: left to the commit (after the flush),
				// each one is loaded on its own, twenty times the statements.
				plan.process();
				entityManager.getTransaction().commit();
				// searchable now (read-sync): pages kept from before are not served again
				this.writes.counted();
			}
			finally {
				if (entityManager.getTransaction().isActive()) {
					entityManager.getTransaction().rollback();
				}
			}
		}
	}

	/**
	 * Removes the documents of entities deleted from the database behind Hibernate's back
	 * (by SQL), which no pass over the table can meet.
	 */
	private void removeOrphans(Target target) {
		Set<Object> orphans;
		try (EntityManager entityManager = this.entityManagerFactory.createEntityManager()) {
			SearchSession session = Search.session(entityManager);
			orphans = new HashSet<>(session.search(session.scope(Object.class, target.entityName()))
				.select((f) -> f.id())
				.where((f) -> f.matchAll())
				.fetchAllHits());
			if (orphans.isEmpty()) {
				return;
			}
			orphans.removeAll(entityManager
				.createQuery("select e." + target.idName() + " from " + target.entityName() + " e", Object.class)
				.getResultList());
		}
		if (!orphans.isEmpty()) {
			index(target, List.of(), orphans);
		}
	}

	private long count(Target target) {
		try (EntityManager entityManager = this.entityManagerFactory.createEntityManager()) {
			return entityManager.createQuery("select count(e) from " + target.entityName() + " e", Long.class)
				.getSingleResult();
		}
	}

	private Target target(SearchMapping mapping, String entityName) {
		SearchIndexedEntity<?> entity = mapping.indexedEntity(entityName);
		EntityType<?> type = this.entityManagerFactory.getMetamodel().entity(entity.javaClass());
		String idName = type.getId(type.getIdType().getJavaType()).getName();
		List<String> others = mapping.allIndexedEntities()
			.stream()
			.map(SearchIndexedEntity::jpaName)
			.filter((name) -> !name.equals(entityName))
			.toList();
		return new Target(entity.jpaName(), idName, others);
	}

	private static void checkInterrupted() throws InterruptedException {
		if (Thread.currentThread().isInterrupted()) {
			throw new InterruptedException();
		}
	}

	/** An indexed entity type, by its JPA name and the name of its id attribute. */
	private record Target(String entityName, String idName, List<String> otherTypes) {
	}

}
