package fr.lianes.repertoire.search;

import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.entity.SearchIndexedEntity;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.hibernate.search.mapper.pojo.massindexing.MassIndexingFailureContext;
import org.hibernate.search.mapper.pojo.massindexing.MassIndexingFailureHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.stereotype.Component;

/**
 * Keeps the search index whole: automatic indexing follows every write made through
 * Hibernate; this rebuilds the whole index from the database when asked, and at start
 * when the index may not hold the whole directory.
 * <p>
 * At start (on {@link ApplicationReadyEvent}, after every {@code ApplicationRunner} such
 * as the demo loader, and before the application reports itself ready) the index is
 * rebuilt when the last pass over it did not end ({@link IndexCompleteness}: a rebuild or
 * a reindex stopped by a shutdown, a crash or an error), or when its documents do not add
 * up to the rows the database says should be indexed ({@link IndexedRows}). Until then
 * {@link #preparation()} tells the pages that lists would be partial. With several
 * instances ({@code repertoire.cluster.enabled}) the index is shared: a start does not
 * rebuild it by itself but waits for a run over the whole index in the reindex queue,
 * which one instance runs.
 * <p>
 * Rebuilds run on their own executor ({@code searchRebuildExecutor},
 * {@code ReindexConfiguration}). A shutdown during a rebuild stops it, says so in one
 * line, and the next start rebuilds. A rebuild that found no database connection free in
 * time (the pool still opening its connections at start on a busy machine: requests wait
 * for one at most {@code spring.datasource.hikari.connection-timeout}) starts over, a few
 * times.
 */
