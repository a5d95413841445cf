package fr.lianes.repertoire.database;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Checks the database every {@code repertoire.database.check-interval} on a scheduler of
 * its own ({@code databaseWatchdogScheduler}, {@code DatabaseConfiguration}: work blocked
 * on a dead database never delays a check), so that a dead server is noticed even when no
 * request comes, from the start of the application to its stop; starts a dead embedded
 * PostgreSQL again after {@code repertoire.database.restart-delay}. An external server is
 * the operator's: the pool reconnects to it once it is back.
 */
@Component
class DatabaseWatchdog implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(DatabaseWatchdog.class);

	private final DatabaseAvailability availability;

	private final DatabaseSettings settings;

	/** Since when each dead server was seen dead ({@link System#nanoTime()}). */
	private final Map<EmbeddedPostgresServer, Long> deadSince = new HashMap<>();

	private final TaskScheduler scheduler;

	/** Held by a check under way: the stop waits for it before closing the probe. */
	private final ReentrantLock checking = new ReentrantLock();

	private volatile ScheduledFuture<?> checks;

	/** The data directory of this application's embedded server, if it has one. */
	private final Path ownServer;

	DatabaseWatchdog(DatabaseAvailability availability, DatabaseSettings settings, Environment environment,
			@Qualifier("databaseWatchdogScheduler") TaskScheduler scheduler) {
		this.availability = availability;
		this.settings = settings;
		this.scheduler = scheduler;
		this.ownServer = Path.of(environment.getProperty("repertoire.data-dir", "./data"), "postgres")
			.toAbsolutePath()
			.normalize();
	}

	/** One round: start again what died, then ask the database. */
	void check() {
		restartDeadServers();
		this.availability.check();
	}

	private void restartDeadServers() {
		for (EmbeddedPostgresServer server : EmbeddedPostgresServer.started()) {
			// only this application's: another server of the same JVM (a test's) is not
			// its database
			if (!server.dataDirectory().equals(this.ownServer)) {
				continue;
			}
			if (server.isAlive()) {
				this.deadSince.remove(server);
				continue;
			}
			this.availability.reachable(false);
			long since = this.deadSince.computeIfAbsent(server, (s) -> System.nanoTime());
			if (System.nanoTime() - since >= this.settings.restartDelay().toNanos() && server.restartIfDead()) {
				this.deadSince.remove(server);
			}
		}
	}

	private void checkSafely() {
		this.checking.lock();
		try {
			check();
		}
		catch (RuntimeException ex) {
			logger.warn("Database check failed", ex);
		}
		finally {
			this.checking.unlock();
		}
	}

	/** The first check at once, then one every {@code check-interval}. */
	@Override
	public void start() {
		this.checks = this.scheduler.scheduleWithFixedDelay(this::checkSafely, this.settings.checkInterval());
	}

	@Override
	public void stop() {
		ScheduledFuture<?> scheduled = this.checks;
		this.checks = null;
		if (scheduled != null) {
			scheduled.cancel(true);
			boolean ended = false;
			try {
				// the check under way ends within a second or two
				ended = this.checking.tryLock(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			try {
				this.availability.close();
			}
			finally {
				if (ended) {
					this.checking.unlock();
				}
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.checks != null;
	}

}
