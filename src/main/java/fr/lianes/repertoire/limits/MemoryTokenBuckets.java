package fr.lianes.repertoire.limits;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Token buckets held in memory, per instance (bucket4j): the default, for one instance.
 * At most {@link #MAX_BUCKETS} are kept, the least recently used dropped first.
 */
class MemoryTokenBuckets implements TokenBuckets {

	/** Buckets kept at most; the least recently used go first. */
	static final int MAX_BUCKETS = 100_000;

	private final Map<String, Bucket> buckets = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
			return size() > MAX_BUCKETS;
		}

	});

	@Override
	public Take take(String key, int capacity, Duration period) {
		Bucket bucket = this.buckets.computeIfAbsent(key,
				(k) -> Bucket.builder()
					.addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
					.build());
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		return probe.isConsumed() ? Take.ok() : new Take(false, Duration.ofNanos(probe.getNanosToWaitForRefill()));
	}

}
