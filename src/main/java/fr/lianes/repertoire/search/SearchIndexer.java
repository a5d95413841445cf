package fr.lianes.repertoire.search;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.entity.SearchIndexedEntity;
import org.hibernate.search.mapper.orm.mapping.SearchMapping;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Keeps the search index built: automatic indexing follows every write made through
 * Hibernate; this rebuilds the whole index from the database when asked, and at startup
 * when an index is empty while its table is not (first start, lost or deleted index, rows
 * loaded by SQL such as the demo directory).
 * <p>
 * The startup check runs on {@link ApplicationReadyEvent}, after every
 * {@code ApplicationRunner} (the demo loader among them), and before the application
 * reports itself ready.
 */
@Component
public class SearchIndexer {

	private static final Logger logger = LoggerFactory.getLogger(SearchIndexer.class);

	private final EntityManagerFactory entityManagerFactory;

	private final AtomicReference<CompletableFuture<Void>> running = new AtomicReference<>();

	SearchIndexer(EntityManagerFactory entityManagerFactory) {
		this.entityManagerFactory = entityManagerFactory;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(Ordered.LOWEST_PRECEDENCE)
	void rebuildIfEmpty() {
		SearchMapping mapping = Search.mapping(this.entityManagerFactory);
		for (SearchIndexedEntity<?> entity : mapping.allIndexedEntities()) {
			if (indexIsEmpty(entity) && tableHasRows(entity)) {
				logger.info("The search index of {} is empty while the database has some: rebuilding the index",
						entity.jpaName());
				reindexAll().toCompletableFuture().join();
				return;
			}
		}
	}

	/**
	 * Rebuilds every index from the database, in the background. The indexes are purged
	 * first, so searches find only part of the directory until it completes. A call while
	 * a rebuild runs returns that rebuild.
	 * @return completes when every index is rebuilt
	 */
	public CompletionStage<Void> reindexAll() {
		CompletableFuture<Void> done = new CompletableFuture<>();
		CompletableFuture<Void> current = this.running.compareAndExchange(null, done);
		if (current != null) {
			return current;
		}
		IndexingProgress progress = new IndexingProgress();
		try {
			Search.mapping(this.entityManagerFactory)
				.scope(Object.class)
				.massIndexer()
				.typesToIndexInParallel(2)
				.threadsToLoadObjects(2)
				.batchSizeToLoadObjects(100)
				.purgeAllOnStart(true)
				.mergeSegmentsOnFinish(true)
				.monitor(progress)
				.start()
				.whenComplete((result, failure) -> finish(done, failure));
		}
		catch (RuntimeException ex) {
			// a rebuild that could not even start must not block every later one
			finish(done, ex);
		}
		return done;
	}

	private void finish(CompletableFuture<Void> done, Throwable failure) {
		this.running.set(null);
		if (failure != null) {
			logger.error("Search index rebuild failed", failure);
			done.completeExceptionally(failure);
		}
		else {
			done.complete(null);
		}
	}

	private boolean indexIsEmpty(SearchIndexedEntity<?> entity) {
		try (EntityManager entityManager = this.entityManagerFactory.createEntityManager()) {
			SearchSession session = Search.session(entityManager);
			return session.search(session.scope(Object.class, entity.jpaName()))
				.where((f) -> f.matchAll())
				.fetchTotalHitCount() == 0;
		}
	}

	private boolean tableHasRows(SearchIndexedEntity<?> entity) {
		try (EntityManager entityManager = this.entityManagerFactory.createEntityManager()) {
			return !entityManager.createQuery("select 1 from " + entity.jpaName(), Integer.class)
				.setMaxResults(1)
				.getResultList()
				.isEmpty();
		}
	}

}
