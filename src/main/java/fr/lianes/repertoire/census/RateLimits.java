package fr.lianes.repertoire.census;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

import org.springframework.stereotype.Component;

/**
 * How often one IP address or one email address may start, send or ask for links: token
 * buckets held in memory (per instance; several instances multiply the limits, which stay
 * far below what a robot needs).
 */
@Component
class RateLimits {

	enum Kind {

		START, SUBMIT, LINK_REQUEST_IP, LINK_EMAIL

	}

	/** Buckets kept at most; the least recently used go first. */
	private static final int MAX_BUCKETS = 50_000;

	private final CensusProperties properties;

	private final Map<String, Bucket> buckets = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
			return size() > MAX_BUCKETS;
		}

	});

	RateLimits(CensusProperties properties) {
		this.properties = properties;
	}

	/** Takes one token from the bucket of this kind and key; false when it is empty. */
	boolean tryAcquire(Kind kind, String key) {
		String id = kind + ":" + ((key != null) ? key.strip().toLowerCase(Locale.ROOT) : "");
		return this.buckets.computeIfAbsent(id, (k) -> newBucket(perHour(kind))).tryConsume(1);
	}

	private int perHour(Kind kind) {
		return switch (kind) {
			case START -> this.properties.startsPerHour();
			case SUBMIT -> this.properties.submissionsPerHour();
			case LINK_REQUEST_IP -> this.properties.linkRequestsPerHour();
			case LINK_EMAIL -> this.properties.linksPerHour();
		};
	}

	private static Bucket newBucket(int perHour) {
		return Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(perHour).refillGreedy(perHour, Duration.ofHours(1)).build())
			.build();
	}

}
