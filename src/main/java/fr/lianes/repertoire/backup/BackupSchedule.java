package fr.lianes.repertoire.backup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

/**
 * Takes the backups on schedule ({@code repertoire.backup.schedule}, 02:30 Paris time by
 * default), and once {@code repertoire.backup.start-delay} after a start when the last
 * backup is more than a day old (a server stopped at night misses none).
 */
@Component
class BackupSchedule implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(BackupSchedule.class);

	private final Backups backups;

	private final BackupSettings settings;

	private volatile ScheduledExecutorService executor;

	private final Clock clock;

	BackupSchedule(Backups backups, BackupSettings settings, Clock clock) {
		this.clock = clock;
		this.backups = backups;
		this.settings = settings;
	}

	@Override
	public void start() {
		if (!this.settings.enabled() || "-".equals(this.settings.schedule())) {
			logger.warn("Backups are off (repertoire.backup): copy the database by other means");
			return;
		}
		ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "backup-schedule");
			thread.setDaemon(true);
			return thread;
		});
		this.executor = scheduler;
		boolean missed = this.backups.latest()
			.map((latest) -> latest.created().isBefore(this.clock.instant().minus(Duration.ofHours(25))))
			.orElse(true);
		if (missed) {
			scheduler.schedule(this::takeAndScheduleNext, this.settings.startDelay().toMillis(), TimeUnit.MILLISECONDS);
		}
		else {
			scheduleNext(scheduler);
		}
	}

	private void takeAndScheduleNext() {
		try {
			this.backups.start().join();
		}
		catch (RuntimeException ex) {
			// logged and shown by Backups
		}
		ScheduledExecutorService scheduler = this.executor;
		if (scheduler != null) {
			scheduleNext(scheduler);
		}
	}

	private void scheduleNext(ScheduledExecutorService scheduler) {
		ZonedDateTime now = ZonedDateTime.now(this.clock.withZone(this.settings.timeZone()));
		ZonedDateTime next = CronExpression.parse(this.settings.schedule()).next(now);
		if (next != null) {
			scheduler.schedule(this::takeAndScheduleNext, Duration.between(now, next).toMillis(),
					TimeUnit.MILLISECONDS);
			logger.info("Next backup at {} in {}", next, this.settings.directory().toAbsolutePath());
		}
	}

	@Override
	public void stop() {
		ScheduledExecutorService scheduler = this.executor;
		this.executor = null;
		if (scheduler != null) {
			scheduler.shutdownNow();
		}
	}

	@Override
	public boolean isRunning() {
		return this.executor != null;
	}

}
