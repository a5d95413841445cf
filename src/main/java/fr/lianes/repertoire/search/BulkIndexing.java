package fr.lianes.repertoire.search;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.search.engine.backend.work.execution.DocumentCommitStrategy;
import org.hibernate.search.engine.backend.work.execution.DocumentRefreshStrategy;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.work.SearchWorkspace;
import org.hibernate.search.mapper.pojo.work.IndexingPlanSynchronizationStrategy;
import org.hibernate.search.mapper.pojo.work.IndexingPlanSynchronizationStrategyConfigurationContext;
import org.hibernate.search.mapper.pojo.work.SearchIndexingPlanExecutionReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The index work of a long run of write transactions (an import): each transaction's
 * changes go to the index without waiting for them to be committed to disk and searchable
 * (Hibernate Search's {@code async}: the index commits them in the background), and the
 * run waits once, at its end, until everything it wrote is committed and searchable (and
 * counts that as one write, {@link IndexWrites}). Waiting per transaction instead took as
 * long as the writes themselves.
 * <p>
 * Nothing is lost to a crash: while a run is under way the index is recorded as possibly
 * incomplete ({@link IndexCompleteness}), as a pass over it is, so that a process stopped
 * before the end makes the next start rebuild the index; a run that ends (done, paused by
 * a shutdown or failed) once its index work is committed leaves the record as it was.
 */
@Component
public class BulkIndexing {

	private static final Logger logger = LoggerFactory.getLogger(BulkIndexing.class);

	/** The run the current thread is in, if any. */
	private static final ThreadLocal<Deferred> RUNNING = new ThreadLocal<>();

	private final EntityManager entityManager;

	private final EntityManagerFactory entityManagerFactory;

	private final IndexCompleteness completeness;

	private final IndexWrites writes;

	private final IndexPass pass;

	private final Clock clock;

	BulkIndexing(EntityManager entityManager, EntityManagerFactory entityManagerFactory, IndexCompleteness completeness,
			IndexWrites writes, IndexPass pass, Clock clock) {
		this.pass = pass;
		this.clock = clock;
		this.entityManager = entityManager;
		this.entityManagerFactory = entityManagerFactory;
		this.completeness = completeness;
		this.writes = writes;
	}

	/** A run of write transactions. */
	@FunctionalInterface
	public interface Work<T, X extends Exception> {

		T run() throws X;

	}

	/**
	 * Runs the work in this thread: the transactions in it that call
	 * {@link #deferInThisTransaction} do not wait for the index; the index holds all they
	 * wrote, searchable, when this returns or throws.
	 */
	public <T, X extends Exception> T run(Work<T, X> work) throws X {
		if (RUNNING.get() != null) {
			return work.run();
		}
		IndexCompleteness.Pass pass = this.completeness.began(false);
		Deferred deferred = new Deferred();
		boolean caughtUp = false;
		RUNNING.set(deferred);
		try {
			return work.run();
		}
		finally {
			RUNNING.remove();
			try {
				catchUp(deferred);
				caughtUp = true;
			}
			catch (RuntimeException ex) {
				logger.error("The index could not be brought up to date after a run of writes: "
						+ "it is recorded incomplete, the next start rebuilds it", ex);
			}
			this.completeness.ended(pass, caughtUp);
		}
	}

	/**
	 * Puts the documents of these entities in the index again, from the database, in the
	 * caller's thread, unless the index is recorded complete: what a run of writes left
	 * out when its process stopped or died before its index work was applied (the run
	 * recorded the index incomplete when it began; only its end or a pass over the whole
	 * index records it complete again). For the instance that takes up another's
	 * interrupted import: the entries it wrote are searchable before it goes on, without
	 * rebuilding the whole index. The record stays as it is: a pass over some entities
	 * cannot tell that the whole index is complete.
	 * @param ids the ids by entity name ({@code Actor}, {@code Project})
	 * @return whether they were reindexed
	 * @throws InterruptedException when the thread was interrupted (a shutdown)
	 */
	public boolean repair(Map<String, Set<Long>> ids) throws InterruptedException {
		if (ids.values().stream().allMatch(Set::isEmpty) || this.completeness.isRecordedComplete()) {
			return false;
		}
		ReindexRun run = new ReindexRun(0, ReindexRun.Scope.AFFECTED, "reindex.reason.import", List.of(), ids,
				this.clock);
		this.pass.run(run);
		logger.info("Search index: {} entities of an interrupted run of writes indexed again in {} ms", run.getDone(),
				Duration.between(run.getQueuedAt(), this.clock.instant()).toMillis());
		return true;
	}

	/**
	 * Whether this thread is in a {@link #run}: its transactions write nothing in the
	 * search outbox ({@link OutboxRecording}), the run records the index incomplete until
	 * all it wrote is indexed.
	 */
	static boolean inRun() {
		return RUNNING.get() != null;
	}

	/**
	 * In a transaction of a {@link #run} (else nothing): its changes go to the index
	 * without waiting at commit.
	 */
	public void deferInThisTransaction() {
		Deferred deferred = RUNNING.get();
		if (deferred != null) {
			Search.session(this.entityManager).indexingPlanSynchronizationStrategy(deferred);
		}
	}

	/**
	 * Waits until the index has applied every change the run sent it, then commits and
	 * refreshes it.
	 * @throws IllegalStateException when a change could not be applied
	 */
	private void catchUp(Deferred deferred) {
		for (CompletableFuture<? extends SearchIndexingPlanExecutionReport> future : deferred.futures()) {
			SearchIndexingPlanExecutionReport report = future.join();
			if (report.throwable().isPresent()) {
				throw new IllegalStateException("Index changes failed", report.throwable().get());
			}
		}
		SearchWorkspace workspace = Search.mapping(this.entityManagerFactory).scope(Object.class).workspace();
		workspace.flush();
		workspace.refresh();
		this.writes.counted();
	}

	/**
	 * A run's strategy: each transaction's changes sent to the index at commit, neither
	 * committed to disk nor made searchable then, nor waited for; their completions kept.
	 */
	private static final class Deferred implements IndexingPlanSynchronizationStrategy {

		private final List<CompletableFuture<? extends SearchIndexingPlanExecutionReport>> futures = new ArrayList<>();

		@Override
		public void apply(IndexingPlanSynchronizationStrategyConfigurationContext context) {
			context.documentCommitStrategy(DocumentCommitStrategy.NONE);
			context.documentRefreshStrategy(DocumentRefreshStrategy.NONE);
			context.indexingFutureHandler(this::add);
		}

		private synchronized void add(CompletableFuture<? extends SearchIndexingPlanExecutionReport> future) {
			// the ones already done are let go: a long run keeps few
			this.futures.removeIf(
					(done) -> done.isDone() && !done.isCompletedExceptionally() && done.join().throwable().isEmpty());
			this.futures.add(future);
		}

		synchronized List<CompletableFuture<? extends SearchIndexingPlanExecutionReport>> futures() {
			return List.copyOf(this.futures);
		}

	}

}
