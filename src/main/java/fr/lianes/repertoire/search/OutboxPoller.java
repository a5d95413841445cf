package fr.lianes.repertoire.search;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.entity.SearchIndexedEntity;
import org.hibernate.search.mapper.orm.work.SearchIndexingPlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Indexes what the search outbox still holds ({@link IndexOutbox}): the changes of a
 * transaction whose indexing failed after its commit (the search cluster did not answer),
 * or whose instance stopped or died between its commit and its indexing. At the start and
 * every {@code repertoire.search.outbox.poll-interval}, on every instance, and as soon as
 * the rows this instance knows it left are past the grace period, the rows older than
 * {@code repertoire.search.outbox.grace} (time for the instance that committed to index
 * them itself) are taken in batches with {@code for update skip locked}, so that two
 * instances never take the same row; their entities are read again and indexed (which
 * reindexes the documents that show them too), those gone purged from the index, then the
 * rows are deleted in the same transaction. A batch that cannot be indexed is rolled
 * back, its rows stay, and the poll waits longer after each failure (from one second, up
 * to {@code repertoire.search.outbox.max-back-off}), logging once when the failures begin
 * and once when they end. Rows left by a crash are taken the same way at the next start,
 * by this instance or another.
 * <p>
 * The number of rows waiting is the gauge {@code repertoire.search.outbox.pending}.
 */
@Component
class OutboxPoller {

	private static final Logger logger = LoggerFactory.getLogger(OutboxPoller.class);

	/** The gauge of the rows waiting in the outbox. */
	static final String PENDING = "repertoire.search.outbox.pending";

	private final IndexOutbox outbox;

	private final JdbcClient jdbc;

	private final EntityManager entityManager;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Duration grace;

	private final Duration interval;

	private final Duration maxBackOff;

	private final int batchSize;

	/** The indexed entities by JPA name. */
	private final Map<String, Class<?>> types = new HashMap<>();

	/** Consecutive failed polls; each waits longer before the next. */
	private int failures;

	private Instant nextAttempt = Instant.MIN;

	/** When this instance last looked in the outbox; none at the start. */
	private Instant lastLook;

	private volatile boolean stopping;

	OutboxPoller(IndexOutbox outbox, JdbcClient jdbc, EntityManager entityManager,
			EntityManagerFactory entityManagerFactory, PlatformTransactionManager transactionManager, Clock clock,
			ObjectProvider<MeterRegistry> meters, @Value("${repertoire.search.outbox.grace:5s}") Duration grace,
			@Value("${repertoire.search.outbox.poll-interval:10s}") Duration interval,
			@Value("${repertoire.search.outbox.max-back-off:1m}") Duration maxBackOff,
			@Value("${repertoire.search.outbox.batch-size:100}") int batchSize) {
		this.outbox = outbox;
		this.jdbc = jdbc;
		this.entityManager = entityManager;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
		this.grace = grace;
		this.interval = interval;
		this.maxBackOff = maxBackOff;
		this.batchSize = batchSize;
		for (SearchIndexedEntity<?> entity : Search.mapping(entityManagerFactory).allIndexedEntities()) {
			this.types.put(entity.jpaName(), entity.javaClass());
		}
		meters.ifAvailable((registry) -> Gauge.builder(PENDING, this, OutboxPoller::pendingOrNaN)
			.description("Changes of indexed entities committed and not yet known to be indexed")
			.register(registry));
	}

	private double pendingOrNaN() {
		try {
			return this.outbox.pending();
		}
		catch (DataAccessException ex) {
			return Double.NaN;
		}
	}

	/** A row of the outbox. */
	record Row(long id, String entityName, long entityId) {
	}

