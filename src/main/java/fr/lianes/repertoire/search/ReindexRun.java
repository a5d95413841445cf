package fr.lianes.repertoire.search;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One pass over the search index, as the reindex page shows it: the whole index, or the
 * entries a reference list change affects. Its counters are updated by the reindexing
 * thread and read by requests.
 */
public final class ReindexRun {

	/** What a run goes over. */
	public enum Scope {

		/** Every indexed entity. */
		ALL,

		/** The entities a change of a reference list affects. */
		AFFECTED

	}

	/** Where a run is. */
	public enum State {

		QUEUED, RUNNING, DONE, FAILED

	}

	private final long id;

	private final Scope scope;

	private final String reasonKey;

	private final List<String> reasonArgs;

	/** The identifiers to reindex by entity name; empty for {@link Scope#ALL}. */
	private final Map<String, Set<Long>> ids;

	private final AtomicLong total = new AtomicLong();

	private final AtomicLong done = new AtomicLong();

	private final Clock clock;

	private final Instant queuedAt;

	private final CompletableFuture<ReindexRun> completion = new CompletableFuture<>();

	private volatile State state = State.QUEUED;

	private volatile Instant startedAt;

	private volatile Instant finishedAt;

	/** Told of the progress by the thread that runs it, when it is this instance's. */
	private volatile Runnable progressListener = () -> {
	};

	ReindexRun(long id, Scope scope, String reasonKey, List<String> reasonArgs, Map<String, Set<Long>> ids,
			Clock clock) {
		this(id, scope, reasonKey, reasonArgs, ids, clock, clock.instant());
	}

	private ReindexRun(long id, Scope scope, String reasonKey, List<String> reasonArgs, Map<String, Set<Long>> ids,
			Clock clock, Instant queuedAt) {
		this.clock = clock;
		this.queuedAt = queuedAt;
		this.id = id;
		this.scope = scope;
		this.reasonKey = reasonKey;
		this.reasonArgs = List.copyOf(reasonArgs);
		this.ids = Map.copyOf(ids);
		this.total.set(ids.values().stream().mapToLong(Set::size).sum());
	}

	/**
	 * A run as the database records it ({@link ReindexRecords}): run by another instance,
	 * or to be taken up here.
	 */
	static ReindexRun recorded(long id, Scope scope, String reasonKey, List<String> reasonArgs,
			Map<String, Set<Long>> ids, State state, long total, long done, Instant queuedAt, Instant startedAt,
			Instant finishedAt, Clock clock) {
		ReindexRun run = new ReindexRun(id, scope, reasonKey, reasonArgs, ids, clock, queuedAt);
		run.state = state;
		run.total.set(total);
		run.done.set(done);
		run.startedAt = startedAt;
		run.finishedAt = finishedAt;
		if (state == State.DONE || state == State.FAILED) {
			run.completion.complete(run);
		}
		return run;
	}

	/**
	 * A run recorded as waiting or running, to be run here from its start: its counters
	 * as a new run's.
	 */
	ReindexRun takenUp() {
		return new ReindexRun(this.id, this.scope, this.reasonKey, this.reasonArgs, this.ids, this.clock,
				this.queuedAt);
	}

	void onProgress(Runnable listener) {
		this.progressListener = listener;
	}

	public long getId() {
		return this.id;
	}

	public Scope getScope() {
		return this.scope;
	}

	/** The message saying why the run was asked for. */
	public String getReasonKey() {
		return this.reasonKey;
	}

	public Object[] getReasonArgs() {
		return this.reasonArgs.toArray();
	}

	Map<String, Set<Long>> ids() {
		return this.ids;
	}

	public State getState() {
		return this.state;
	}

	public boolean isActive() {
		return this.state == State.QUEUED || this.state == State.RUNNING;
	}

	/**
	 * Entities to go over: known from the start for {@link Scope#AFFECTED}, once the run
	 * has started for {@link Scope#ALL}.
	 */
	public long getTotal() {
		return this.total.get();
	}

	/** Entities gone over so far, never more than the total. */
	public long getDone() {
		return Math.min(this.done.get(), this.total.get());
	}

	/** Whole percent done. */
	public int getPercent() {
		long total = getTotal();
		return (total > 0) ? (int) (100 * getDone() / total) : ((this.state == State.DONE) ? 100 : 0);
	}

	public Instant getQueuedAt() {
		return this.queuedAt;
	}

	public Instant getStartedAt() {
		return this.startedAt;
	}

	public Instant getFinishedAt() {
		return this.finishedAt;
	}

	/** How long the run took, or has been running; null while queued. */
	public Duration getElapsed() {
		Instant start = this.startedAt;
		if (start == null) {
			return null;
		}
		Instant end = this.finishedAt;
		return Duration.between(start, (end != null) ? end : this.clock.instant());
	}

	/** Completes with the run when it is over, whether it succeeded or failed. */
	public CompletableFuture<ReindexRun> completion() {
		return this.completion;
	}

	void start() {
		this.startedAt = this.clock.instant();
		this.state = State.RUNNING;
	}

	void addToTotal(long count) {
		this.total.addAndGet(count);
	}

	void advance(long count) {
		this.done.addAndGet(count);
		this.progressListener.run();
	}

	void finish(boolean succeeded) {
		this.finishedAt = this.clock.instant();
		this.state = succeeded ? State.DONE : State.FAILED;
		this.completion.complete(this);
	}

}
