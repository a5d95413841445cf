package fr.lianes.repertoire.backup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.TriggerContext;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

/**
 * Takes the backups on schedule ({@code repertoire.backup.schedule}, 02:30 Paris time by
 * default), and once {@code repertoire.backup.start-delay} after a start when the last
 * backup is more than a day old (a server stopped at night misses none). The schedule
 * runs on Spring's scheduler, which only asks {@link Backups} for a backup: it is taken
 * on the backups' own thread.
 */
@Component
class BackupSchedule implements SchedulingConfigurer {

	private static final Logger logger = LoggerFactory.getLogger(BackupSchedule.class);

	private final Backups backups;

	private final BackupSettings settings;

	private final Clock clock;

	/** The time of the last backup planned from the cron expression, by the clock. */
	private ZonedDateTime lastPlanned;

	BackupSchedule(Backups backups, BackupSettings settings, Clock clock) {
		this.clock = clock;
		this.backups = backups;
		this.settings = settings;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		if (!this.settings.enabled() || "-".equals(this.settings.schedule())) {
			logger.warn("Backups are off (repertoire.backup): copy the database by other means");
			return;
		}
		registrar.addTriggerTask(this::take, this::next);
	}

	private void take() {
		// a failure is logged and shown by Backups
		this.backups.start();
	}

	/**
	 * When the next backup is due: {@code start-delay} after the start when the last one
	 * is more than a day old, else at the next time of the cron expression, both by the
	 * application's clock.
	 * @param context the scheduler's view of the task, whose clock the answer is in
	 * @return when, by the scheduler's clock; {@code null} when the cron expression never
	 * fires again
	 */
	synchronized Instant next(TriggerContext context) {
		Instant now = this.clock.instant();
		Duration wait;
		if (context.lastCompletion() == null && missed(now)) {
			wait = this.settings.startDelay();
		}
		else {
			ZonedDateTime from = now.atZone(this.settings.timeZone());
			if (this.lastPlanned != null && this.lastPlanned.isAfter(from)) {
				// the scheduler's clock ran a little ahead of the application's
				from = this.lastPlanned;
			}
			ZonedDateTime next = CronExpression.parse(this.settings.schedule()).next(from);
			if (next == null) {
				return null;
			}
			this.lastPlanned = next;
			wait = Duration.between(now, next.toInstant());
			logger.info("Next backup at {} in {}", next, this.settings.directory().toAbsolutePath());
		}
		return context.getClock().instant().plus(wait);
	}

	private boolean missed(Instant now) {
		return this.backups.latest()
			.map((latest) -> latest.created().isBefore(now.minus(Duration.ofHours(25))))
			.orElse(true);
	}

}
