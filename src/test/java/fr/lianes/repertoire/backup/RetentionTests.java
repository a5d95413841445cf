package fr.lianes.repertoire.backup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retention keeps the latest backup of each of the last 7 days, 4 weeks and 12
 * months, deletes the others from the folder and from its manifest, and never touches the
 * safety copies a restore makes.
 */
class RetentionTests {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	@TempDir
	Path directory;

	@Test
	void keepsTheLatestOfTheLastDaysWeeksAndMonths() throws Exception {
		Instant today = Instant.parse("2026-12-06T01:30:00Z");
		StringBuilder manifest = new StringBuilder();
		List<String> names = new ArrayList<>();
		for (int day = 0; day < 500; day++) {
			Instant created = today.minus(Duration.ofDays(day));
			String name = "repertoire-" + day + ".zip";
			names.add(name);
			Files.writeString(this.directory.resolve(name), name);
			manifest.append(name).append('\t').append(created).append("\t10\tabc\t13\n");
		}
		Files.writeString(this.directory.resolve("before-restore-1.zip"), "safety");
		manifest.append("before-restore-1.zip\t").append(today.minus(Duration.ofDays(900))).append("\t6\tdef\t13\n");
		Files.writeString(this.directory.resolve(Backups.DIRECTORY_MANIFEST), manifest);
		Backups backups = new Backups(null,
				new BackupSettings(true, this.directory, "-", PARIS, Duration.ZERO, 7, 4, 12, Duration.ofDays(2)),
				java.time.Clock.fixed(today, PARIS));

		backups.prune();

		Set<String> kept = backups.list().stream().map(Backups.Backup::name).collect(Collectors.toSet());
		// the last 7 days
		for (int day = 0; day < 7; day++) {
			assertThat(kept).contains("repertoire-" + day + ".zip");
		}
		// the latest of each of the last 12 months: the last day of each month before
		// this one
		YearMonth month = YearMonth.from(today.atZone(PARIS));
		for (int i = 1; i < 12; i++) {
			YearMonth previous = month.minusMonths(i);
			long day = ChronoUnit.DAYS.between(previous.atEndOfMonth(), today.atZone(PARIS).toLocalDate());
			assertThat(kept).as(previous.toString()).contains("repertoire-" + day + ".zip");
		}
		assertThat(kept).hasSizeLessThanOrEqualTo(7 + 4 + 12 + 1);
		assertThat(kept).contains("before-restore-1.zip");
		assertThat(kept)
			.noneMatch((name) -> name.startsWith("repertoire-") && Integer.parseInt(name.replaceAll("\\D", "")) > 366);
		try (var files = Files.list(this.directory)) {
			assertThat(files.map((file) -> file.getFileName().toString())
				.filter((name) -> !name.equals(Backups.DIRECTORY_MANIFEST))
				.collect(Collectors.toSet())).isEqualTo(kept);
		}
		assertThat(names).hasSize(500);
	}

}
