package fr.lianes.repertoire.database;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Checks the database every {@code repertoire.database.check-interval} on a thread of its
 * own, so that a dead server is noticed even when no request comes; starts a dead
 * embedded PostgreSQL again after {@code repertoire.database.restart-delay}. An external
 * server is the operator's: the pool reconnects to it once it is back.
 */
@Component
class DatabaseWatchdog implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(DatabaseWatchdog.class);

	private final DatabaseAvailability availability;

	private final DatabaseSettings settings;

	/** Since when each dead server was seen dead ({@link System#nanoTime()}). */
	private final Map<EmbeddedPostgresServer, Long> deadSince = new HashMap<>();

	private volatile ScheduledExecutorService executor;

	/** The data directory of this application's embedded server, if it has one. */
	private final Path ownServer;

	DatabaseWatchdog(DatabaseAvailability availability, DatabaseSettings settings, Environment environment) {
		this.availability = availability;
		this.settings = settings;
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
		try {
			check();
		}
		catch (RuntimeException ex) {
			logger.warn("Database check failed", ex);
		}
	}

	@Override
	public void start() {
		ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "database-watchdog");
			thread.setDaemon(true);
			return thread;
		});
		long interval = this.settings.checkInterval().toMillis();
		scheduler.scheduleWithFixedDelay(this::checkSafely, 0, interval, TimeUnit.MILLISECONDS);
		this.executor = scheduler;
	}

	@Override
	public void stop() {
		ScheduledExecutorService scheduler = this.executor;
		this.executor = null;
		if (scheduler != null) {
			scheduler.shutdownNow();
			try {
				scheduler.awaitTermination(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.availability.close();
		}
	}

	@Override
	public boolean isRunning() {
		return this.executor != null;
	}

}
