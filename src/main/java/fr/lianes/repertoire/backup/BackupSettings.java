package fr.lianes.repertoire.backup;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Backups of the database ({@code repertoire.backup.*}).
 *
 * @param enabled whether backups are taken on schedule
 * @param directory where backups and their manifest are written
 * @param schedule when (a cron expression in {@code timeZone}); {@code -} for never
 * @param timeZone the zone of the schedule and of the retention's days, weeks and months
 * @param startDelay after a start, how long to wait before catching up a missed backup
 * @param keepDaily how many days keep their latest backup
 * @param keepWeekly how many weeks keep their latest backup
 * @param keepMonthly how many months keep their latest backup
 * @param maxAge a last good backup older than this makes the {@code backup} health
 * component down
 */
@ConfigurationProperties("repertoire.backup")
public record BackupSettings(@DefaultValue("true") boolean enabled, @DefaultValue("./data/backups") Path directory,
		@DefaultValue("0 30 2 * * *") String schedule, @DefaultValue("Europe/Paris") ZoneId timeZone,
		@DefaultValue("10m") Duration startDelay, @DefaultValue("7") int keepDaily, @DefaultValue("4") int keepWeekly,
		@DefaultValue("12") int keepMonthly, @DefaultValue("2d") Duration maxAge) {
}