@Component
public class SearchIndexer implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(SearchIndexer.class);

	/** How long a shutdown waits for a stopped rebuild to let go of the index. */
	private static final long STOP_WAIT_SECONDS = 30;

	/** How many times a rebuild tries when no connection was free in time. */
	static final int CONNECTION_ATTEMPTS = 5;

	/**
	 * How often a start waits between two looks at the whole-index run it waits for, with
	 * several instances.
	 */
	private static final long RUN_POLL_MILLIS = 250;

	private final EntityManagerFactory entityManagerFactory;

	private final IndexCompleteness completeness;

	private final ObjectProvider<IndexedRows> indexedRows;

	private final IndexWrites writes;

	private final AsyncTaskExecutor executor;

	/** The reindex queue, which rebuilds the index at a start with several instances. */
	private final ObjectProvider<SearchReindexer> reindexer;

	private final boolean cluster;

	/** How far the whole-index run a start waits for is, with several instances. */
	private volatile IndexPreparation awaited;

	/** The rebuild under way, if any. */
	private Rebuild running;

	/** Whether the index was found whole, or rebuilt, since this instance started. */
	private volatile boolean checked;

	private volatile boolean stopping;

	private volatile boolean lifecycleRunning;

	SearchIndexer(EntityManagerFactory entityManagerFactory, IndexCompleteness completeness,
			ObjectProvider<IndexedRows> indexedRows, IndexWrites writes,
			@Qualifier("searchRebuildExecutor") AsyncTaskExecutor executor, ObjectProvider<SearchReindexer> reindexer,
			@Value("${repertoire.cluster.enabled:false}") boolean cluster) {
		this.entityManagerFactory = entityManagerFactory;
		this.reindexer = reindexer;
		this.cluster = cluster;
		this.executor = executor;
		this.completeness = completeness;
		this.indexedRows = indexedRows;
		this.writes = writes;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(Ordered.LOWEST_PRECEDENCE)
	void applicationReady() {
		rebuildIfIncomplete();
	}

	/**
	 * Rebuilds the index, and waits for it, unless it holds the whole directory.
	 * @return why the index was rebuilt, empty when it was whole
	 */
	Optional<String> rebuildIfIncomplete() {
		Optional<String> reason = reasonToRebuild();
		if (reason.isEmpty()) {
			this.checked = true;
			return reason;
		}
		if (this.cluster) {
			awaitWholeRun(reason.get());
			return reason;
		}
		logger.info("{}: rebuilding the search index", reason.get());
		try {
			reindexAll().toCompletableFuture().join();
		}
		catch (CancellationException | CompletionException ex) {
			if (this.stopping) {
				// stopped by the shutdown, which said so: end the start quietly
				throw new SpringApplication.AbandonedRunException();
			}
			throw ex;
		}
		return reason;
	}

	/**
	 * With several instances, the index is rebuilt by one of them through the reindex
	 * queue ({@link SearchReindexer#reindexAllAtStart()}): a run over the whole index, in
	 * place, claimed by the instance that runs it ({@link ReindexClaims}), so that of two
	 * instances starting together on an incomplete index one rebuilds it. This instance
	 * waits for that run's end, not ready meanwhile (as a rebuild here would leave it);
	 * when no instance holds the run any more (its instance stopped or died) it takes the
	 * run up itself.
	 */
	private void awaitWholeRun(String reason) {
		SearchReindexer queue = this.reindexer.getObject();
		ReindexRun run = queue.reindexAllAtStart();
		logger.info("{}: the search index is rebuilt by the whole-index reindex #{}", reason, run.getId());
		this.awaited = new IndexPreparation(0, 0);
		try {
			while (true) {
				if (this.stopping) {
					throw new SpringApplication.AbandonedRunException();
				}
				ReindexRun recorded = queue.recorded(run.getId()).orElseThrow();
				this.awaited = new IndexPreparation(recorded.getDone(), recorded.getTotal());
				if (recorded.getState() == ReindexRun.State.DONE) {
					this.checked = true;
					return;
				}
				if (recorded.getState() == ReindexRun.State.FAILED) {
					throw new IllegalStateException("The whole-index reindex #" + run.getId() + " failed");
				}
				queue.takeUpIfHeldByNone(recorded);
				try {
					TimeUnit.MILLISECONDS.sleep(RUN_POLL_MILLIS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new SpringApplication.AbandonedRunException();
				}
			}
		}
		finally {
			this.awaited = null;
		}
	}

	/**
	 * Why the index must be rebuilt: the last pass over it did not end, or its documents
	 * do not add up to the rows to index.
	 */
	Optional<String> reasonToRebuild() {
		if (!this.completeness.isRecordedComplete()) {
			return Optional.of(this.completeness.isRecordedUnderAnotherShape()
					? "The search index was built by a version that indexed other fields"
					: "The last pass over the search index did not end");
		}
		StringBuilder counts = new StringBuilder();
		for (SearchIndexedEntity<?> entity : Search.mapping(this.entityManagerFactory).allIndexedEntities()) {
			long documents = countDocuments(entity);
			Optional<IndexedRows> rows = this.indexedRows.orderedStream()
				.filter((r) -> r.type().equals(entity.javaClass()))
				.findFirst();
			if (rows.isPresent()) {
				long expected = rows.get().expectedDocuments().getAsLong();
				if (documents != expected) {
					return Optional.of(String.format(Locale.ROOT,
							"The search index holds %d documents of %s where the database has %d to index", documents,
							entity.jpaName(), expected));
				}
			}
			else if (documents == 0 && tableHasRows(entity)) {
				return Optional.of("The search index of " + entity.jpaName() + " is empty while its table is not");
			}
			counts.append((counts.length() > 0) ? ", " : "").append(documents).append(' ').append(entity.jpaName());
		}
		logger.info("Search index complete: {} documents", counts);
		return Optional.empty();
	}

	/**
	 * Rebuilds every index from the database, in the background. The indexes are purged
	 * first: until it completes {@link #preparation()} says so, for lists would be
	 * partial. A call while a rebuild runs returns that rebuild.
	 * @return completes when every index is rebuilt; cancelled when a shutdown stopped it
	 */
	public synchronized CompletionStage<Void> reindexAll() {
		if (this.running != null) {
			return this.running.done();
		}
		if (this.stopping) {
			return CompletableFuture.failedFuture(new CancellationException("shutting down"));
		}
		Rebuild rebuild = new Rebuild();
		try {
			rebuild.task = this.executor.submit(() -> rebuild(rebuild));
		}
		catch (TaskRejectedException ex) {
			return CompletableFuture.failedFuture(new CancellationException("shutting down"));
		}
		this.running = rebuild;
		return rebuild.done();
	}

	private void rebuild(Rebuild rebuild) {
		if (!rebuild.begin()) {
			// stopped by the shutdown before it began
			return;
		}
		boolean succeeded = false;
		Throwable failure = null;
		IndexCompleteness.Pass pass = null;
		try {
			pass = this.completeness.began(true);
			massIndex(rebuild);
			succeeded = true;
			logger.info(String.format(Locale.ROOT, "Search index: %d entities read and indexed in %.1f s",
					rebuild.progress().done(), rebuild.progress().elapsed().toMillis() / 1000.0));
		}
		catch (InterruptedException ex) {
			failure = new CancellationException("stopped");
		}
		catch (RuntimeException ex) {
			failure = this.stopping ? new CancellationException("stopped") : ex;
			if (!this.stopping) {
				logger.error("Search index rebuild failed", ex);
			}
		}
		finally {
			// the index was purged and filled again: a page rendered from it meanwhile (a
			// request that began before the rebuild did) is not served again from memory
			this.writes.counted();
			if (pass != null && !this.stopping) {
				this.completeness.ended(pass, succeeded);
			}
			synchronized (this) {
				this.running = null;
				if (succeeded) {
					this.checked = true;
				}
			}
			if (failure != null) {
				rebuild.done().completeExceptionally(failure);
			}
			else {
				rebuild.done().complete(null);
			}
		}
	}

	/**
	 * Reads every indexed entity into a purged index (Lucene), or into new indexes that
	 * replace the old ones only once full (a cluster's aliases: {@link IndexAliases}).
	 */
	private void massIndex(Rebuild rebuild) throws InterruptedException {
		IndexAliases aliases = IndexAliases.of(this.entityManagerFactory);
		boolean filled = false;
		try {
			fill(rebuild, aliases == null);
			filled = true;
		}
		finally {
			if (aliases != null && filled) {
				aliases.complete();
			}
			else if (aliases != null) {
				aliases.abandon();
			}
		}
	}

	/**
	 * Reads every indexed entity into the index; starts over when the pool had no
	 * connection free in time, waiting a little longer each time.
	 */
	private void fill(Rebuild rebuild, boolean purge) throws InterruptedException {
		for (int attempt = 1;; attempt++) {
			try {
				Search.mapping(this.entityManagerFactory)
					.scope(Object.class)
					.massIndexer()
					.typesToIndexInParallel(2)
					.threadsToLoadObjects(2)
					.batchSizeToLoadObjects(100)
					.purgeAllOnStart(purge)
					.mergeSegmentsOnFinish(true)
					.monitor(rebuild.progress())
					.failureHandler(new QuietWhenStopping())
					.startAndWait();
				return;
			}
			catch (RuntimeException ex) {
				if (this.stopping || attempt >= CONNECTION_ATTEMPTS || !noConnectionInTime(ex)) {
					throw ex;
				}
				logger.warn("Search index rebuild: no database connection free in time, starting over "
						+ "(attempt {} of {})", attempt + 1, CONNECTION_ATTEMPTS);
				TimeUnit.SECONDS.sleep(attempt);
				rebuild.progress().restart();
			}
		}
	}

	private static boolean noConnectionInTime(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLTransientConnectionException) {
				return true;
			}
			for (Throwable suppressed : cause.getSuppressed()) {
				if (noConnectionInTime(suppressed)) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * Whether lists, counts and suggestions read from the index may be partial: the index
	 * is being checked at start, or rebuilt.
	 * @return how far the preparation is, empty when the index holds the whole directory
	 */
	public Optional<IndexPreparation> preparation() {
		Rebuild rebuild;
		synchronized (this) {
			rebuild = this.running;
		}
		if (rebuild != null) {
			return Optional.of(new IndexPreparation(rebuild.progress().done(), rebuild.progress().total()));
		}
		IndexPreparation run = this.awaited;
		if (run != null) {
			return Optional.of(run);
		}
		return this.checked ? Optional.empty() : Optional.of(new IndexPreparation(0, 0));
	}

	/**
	 * Runs a pass over the index in place (the back office's reindex), recording that the
	 * index may be incomplete until it ends: a pass stopped in the middle makes the next
	 * start rebuild the index.
	 * @param wholeIndex whether the pass goes over every entity; only such a pass can
	 * make an incomplete index complete again
	 * @param pass the pass
	 * @throws InterruptedException when the pass was interrupted
	 */
	public void recordPass(boolean wholeIndex, Pass pass) throws InterruptedException {
		IndexCompleteness.Pass recorded = this.completeness.began(wholeIndex);
		boolean succeeded = false;
		try {
			pass.run();
			succeeded = true;
		}
		finally {
			this.completeness.ended(recorded, succeeded);
		}
	}

	/** Whether the last passes over the index ended, as recorded in the database. */
	public boolean isRecordedComplete() {
		return this.completeness.isRecordedComplete();
	}

	/** A pass over the index. */
	@FunctionalInterface
	public interface Pass {

		void run() throws InterruptedException;

	}

	@Override
	public synchronized void start() {
		this.stopping = false;
		this.lifecycleRunning = true;
	}

	/** A rebuild is stopped by a shutdown only, never by a pause (of a test context). */
	@Override
	public boolean isPauseable() {
		return false;
	}

	@Override
	public boolean isRunning() {
		return this.lifecycleRunning;
	}

	/**
	 * Stops a rebuild under way before the database and the index close, in one log line;
	 * the next start rebuilds the index.
	 */
	@Override
	public void stop() {
		Rebuild rebuild;
		synchronized (this) {
			this.stopping = true;
			rebuild = this.running;
		}
		if (rebuild != null) {
			if (rebuild.begin()) {
				// it had not begun: it never will
				rebuild.done().completeExceptionally(new CancellationException("stopped"));
			}
			else {
				// interrupts the rebuild
				rebuild.task.cancel(true);
			}
			try {
				rebuild.done().get(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
			}
			catch (ExecutionException | CancellationException | TimeoutException ex) {
				// stopped, as asked
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			logger.info(String.format(Locale.ROOT,
					"Search index rebuild stopped by the shutdown at %d of %d entities: the next start rebuilds it",
					rebuild.progress().done(), rebuild.progress().total()));
		}
		this.lifecycleRunning = false;
	}

	private long countDocuments(SearchIndexedEntity<?> entity) {
		try (EntityManager entityManager = this.entityManagerFactory.createEntityManager()) {
			SearchSession session = Search.session(entityManager);
			return session.search(session.scope(Object.class, entity.jpaName()))
				.where((f) -> f.matchAll())
				.fetchTotalHitCount();
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

	/** A rebuild under way: its task, its progress, and what completes when it ends. */
	private static final class Rebuild {

		private final IndexingProgress progress = new IndexingProgress();

		private final CompletableFuture<Void> done = new CompletableFuture<>();

		private final AtomicBoolean begun = new AtomicBoolean();

		private volatile Future<?> task;

		/**
		 * Whether this call is the first: the rebuild's task begins it, unless the
		 * shutdown came first.
		 */
		boolean begin() {
			return this.begun.compareAndSet(false, true);
		}

		IndexingProgress progress() {
			return this.progress;
		}

		CompletableFuture<Void> done() {
			return this.done;
		}

	}

	/**
	 * Logs the failures of a rebuild, but not those a shutdown causes (the connections
	 * and the index closing under it): the shutdown says in one line that it stopped it.
	 */
	private final class QuietWhenStopping implements MassIndexingFailureHandler {

		@Override
		public void handle(MassIndexingFailureContext context) {
			if (SearchIndexer.this.stopping) {
				return;
			}
			if (noConnectionInTime(context.throwable())) {
				logger.warn("Search index rebuild: {} found no database connection free in time",
						context.failingOperation());
			}
			else {
				logger.error("Search index rebuild: " + context.failingOperation() + " failed", context.throwable());
			}
		}

	}

}
