package fr.lianes.repertoire.search;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import fr.lianes.repertoire.testing.FreshDirectoryTest;
import fr.lianes.repertoire.testing.HtmlForms;
import fr.lianes.repertoire.testing.WebClient;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.search.engine.backend.work.execution.DocumentCommitStrategy;
import org.hibernate.search.engine.backend.work.execution.DocumentRefreshStrategy;
import org.hibernate.search.engine.backend.work.execution.OperationSubmitter;
import org.hibernate.search.engine.common.EntityReference;
import org.hibernate.search.engine.reporting.FailureHandler;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.event.impl.HibernateOrmListenerContextProvider;
import org.hibernate.search.mapper.orm.mapping.SearchMapping;
import org.hibernate.search.mapper.pojo.work.IndexingPlanSynchronizationStrategyConfigurationContext;
import org.hibernate.search.mapper.pojo.work.SearchIndexingPlanExecutionReport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static fr.lianes.repertoire.testing.TypedActor.TypedProject.project;
import static fr.lianes.repertoire.testing.TypedActor.actor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatRuntimeException;
import static org.awaitility.Awaitility.await;

/**
 * No committed change is lost to the index: a change of an indexed entity is recorded in
 * the search outbox by the transaction that makes it, deleted once its indexing
 * succeeded, and indexed by the outbox's poller when its indexing never came (the
 * instance stopped between its commit and its indexing) or failed.
 */
class IndexOutboxTests extends FreshDirectoryTest {

	@Autowired
	private IndexWrites writes;

	@Autowired
	private IndexOutbox outbox;

	@Autowired
	private DataSource dataSource;

	@Autowired
	private EntityManagerFactory entityManagerFactory;

	@Test
	void aChangeIndexedAfterItsCommitLeavesNothingInTheOutboxAndIsIndexedOnce() {
		String slug = enter(actor("bakel", "Association Bakel Entraide", "association-solidarite-internationale",
				"59100", "Roubaix")
			.project(project("Forage villageois").in("SN").localities("Bakel").domains("agriculture")));
		long id = actorId(slug);
		assertThat(rowsOf(id)).as("the outbox after the entry was written and indexed").isZero();

		long before = this.writes.done();
		rename(id, "Association Semme Entraide");
		assertThat(this.writes.done() - before).as("index writes of the rename").isOne();
		assertThat(rowsOf(id)).as("the outbox after the rename was indexed").isZero();
		assertThat(actorsFound("Semme")).containsExactly(slug);
	}

	@Test
	void aChangeCommittedAndNeverIndexedIsIndexedFromTheOutbox() {
		String slug = enter(actor("matam", "Association Matam Solidarité", "association-solidarite-internationale",
				"59200", "Tourcoing")
			.project(project("Périmètres irrigués").in("SN").localities("Kanel").domains("nutrition")));
		long id = actorId(slug);
		assertThat(actorsFound("Matam")).containsExactly(slug);

		// what an instance killed between its commit and its indexing leaves: the change
		// committed, nothing sent to the index (Hibernate Search told to leave entries
		// alone while the rename commits)
		SearchMapping mapping = Search.mapping(this.entityManagerFactory);
		mapping.indexingPlanFilter((filter) -> filter.exclude("Actor").exclude("Project"));
		try {
			rename(id, "Association Ourossogui Solidarité");
		}
		finally {
			mapping.indexingPlanFilter((filter) -> {
			});
		}
		assertThat(actorsFound("Ourossogui")).as("right after the commit").isEmpty();
		assertThat(rowsOf(id)).as("the rename in the outbox").isPositive();

		await().atMost(Duration.ofSeconds(30)).until(() -> actorsFound("Ourossogui").equals(List.of(slug)));
		assertThat(actorsFound("Matam")).isEmpty();
		await().atMost(Duration.ofSeconds(10)).until(() -> rowsOf(id) == 0);
	}

