package fr.lianes.repertoire.search;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.annotation.Scheduled;
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
 * <p>
 * Every run is recorded in the database ({@link ReindexRecords}) and run by the instance
 * that holds its claim ({@link ReindexClaims}), taken when it starts. With several
 * instances ({@code repertoire.cluster.enabled}) the reindex page of each shows every
 * run, a whole-index run asked on one while another is under way anywhere is not started
 * twice, and every {@code repertoire.cluster.reindex-takeover-interval} each instance
 * takes up the runs recorded as waiting or running that no instance holds: a run whose
 * instance stopped or died in its middle is run again from its start by another.
 */
@Component
public class SearchReindexer {

	/** Finished runs kept for the reindex page. */
	private static final int HISTORY = 5;

	private static final Logger logger = LoggerFactory.getLogger(SearchReindexer.class);

	private final IndexPass pass;

	private final TaskExecutor executor;

	private final ReindexRecords records;

	private final ReindexClaims claims;

	private final boolean cluster;

	/** Who runs a run, as recorded: this host and process. */
	private final String instance = instanceName();

	/** This instance's queued, running and latest finished runs, newest first. */
	private final Deque<ReindexRun> runs = new ArrayDeque<>();

	private volatile boolean stopping;

	SearchReindexer(IndexPass pass, ReindexRecords records, ReindexClaims claims,
			@Qualifier("searchReindexExecutor") TaskExecutor executor,
			@Value("${repertoire.cluster.enabled:false}") boolean cluster) {
		this.pass = pass;
		this.records = records;
		this.claims = claims;
		this.executor = executor;
		this.cluster = cluster;
	}

	/** What {@link #reindexAll()} did: started a run, or found one already under way. */
	public record Request(ReindexRun run, boolean started) {
	}

	/**
	 * Queues a run over the whole index, unless one is already queued or running (on any
	 * instance, with several).
	 */
	public synchronized Request reindexAll() {
		if (this.cluster) {
			// asked on two instances at once, queued once
			ReindexRecords.Whole whole = this.records.queueWholeUnlessUnderWay("reindex.reason.button");
			return whole.queued() ? new Request(submit(whole.run()), true) : new Request(own(whole.run()), false);
		}
		Optional<ReindexRun> underWay = runs().stream()
			.filter((run) -> run.isActive() && run.getScope() == ReindexRun.Scope.ALL)
			.findFirst();
		if (underWay.isPresent()) {
			return new Request(underWay.get(), false);
		}
		return new Request(
				submit(this.records.queue(ReindexRun.Scope.ALL, "reindex.reason.button", List.of(), Map.of())), true);
	}

	/**
	 * With several instances, at a start that finds the index incomplete: the whole index
	 * is reindexed by one instance. A run over the whole index is queued unless one is
	 * waiting or running on any instance (of two instances starting together, one queues
	 * it, the other finds it); this instance runs it if it queued it, or if no instance
	 * holds it (its instance stopped or died); otherwise the instance that holds it runs
	 * it.
	 * @return the run, as this instance knows it
	 */
	ReindexRun reindexAllAtStart() {
		ReindexRecords.Whole whole = this.records.queueWholeUnlessUnderWay("reindex.reason.start");
		synchronized (this) {
			if (whole.queued()) {
				return submit(whole.run());
			}
		}
		takeUpIfHeldByNone(whole.run());
		return whole.run();
	}

	/** The run as the database records it now. */
	Optional<ReindexRun> recorded(long id) {
		return this.records.recorded(id);
	}

	/** This instance's own copy of a run, with its live counters, if it has one. */
	private synchronized ReindexRun own(ReindexRun recorded) {
		return this.runs.stream().filter((run) -> run.getId() == recorded.getId()).findFirst().orElse(recorded);
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
		return Optional.of(submit(this.records.queue(ReindexRun.Scope.AFFECTED, reasonKey, reasonArgs, ids)));
	}

	/**
	 * Queued, running and the latest finished runs, newest first: this instance's, and
	 * with several instances those the database records too.
	 */
	public List<ReindexRun> runs() {
		List<ReindexRun> local;
		synchronized (this) {
			local = new ArrayList<>(this.runs);
		}
		if (!this.cluster) {
			return local;
		}
		Map<Long, ReindexRun> byId = local.stream()
			.collect(Collectors.toMap(ReindexRun::getId, (run) -> run, (first, second) -> first));
		List<ReindexRun> all = new ArrayList<>();
		for (ReindexRun recorded : this.records.latest(HISTORY)) {
			ReindexRun own = byId.remove(recorded.getId());
			// this instance's own run while it runs here: its live counters
			all.add((own != null && own.isActive()) ? own : recorded);
		}
		all.addAll(byId.values().stream().filter(ReindexRun::isActive).toList());
		all.sort((first, second) -> Long.compare(second.getId(), first.getId()));
		return all;
	}

	/** Whether a run is waiting or running (on any instance, with several). */
	public boolean isBusy() {
		return runs().stream().anyMatch(ReindexRun::isActive);
	}

