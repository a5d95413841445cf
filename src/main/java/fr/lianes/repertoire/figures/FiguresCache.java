package fr.lianes.repertoire.figures;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import fr.lianes.repertoire.reference.ReferenceData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The figures of each filter, computed once per content version. Every request reads the
 * version (one row plus the few changes not folded yet, see {@code V13__figures.sql});
 * when it has moved since the figures were computed, they are computed again. The version
 * and the figures are read in the same snapshot, so figures are never stored under a
 * version they do not reflect.
 * <p>
 * Concurrent requests for the same filter share one computation, and at most
 * {@link #MAX_COMPUTATIONS} distinct filters are computed at once: past that, a request
 * gets the figures of the previous version of its filter if they are kept, else waits up
 * to {@link #TIMEOUT} and gets the 503 page. A request alone after a change always gets
 * figures of the current version.
 */
@Service
class FiguresCache {

	/** Filters kept, the least recently used dropped first. */
	static final int CAPACITY = 256;

	/** Distinct filters computed at once; further ones wait or get older figures. */
	static final int MAX_COMPUTATIONS = 2;

	/** How long a request waits for figures before the 503 page. */
	static final Duration TIMEOUT = Duration.ofSeconds(20);

	private final ContentVersion version;

	private final FiguresQueries queries;

	/** The figures without a filter, updated for what each change touched. */
	private final WholeFigures whole;

	private final ReferenceData reference;

	private final Clock clock;

	private final TransactionTemplate snapshot;

	/** The computation under way for each filter and version. */
	private final Map<String, CompletableFuture<FigureSet>> inFlight = new ConcurrentHashMap<>();

	/** Distinct computations allowed at once. */
	private final Semaphore permits;

	/** How long a request waits for a computation before a 503. */
	private final Duration timeout;

	/** Requests waiting for another request's computation. */
	private final AtomicInteger waiting = new AtomicInteger();

	private final Map<String, FigureSet> entries = new LinkedHashMap<>(64, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, FigureSet> eldest) {
			return size() > CAPACITY;
		}

	};

	@Autowired
	FiguresCache(JdbcClient jdbc, FiguresQueries queries, WholeFigures whole, ReferenceData reference,
			PlatformTransactionManager transactionManager, Clock clock) {
		this(jdbc, queries, whole, reference, transactionManager, MAX_COMPUTATIONS, TIMEOUT, clock);
	}

	/** Every filter, the empty one included, computed by {@code queries}. */
	FiguresCache(JdbcClient jdbc, FiguresQueries queries, ReferenceData reference,
			PlatformTransactionManager transactionManager, int maxComputations, Duration timeout, Clock clock) {
		this(jdbc, queries, null, reference, transactionManager, maxComputations, timeout, clock);
	}

	FiguresCache(JdbcClient jdbc, FiguresQueries queries, WholeFigures whole, ReferenceData reference,
			PlatformTransactionManager transactionManager, int maxComputations, Duration timeout, Clock clock) {
		this.whole = whole;
		this.reference = reference;
		this.clock = clock;
		this.permits = new Semaphore(maxComputations);
		this.timeout = timeout;
		this.version = new ContentVersion(jdbc, transactionManager);
		this.queries = queries;
		this.snapshot = new TransactionTemplate(transactionManager);
		// not read-only: the computation fills two temporary tables
		this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
	}

	FigureSet figures(FiguresFilter filter) {
		long version = version();
		LocalDate today = LocalDate.now(this.clock);
		String key = key(filter, today);
		FigureSet cached;
		synchronized (this.entries) {
			cached = this.entries.get(key);
		}
		if (cached != null && cached.version() >= version) {
			return cached;
		}
		// concurrent requests for the same filter and version share one computation
		String flight = key + "@" + version;
		CompletableFuture<FigureSet> running = this.inFlight.get(flight);
		if (running != null) {
			return await(running, cached);
		}
		// the whole directory's figures are updated, not computed again: never capped, so
		// never served from an older version because other filters are being computed
		boolean unfiltered = filter.isEmpty() && this.whole != null;
		boolean permitted = !unfiltered && this.permits.tryAcquire();
		if (!unfiltered && !permitted) {
			// at the cap: the figures of the previous version rather than a wait
			if (cached != null) {
				return cached;
			}
			try {
				permitted = this.permits.tryAcquire(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			if (!permitted) {
				throw new FiguresBusyException();
			}
		}
		CompletableFuture<FigureSet> mine = new CompletableFuture<>();
		try {
			running = this.inFlight.putIfAbsent(flight, mine);
			if (running != null) {
				if (permitted) {
					this.permits.release();
				}
				permitted = false;
				return await(running, cached);
			}
			try {
				FigureSet computed = this.snapshot
					.execute((status) -> unfiltered ? this.whole.compute(readVersion(), today)
							: this.queries.compute(readVersion(), filter, today));
				synchronized (this.entries) {
					FigureSet current = this.entries.get(key);
					if (current == null || current.version() < computed.version()) {
						this.entries.put(key, computed);
					}
				}
				mine.complete(computed);
				return computed;
			}
			catch (RuntimeException | Error ex) {
				mine.completeExceptionally(ex);
				throw ex;
			}
			finally {
				this.inFlight.remove(flight, mine);
			}
		}
		finally {
			if (permitted) {
				this.permits.release();
			}
		}
	}

	/** The result of another request's computation, waited for a bounded time. */
	private FigureSet await(CompletableFuture<FigureSet> running, FigureSet previous) {
		this.waiting.incrementAndGet();
		try {
			return running.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new FiguresBusyException();
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex.getCause());
		}
		catch (TimeoutException ex) {
			if (previous != null) {
				return previous;
			}
			throw new FiguresBusyException();
		}
		finally {
			this.waiting.decrementAndGet();
		}
	}

	/**
	 * The cache key of a filter: its values, the generation of the reference lists (whose
	 * names the figures carry) and today's date in the network's zone (campaigns open and
	 * close on a date).
	 */
	String key(FiguresFilter filter) {
		return key(filter, LocalDate.now(this.clock));
	}

	private String key(FiguresFilter filter, LocalDate today) {
		return filter.key() + "|" + this.reference.generation() + "|" + today;
	}

	/** Computations running now, for tests. */
	int running() {
		return this.inFlight.size();
	}

	/** Requests waiting for a computation another request runs, for tests. */
	int waiting() {
		return this.waiting.get();
	}

	/** The current content version. */
	long version() {
		return this.version.current();
	}

	private long readVersion() {
		return this.version.read();
	}

	/**
	 * Folds the recorded changes into the base of the version (see
	 * {@link ContentVersion}).
	 */
	void fold() {
		this.version.fold();
	}

}
