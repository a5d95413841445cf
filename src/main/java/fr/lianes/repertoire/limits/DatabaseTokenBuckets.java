package fr.lianes.repertoire.limits;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Token buckets counted in PostgreSQL ({@code rate_limit_bucket}, see
 * {@code V22__shared_state.sql}), for several instances on one database: each take is one
 * statement that refills the bucket for the time elapsed on the application's clock and
 * takes a token if there is one, the row locked meanwhile, in a transaction of its own (a
 * request whose work fails still spent its token).
 */
class DatabaseTokenBuckets implements TokenBuckets {

	private static final String TAKE = """
			insert into rate_limit_bucket as b (bucket_key, tokens, taken, updated_at, expires_at)
			values (:key, :capacity - 1, true, :now, :expires)
			on conflict (bucket_key) do update set
				taken = least(:capacity, b.tokens + :perSecond
						* greatest(0, extract(epoch from (excluded.updated_at - b.updated_at)))) >= 1,
				tokens = least(:capacity, b.tokens + :perSecond
						* greatest(0, extract(epoch from (excluded.updated_at - b.updated_at))))
					- case when least(:capacity, b.tokens + :perSecond
						* greatest(0, extract(epoch from (excluded.updated_at - b.updated_at)))) >= 1 then 1 else 0 end,
				updated_at = greatest(b.updated_at, excluded.updated_at),
				expires_at = excluded.expires_at
			returning taken, tokens""";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final TransactionTemplate own;

	DatabaseTokenBuckets(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.own = new TransactionTemplate(transactionManager);
		this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@Override
	public Take take(String key, int capacity, Duration period) {
		Instant now = this.clock.instant();
		double perSecond = capacity / (period.toNanos() / 1e9);
		Take take = this.own.execute((status) -> this.jdbc.sql(TAKE)
			.param("key", key)
			.param("capacity", capacity)
			.param("perSecond", perSecond)
			.param("now", Timestamp.from(now))
			.param("expires", Timestamp.from(now.plus(period)))
			.query((rs, i) -> rs.getBoolean(1) ? Take.ok()
					: new Take(false, Duration.ofNanos((long) Math.ceil((1 - rs.getDouble(2)) / perSecond * 1e9))))
			.single());
		return take;
	}

	/** Deletes the buckets full again by now: a new one would be the same. */
	@Scheduled(fixedDelayString = "${repertoire.cluster.rate-limit-purge-interval:10m}")
	void purgeFullBuckets() {
		this.jdbc.sql("delete from rate_limit_bucket where expires_at < ?")
			.param(Timestamp.from(this.clock.instant()))
			.update();
	}

}