	/**
	 * Every second, without touching the database unless it is time to look: at the
	 * start, every poll interval (the rows other instances or a crash left), and once the
	 * rows this instance knows it left are past the grace period.
	 */
	@Scheduled(initialDelay = 1, fixedDelay = 1, timeUnit = TimeUnit.SECONDS)
	void tick() {
		Instant now = this.clock.instant();
		if (this.stopping || now.isBefore(this.nextAttempt)) {
			return;
		}
		Instant left = this.outbox.leftSince();
		boolean due = this.lastLook == null || !now.isBefore(this.lastLook.plus(this.interval))
				|| now.isBefore(this.lastLook) || (left != null && !now.isBefore(left.plus(this.grace)));
		if (due) {
			poll(now, left);
		}
	}

	private void poll(Instant now, Instant left) {
		try {
			int indexed = 0;
			int taken;
			do {
				Integer batch = this.transactions.execute((status) -> indexBatch());
				taken = (batch != null) ? batch : 0;
				indexed += taken;
			}
			while (taken == this.batchSize && !this.stopping);
			this.lastLook = now;
			if (left != null && !now.isBefore(left.plus(this.grace))) {
				this.outbox.lookedFor(left);
			}
			if (this.failures > 0) {
				logger.info("Search outbox: indexing works again after {} failed attempt(s), {} change(s) indexed",
						this.failures, indexed);
			}
			else if (indexed > 0) {
				logger.info("Search outbox: {} change(s) left unindexed after their commit indexed now", indexed);
			}
			this.failures = 0;
			this.nextAttempt = Instant.MIN;
		}
		catch (RuntimeException ex) {
			if (this.stopping) {
				return;
			}
			this.failures++;
			Duration wait = backOff(this.failures);
			this.nextAttempt = this.clock.instant().plus(wait);
			if (this.failures == 1) {
				logger.warn("Search outbox: changes not indexed, tried again with a growing wait (up to {}): {}",
						this.maxBackOff, ex.getMessage());
			}
			else {
				logger.debug("Search outbox: attempt {} failed, next in {}: {}", this.failures, wait, ex.getMessage());
			}
		}
	}

	/** One second doubled after each failure, up to the maximum. */
	Duration backOff(int failed) {
		Duration wait = Duration.ofSeconds(1);
		for (int i = 1; i < failed && wait.compareTo(this.maxBackOff) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return (wait.compareTo(this.maxBackOff) > 0) ? this.maxBackOff : wait;
	}

	/**
	 * In a transaction: takes a batch of rows past the grace period, indexes their
	 * entities, deletes them. Throws when the indexing fails: the rows stay.
	 * @return the rows taken
	 */
	private int indexBatch() {
		OffsetDateTime before = OffsetDateTime.ofInstant(this.clock.instant().minus(this.grace), ZoneOffset.UTC);
		List<Row> rows = this.jdbc.sql("""
				select id, entity_name, entity_id from search_outbox
				where created_at <= :before
				order by created_at, id
				limit :limit
				for update skip locked""")
			.param("before", before)
			.param("limit", this.batchSize)
			.query(Row.class)
			.list();
		if (rows.isEmpty()) {
			return 0;
		}
		SearchIndexingPlan plan = Search.session(this.entityManager).indexingPlan();
		Set<String> seen = new HashSet<>();
		for (Row row : rows) {
			Class<?> type = this.types.get(row.entityName());
			// an entity no longer indexed: its rows go
			if (type != null && seen.add(row.entityName() + ":" + row.entityId())) {
				Object entity = this.entityManager.find(type, row.entityId());
				if (entity != null) {
					plan.addOrUpdate(entity);
				}
				else {
					plan.purge(type, row.entityId(), null);
				}
			}
		}
		// waits until searchable (IndexWrites), throws if not indexed
		plan.execute();
		this.jdbc.sql("delete from search_outbox where id in (:ids)")
			.param("ids", rows.stream().map(Row::id).toList())
			.update();
		return rows.size();
	}

	/** No new poll once the application stops. */
	@EventListener(ContextClosedEvent.class)
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void stopping() {
		this.stopping = true;
	}

}
