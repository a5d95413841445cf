package fr.lianes.repertoire.limits;

import java.time.Duration;

/**
 * Token buckets by key: a bucket holds {@code capacity} tokens and refills greedily, all
 * of them over {@code period}. Each key always gets the same capacity and period (put the
 * kind of limit in the key). One instance keeps them in memory
 * ({@link MemoryTokenBuckets}, the default); several instances count them in PostgreSQL
 * ({@link DatabaseTokenBuckets}, {@code repertoire.cluster.enabled}), so that a limit is
 * the same whichever instance answers.
 */
public interface TokenBuckets {

	/**
	 * Takes one token from the key's bucket, if it holds one.
	 * @param key the kind of limit and who it limits (an IP or an email address)
	 * @param capacity tokens of a full bucket
	 * @param period the time a bucket takes to refill from empty
	 * @return whether a token was taken, and else how long until one is there
	 */
	Take take(String key, int capacity, Duration period);

	/** Buckets held in memory, as one instance has them. */
	static TokenBuckets inMemory() {
		return new MemoryTokenBuckets();
	}

	/**
	 * What a take did.
	 *
	 * @param taken whether a token was taken
	 * @param retryAfter when none was, how long until the next token (zero when taken)
	 */
	record Take(boolean taken, Duration retryAfter) {

		static Take ok() {
			return new Take(true, Duration.ZERO);
		}

	}

}
