package fr.lianes.repertoire.census;

import java.time.Duration;
import java.util.Locale;

import fr.lianes.repertoire.limits.TokenBuckets;

import org.springframework.stereotype.Component;

/**
 * How often one IP address or one email address may start, send or ask for links: token
 * buckets ({@link TokenBuckets}: in memory for one instance, counted in PostgreSQL across
 * instances when several serve the site).
 */
@Component
class RateLimits {

	enum Kind {

		START, SUBMIT, LINK_REQUEST_IP, LINK_EMAIL

	}

	private final CensusProperties properties;

	private final TokenBuckets buckets;

	RateLimits(CensusProperties properties, TokenBuckets buckets) {
		this.properties = properties;
		this.buckets = buckets;
	}

	/** Takes one token from the bucket of this kind and key; false when it is empty. */
	boolean tryAcquire(Kind kind, String key) {
		String id = "census." + kind + ":" + ((key != null) ? key.strip().toLowerCase(Locale.ROOT) : "");
		return this.buckets.take(id, perHour(kind), Duration.ofHours(1)).taken();
	}

	private int perHour(Kind kind) {
		return switch (kind) {
			case START -> this.properties.startsPerHour();
			case SUBMIT -> this.properties.submissionsPerHour();
			case LINK_REQUEST_IP -> this.properties.linkRequestsPerHour();
			case LINK_EMAIL -> this.properties.linksPerHour();
		};
	}

}