	/**
	 * The outbox records the indexed entities only: it would miss the changes of an
	 * entity that Hibernate Search follows into the documents of others (an
	 * {@code @IndexedEmbedded} one, a {@code derivedFrom} path into it not
	 * {@code SHALLOW}). Asked of Hibernate Search's own listener (an internal API, here
	 * only).
	 */
	@Test
	void theEntitiesHibernateSearchReindexesOnAChangeAreTheIndexedOnesTheOutboxRecords() {
		SearchMapping mapping = Search.mapping(this.entityManagerFactory);
		var listened = ((HibernateOrmListenerContextProvider) mapping).typeContextProvider().byHibernateOrmEntityName();
		Set<String> followed = this.entityManagerFactory.getMetamodel()
			.getEntities()
			.stream()
			.map((entity) -> entity.getJavaType().getName())
			.filter((name) -> listened.getOptional(name).isPresent())
			.collect(Collectors.toSet());
		assertThat(followed).containsExactlyInAnyOrderElementsOf(
				mapping.allIndexedEntities().stream().map((entity) -> entity.javaClass().getName()).toList());
	}

	@Test
	void aTransactionWhoseIndexingFailsLeavesItsRowsToThePoller() throws Exception {
		Consumer<CompletableFuture<? extends SearchIndexingPlanExecutionReport>> indexing = indexingOfIndexWrites();
		long failed = 990_001;
		long indexed = 990_002;
		try {
			committing(failed);
			assertThatRuntimeException().isThrownBy(() -> indexing
				.accept(CompletableFuture.failedFuture(new IllegalStateException("the search cluster is down"))));
			assertThat(this.outbox.takeCommitting()).as("kept for no other transaction").isEmpty();
			assertThat(rowsOf(failed)).as("rows of a failed indexing").isOne();

			committing(indexed);
			indexing.accept(CompletableFuture.completedFuture(succeeded()));
			assertThat(this.outbox.takeCommitting()).isEmpty();
			assertThat(rowsOf(indexed)).as("rows of a successful indexing").isZero();
			assertThat(rowsOf(failed)).isOne();
		}
		finally {
			this.jdbc.sql("delete from search_outbox where entity_id in (?, ?)").params(failed, indexed).update();
		}
	}

	/** What the transaction committing on this thread wrote in the outbox. */
	private void committing(long actorId) throws Exception {
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(true);
			this.outbox.record(connection, List.of(new IndexOutbox.Change("Actor", actorId, false)));
		}
	}

	/**
	 * The handler {@link IndexWrites} gives Hibernate Search for each transaction's
	 * indexing.
	 */
	private Consumer<CompletableFuture<? extends SearchIndexingPlanExecutionReport>> indexingOfIndexWrites() {
		AtomicReference<Consumer<? super CompletableFuture<? extends SearchIndexingPlanExecutionReport>>> handler = new AtomicReference<>();
		this.writes.apply(new IndexingPlanSynchronizationStrategyConfigurationContext() {

			@Override
			public void documentCommitStrategy(DocumentCommitStrategy strategy) {
			}

			@Override
			public void documentRefreshStrategy(DocumentRefreshStrategy strategy) {
			}

			@Override
			public void indexingFutureHandler(
					Consumer<? super CompletableFuture<? extends SearchIndexingPlanExecutionReport>> consumer) {
				handler.set(consumer);
			}

			@Override
			public FailureHandler failureHandler() {
				return null;
			}

			@Override
			public void operationSubmitter(OperationSubmitter submitter) {
			}

		});
		return (future) -> handler.get().accept(future);
	}

	private static SearchIndexingPlanExecutionReport succeeded() {
		return new SearchIndexingPlanExecutionReport() {

			@Override
			public Optional<Throwable> throwable() {
				return Optional.empty();
			}

			@Override
			public List<? extends EntityReference> failingEntities() {
				return List.of();
			}

		};
	}

	private void rename(long id, String name) {
		WebClient.Page form = this.moderator.get("/moderation/acteurs/" + id + "/modifier");
		List<String> fields = new ArrayList<>(List.of(HtmlForms.fields(form.body(), "name", name)));
		assertThat(this.moderator.post("/moderation/acteurs/" + id + "/modifier", fields.toArray(String[]::new)).uri())
			.isEqualTo("/moderation/acteurs/" + id);
	}

	private long rowsOf(long actorId) {
		return this.jdbc.sql("select count(*) from search_outbox where entity_name = 'Actor' and entity_id = ?")
			.param(actorId)
			.query(Long.class)
			.single();
	}

}
