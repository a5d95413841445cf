package fr.lianes.repertoire.search;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Reindexes the search index in the background, one run at a time, in place: each
 * document is replaced by a fresh one from the database, batch after batch, so that
 * searches keep finding the whole directory meanwhile (see {@link IndexPass}).
 * <p>
 * A run is either the whole index (the administrators' button) or the entries a change of
 * a reference list affects: their documents carry the names of domains, types and
 * territories, which Hibernate Search does not follow by itself. Runs wait in line; a
 * whole-index run asked for while one is waiting or running is not started twice. Runs go
 * on their own executor ({@code searchReindexExecutor}, one thread), which a shutdown
 * interrupts; an interrupted run leaves the index recorded incomplete and the next start
 * rebuilds it.
 */
@Component
public class SearchReindexer {

	/** Finished runs kept for the reindex page. */
	private static final int HISTORY = 5;

	private static final Logger logger = LoggerFactory.getLogger(SearchReindexer.class);

	private final IndexPass pass;

	private final TaskExecutor executor;

	/** Queued, running and the latest finished runs, newest first. */
	private final Deque<ReindexRun> runs = new ArrayDeque<>();

	private long lastId;

	private final Clock clock;

	private volatile boolean stopping;

	SearchReindexer(IndexPass pass, Clock clock, @Qualifier("searchReindexExecutor") TaskExecutor executor) {
		this.pass = pass;
		this.clock = clock;
		this.executor = executor;
	}

	/** What {@link #reindexAll()} did: started a run, or found one already under way. */
	public record Request(ReindexRun run, boolean started) {
	}

	/**
	 * Queues a run over the whole index, unless one is already queued or running.
	 */
	public synchronized Request reindexAll() {
		Optional<ReindexRun> underWay = this.runs.stream()
			.filter((run) -> run.isActive() && run.getScope() == ReindexRun.Scope.ALL)
			.findFirst();
		if (underWay.isPresent()) {
			return new Request(underWay.get(), false);
		}
		return new Request(submit(new ReindexRun(++this.lastId, ReindexRun.Scope.ALL, "reindex.reason.button",
				List.of(), Map.of(), this.clock)), true);
	}

	/**
	 * Queues a run over the given entities, identified by entity name and id, after the
	 * database change that affects them has been committed.
	 * @param reasonKey the message saying why, shown on the reindex page
	 * @param reasonArgs its arguments
	 * @param ids the ids to reindex by entity name ({@code Actor}, {@code Project})
	 * @return the run, or empty when there is nothing to reindex
	 */
	public synchronized Optional<ReindexRun> reindex(String reasonKey, List<String> reasonArgs,
			Map<String, Set<Long>> ids) {
		if (ids.values().stream().allMatch(Set::isEmpty)) {
			return Optional.empty();
		}
		return Optional.of(submit(
				new ReindexRun(++this.lastId, ReindexRun.Scope.AFFECTED, reasonKey, reasonArgs, ids, this.clock)));
	}

	/** Queued, running and the latest finished runs, newest first. */
	public synchronized List<ReindexRun> runs() {
		return new ArrayList<>(this.runs);
	}

	/** Whether a run is waiting or running. */
	public synchronized boolean isBusy() {
		return this.runs.stream().anyMatch(ReindexRun::isActive);
	}

	private ReindexRun submit(ReindexRun run) {
		this.runs.addFirst(run);
		this.executor.execute(() -> execute(run));
		return run;
	}

	private void execute(ReindexRun run) {
		boolean succeeded = false;
		try {
			run.start();
			logger.info("Search reindex #{} ({}) started", run.getId(), run.getScope());
			this.pass.run(run);
			succeeded = true;
			logger.info("Search reindex #{}: {} entities in {} ms", run.getId(), run.getDone(),
					run.getElapsed().toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			logger.warn("Search reindex #{} interrupted after {} of {} entities: the next start rebuilds the index",
					run.getId(), run.getDone(), run.getTotal());
		}
		catch (RuntimeException ex) {
			if (this.stopping) {
				// the connections closing under it: the shutdown, not a failure
				logger.warn("Search reindex #{} stopped by the shutdown after {} of {} entities: the next start "
						+ "rebuilds the index", run.getId(), run.getDone(), run.getTotal());
			}
			else {
				logger.error("Search reindex #" + run.getId() + " failed", ex);
			}
		}
		finally {
			run.finish(succeeded);
			forgetOldRuns();
		}
	}

	private synchronized void forgetOldRuns() {
		long finished = 0;
		for (var iterator = this.runs.iterator(); iterator.hasNext();) {
			ReindexRun run = iterator.next();
			if (!run.isActive() && ++finished > HISTORY) {
				iterator.remove();
			}
		}
	}

	/**
	 * The application stops: the connections may close under a run, which is then the
	 * shutdown's doing, not a failure. Runs before the executor interrupts the run.
	 */
	@EventListener(ContextClosedEvent.class)
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void stopping() {
		this.stopping = true;
	}

}