	private ReindexRun submit(ReindexRun run) {
		this.runs.addFirst(run);
		this.executor.execute(() -> execute(run));
		return run;
	}

	private void execute(ReindexRun run) {
		Optional<ReindexClaims.Claim> claim = Optional.empty();
		try {
			claim = this.claims.claim(run.getId());
			if (claim.isEmpty() || !this.records.begin(run.getId(), this.instance)) {
				// run by another instance, or ended there meanwhile
				forget(run);
				return;
			}
		}
		catch (DataAccessException ex) {
			claim.ifPresent(ReindexClaims.Claim::close);
			logger.warn("Search reindex #{} not begun, the database does not answer: {}", run.getId(), ex.getMessage());
			forget(run);
			return;
		}
		try (ReindexClaims.Claim held = claim.get()) {
			run(run);
		}
	}

	private void run(ReindexRun run) {
		boolean succeeded = false;
		boolean stopped = false;
		try {
			run.start();
			run.onProgress(() -> this.records.progress(run.getId(), run.getDone(), run.getTotal()));
			logger.info("Search reindex #{} ({}) started", run.getId(), run.getScope());
			this.pass.run(run);
			succeeded = true;
			logger.info("Search reindex #{}: {} entities in {} ms", run.getId(), run.getDone(),
					run.getElapsed().toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			stopped = true;
			logger.warn("Search reindex #{} interrupted after {} of {} entities: the next start rebuilds the index",
					run.getId(), run.getDone(), run.getTotal());
		}
		catch (RuntimeException ex) {
			if (this.stopping) {
				// the connections closing under it: the shutdown, not a failure
				stopped = true;
				logger.warn("Search reindex #{} stopped by the shutdown after {} of {} entities: the next start "
						+ "rebuilds the index", run.getId(), run.getDone(), run.getTotal());
			}
			else {
				logger.error("Search reindex #" + run.getId() + " failed", ex);
			}
		}
		finally {
			run.onProgress(() -> {
			});
			record(run, succeeded, stopped);
			run.finish(succeeded);
			forgetOldRuns();
		}
	}

	/**
	 * A run that ended is recorded so; one stopped by a shutdown waits again, for the
	 * instance that takes it up.
	 */
	private void record(ReindexRun run, boolean succeeded, boolean stopped) {
		try {
			if (stopped) {
				this.records.requeue(run.getId());
			}
			else {
				this.records.finish(run.getId(), succeeded, run.getDone(), run.getTotal());
			}
		}
		catch (DataAccessException ex) {
			// left as recorded: running, unclaimed once this instance lets go; another
			// instance (or this one, later) takes it up
			logger.warn("Search reindex #{} could not be recorded as ended: {}", run.getId(), ex.getMessage());
		}
	}

	/**
	 * With several instances, takes up the runs recorded as waiting or running that no
	 * instance holds: those of an instance that stopped or died in their middle, and
	 * those another instance queued but has not begun yet. Each is claimed when it starts
	 * here; one that another instance holds by then is left to it.
	 */
	@Scheduled(initialDelayString = "${repertoire.cluster.reindex-takeover-interval:30s}",
			fixedDelayString = "${repertoire.cluster.reindex-takeover-interval:30s}")
	void takeUp() {
		if (!this.cluster || this.stopping) {
			return;
		}
		List<ReindexRun> unfinished;
		try {
			unfinished = this.records.unfinished();
		}
		catch (DataAccessException ex) {
			logger.debug("Reindex runs not checked: {}", ex.getMessage());
			return;
		}
		for (ReindexRun recorded : unfinished) {
			takeUpIfHeldByNone(recorded);
		}
	}

	/**
	 * Takes up a run recorded as waiting or running, unless it is under way here or
	 * another instance holds it.
	 */
	synchronized void takeUpIfHeldByNone(ReindexRun recorded) {
		if (this.stopping || !recorded.isActive()) {
			return;
		}
		boolean here = this.runs.stream().anyMatch((run) -> run.isActive() && run.getId() == recorded.getId());
		if (!here && nobodyHolds(recorded)) {
			logger.info("Search reindex #{} ({}) recorded {}, held by no instance: taken up here", recorded.getId(),
					recorded.getScope(), recorded.getState());
			submit(recorded.takenUp());
		}
	}

	/**
	 * Whether no instance holds the run now. Its claim is taken again when it starts
	 * here: of two instances that both found it free, one runs it.
	 */
	private boolean nobodyHolds(ReindexRun run) {
		Optional<ReindexClaims.Claim> claim = this.claims.claim(run.getId());
		claim.ifPresent(ReindexClaims.Claim::close);
		return claim.isPresent();
	}

	private synchronized void forget(ReindexRun run) {
		this.runs.remove(run);
		run.completion().complete(run);
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

	private static String instanceName() {
		String host = System.getenv("HOSTNAME");
		if (host == null || host.isBlank()) {
			try {
				host = InetAddress.getLocalHost().getHostName();
			}
			catch (UnknownHostException ex) {
				host = "unknown";
			}
		}
		return host + "/" + ProcessHandle.current().pid();
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
