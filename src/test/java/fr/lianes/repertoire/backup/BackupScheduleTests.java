package fr.lianes.repertoire.backup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.scheduling.support.SimpleTriggerContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schedule of the backups, by the application's clock: a start that finds the last
 * backup more than a day old catches it up after the start delay; otherwise, and after
 * that first backup, backups follow the cron expression in Paris time.
 */
class BackupScheduleTests {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	/** 23:00 in Paris; the scheduler's own clock is an hour behind the application's. */
	private static final Instant NOW = Instant.parse("2026-12-06T22:00:00Z");

	private static final Duration SCHEDULER_BEHIND = Duration.ofHours(1);

	@TempDir
	Path directory;

	@Test
	void aStartWithoutARecentBackupTakesOneAfterTheStartDelayThenFollowsTheSchedule() {
		BackupSchedule schedule = schedule();
		SimpleTriggerContext context = new SimpleTriggerContext(Clock.fixed(NOW.minus(SCHEDULER_BEHIND), PARIS));

		assertThat(schedule.next(context)).isEqualTo(NOW.minus(SCHEDULER_BEHIND).plus(Duration.ofMinutes(10)));

		context.update(NOW, NOW, NOW);
		// 02:30 in Paris the next night
		assertThat(schedule.next(context)).isEqualTo(Instant.parse("2026-12-07T01:30:00Z").minus(SCHEDULER_BEHIND));
	}

	@Test
	void aStartAfterARecentBackupWaitsForTheSchedule() throws Exception {
		Files.writeString(this.directory.resolve("repertoire-1.zip"), "backup");
		Files.writeString(this.directory.resolve(Backups.DIRECTORY_MANIFEST),
				"repertoire-1.zip\t" + NOW.minus(Duration.ofHours(20)) + "\t6\tabc\t13\n");
		BackupSchedule schedule = schedule();
		SimpleTriggerContext context = new SimpleTriggerContext(Clock.fixed(NOW, PARIS));

		assertThat(schedule.next(context)).isEqualTo(Instant.parse("2026-12-07T01:30:00Z"));
		// asked again at once (the scheduler's clock a little ahead): the night after
		context.update(NOW, NOW, NOW);
		assertThat(schedule.next(context)).isEqualTo(Instant.parse("2026-12-08T01:30:00Z"));
	}

	private BackupSchedule schedule() {
		BackupSettings settings = new BackupSettings(true, this.directory, "0 30 2 * * *", PARIS,
				Duration.ofMinutes(10), 7, 4, 12, Duration.ofDays(2));
		Clock clock = Clock.fixed(NOW, PARIS);
		return new BackupSchedule(new Backups(null, settings, clock), settings, clock);
	}

}
