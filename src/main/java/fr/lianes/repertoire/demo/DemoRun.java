package fr.lianes.repertoire.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import fr.lianes.repertoire.directory.BulkWriter;

/**
 * The state of one generation: the random sequence and where the entries go (the
 * directory's bulk load, or the old directory's export), which hands out their ids and
 * slugs.
 */
final class DemoRun {

	/** The census of the demo directory and its window. */
	static final String CAMPAIGN_NAME = "Recensement 2026";

	static final LocalDate CAMPAIGN_OPENS = LocalDate.of(2026, 3, 1);

	static final LocalDate CAMPAIGN_CLOSES = LocalDate.of(2026, 7, 15);

	/**
	 * The current year of the demo: projects are planned, ongoing or completed against
	 * it.
	 */
	static final int CURRENT_YEAR = 2026;

	private static final Instant FIRST_RECORD = Instant.parse("2006-01-01T08:00:00Z");

	private static final Instant LAST_RECORD = Instant.parse("2026-02-27T18:00:00Z");

	final SplittableRandom random;

	final Catalog catalog;

	final BulkWriter writer;

	final int campaignId;

	/** Names of local authorities already used, so a town hall is not generated twice. */
	final Set<String> authorityNames = new HashSet<>();

	/**
	 * The id of the first actor of this run (0 before it is written): actors below it
	 * were there before.
	 */
	long firstActorId;

	int actors;

	DemoRun(SplittableRandom random, Catalog catalog, BulkWriter writer, int campaignId) {
		this.random = random;
		this.catalog = catalog;
		this.writer = writer;
		this.campaignId = campaignId;
	}

	boolean chance(double probability) {
		return this.random.nextDouble() < probability;
	}

	int between(int min, int max) {
		return min + this.random.nextInt(max - min + 1);
	}

	/** A moment between 2006 and the opening of the demo census. */
	Instant recordedAt() {
		return between(FIRST_RECORD, LAST_RECORD);
	}

	/** A moment of the demo census window. */
	Instant censusResponseAt() {
		Instant opens = CAMPAIGN_OPENS.atTime(8, 0).toInstant(ZoneOffset.UTC);
		Instant closes = CAMPAIGN_CLOSES.atTime(18, 0).toInstant(ZoneOffset.UTC);
		return between(opens, closes);
	}

	Instant between(Instant from, Instant to) {
		long span = Math.max(1, to.getEpochSecond() - from.getEpochSecond());
		return from.plusSeconds(this.random.nextLong(span));
	}

	/** A later moment, within {@code maxDays} and never after {@code limit}. */
	Instant after(Instant from, int maxDays, Instant limit) {
		Instant later = from.plusSeconds(this.random.nextLong(Math.max(1, maxDays * 86_400L)));
		return later.isAfter(limit) ? limit : later;
	}

	static Instant lastRecord() {
		return LAST_RECORD;
	}

	static Instant campaignClose() {
		return CAMPAIGN_CLOSES.atTime(18, 0).toInstant(ZoneOffset.UTC);
	}

}
