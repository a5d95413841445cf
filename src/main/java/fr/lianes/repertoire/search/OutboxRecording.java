package fr.lianes.repertoire.search;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.engine.spi.TransactionCompletionCallbacks.AfterCompletionCallback;
import org.hibernate.engine.spi.TransactionCompletionCallbacks.BeforeCompletionCallback;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.AbstractCollectionEvent;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostCollectionRecreateEvent;
import org.hibernate.event.spi.PostCollectionRecreateEventListener;
import org.hibernate.event.spi.PostCollectionRemoveEvent;
import org.hibernate.event.spi.PostCollectionRemoveEventListener;
import org.hibernate.event.spi.PostCollectionUpdateEvent;
import org.hibernate.event.spi.PostCollectionUpdateEventListener;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.entity.SearchIndexedEntity;

import org.springframework.stereotype.Component;

/**
 * Records in the search outbox ({@link IndexOutbox}), in the transaction that makes them,
 * the changes of indexed entities made through Hibernate ORM: the same events Hibernate
 * Search's automatic indexing reacts to (an entity inserted, updated or deleted, one of
 * its collections changed), collected per session, then written in one statement on the
 * session's connection just before it commits. A transaction rolled back writes nothing;
 * a committed one leaves its rows until its indexing succeeded.
 * <p>
 * The indexed entities are the only ones recorded: the others that their documents show
 * (domains, countries, actor types, territories, partners) are followed with
 * {@code ReindexOnUpdate.SHALLOW}, their changes reindexed by the reindex queue
 * ({@link SearchReindexer}), which is recorded in the database already. The transactions
 * of a run of writes ({@link BulkIndexing}) are not recorded either: the run records the
 * index incomplete until everything it wrote is indexed.
 */
@Component
class OutboxRecording implements PostInsertEventListener, PostUpdateEventListener, PostDeleteEventListener,
		PostCollectionRecreateEventListener, PostCollectionRemoveEventListener, PostCollectionUpdateEventListener {

	private final IndexOutbox outbox;

	/** The JPA names of the indexed entities, by Hibernate ORM entity name. */
	private final Map<String, String> indexed;

	/** The changes of the sessions whose transaction has not completed yet. */
	private final Map<SharedSessionContractImplementor, Map<String, IndexOutbox.Change>> pending = new ConcurrentHashMap<>();

	OutboxRecording(EntityManagerFactory entityManagerFactory, IndexOutbox outbox) {
		this.outbox = outbox;
		SessionFactoryImplementor factory = entityManagerFactory.unwrap(SessionFactoryImplementor.class);
		Collection<? extends SearchIndexedEntity<?>> entities = Search.mapping(entityManagerFactory)
			.allIndexedEntities();
		for (SearchIndexedEntity<?> entity : entities) {
			Class<?> id = entityManagerFactory.getMetamodel().entity(entity.javaClass()).getIdType().getJavaType();
			if (id != Long.class) {
				throw new IllegalStateException("The search outbox records numeric ids, " + entity.jpaName()
						+ " is identified by " + id.getSimpleName());
			}
		}
		this.indexed = entities.stream()
			.collect(Collectors.toUnmodifiableMap((entity) -> entity.javaClass().getName(),
					SearchIndexedEntity::jpaName));
		EventListenerRegistry listeners = factory.getServiceRegistry().requireService(EventListenerRegistry.class);
		listeners.appendListeners(EventType.POST_INSERT, this);
		listeners.appendListeners(EventType.POST_UPDATE, this);
		listeners.appendListeners(EventType.POST_DELETE, this);
		listeners.appendListeners(EventType.POST_COLLECTION_RECREATE, this);
		listeners.appendListeners(EventType.POST_COLLECTION_REMOVE, this);
		listeners.appendListeners(EventType.POST_COLLECTION_UPDATE, this);
	}

	@Override
	public void onPostInsert(PostInsertEvent event) {
		record(event.getSession(), event.getPersister().getEntityName(), event.getId(), false);
	}

	@Override
	public void onPostUpdate(PostUpdateEvent event) {
		record(event.getSession(), event.getPersister().getEntityName(), event.getId(), false);
	}

	@Override
	public void onPostDelete(PostDeleteEvent event) {
		record(event.getSession(), event.getPersister().getEntityName(), event.getId(), true);
	}

	@Override
	public void onPostRecreateCollection(PostCollectionRecreateEvent event) {
		recordOwner(event);
	}

	@Override
	public void onPostRemoveCollection(PostCollectionRemoveEvent event) {
		recordOwner(event);
	}

	@Override
	public void onPostUpdateCollection(PostCollectionUpdateEvent event) {
		recordOwner(event);
	}

	private void recordOwner(AbstractCollectionEvent event) {
		record(event.getSession(), event.getAffectedOwnerEntityName(), event.getAffectedOwnerIdOrNull(), false);
	}

	private void record(SharedSessionContractImplementor session, String entityName, Object id, boolean deleted) {
		String name = (entityName != null) ? this.indexed.get(entityName) : null;
		if (name == null || !(id instanceof Long entityId) || !session.isTransactionInProgress()
				|| BulkIndexing.inRun()) {
			return;
		}
		Map<String, IndexOutbox.Change> changes = this.pending.computeIfAbsent(session, this::follow);
		changes.put(name + ":" + entityId, new IndexOutbox.Change(name, entityId, deleted));
	}

	/**
	 * The first change of a session's transaction: its changes are written before it
	 * commits, and forgotten when it completes in any case.
	 */
	private Map<String, IndexOutbox.Change> follow(SharedSessionContractImplementor session) {
		session.getTransactionCompletionCallbacks().registerCallback((BeforeCompletionCallback) this::beforeCompletion);
		session.getTransactionCompletionCallbacks()
			.registerCallback((AfterCompletionCallback) (success, completed) -> this.pending.remove(completed));
		return new LinkedHashMap<>();
	}

	/**
	 * Writes the transaction's changes on its connection. Registered now, after Hibernate
	 * Search's (registered by its listeners as the changes were flushed), the step that
	 * clears the ids kept for the indexing runs after the indexing.
	 */
	private void beforeCompletion(SharedSessionContractImplementor session) {
		Map<String, IndexOutbox.Change> changes = this.pending.remove(session);
		if (changes == null || changes.isEmpty()) {
			return;
		}
		session.getTransactionCompletionCallbacks()
			.registerCallback((AfterCompletionCallback) (success, completed) -> this.outbox.forgetCommitting());
		session.doWork((connection) -> this.outbox.record(connection, changes.values()));
	}

}
