package fr.lianes.repertoire.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Gives every test a real PostgreSQL without any manual step: a Testcontainers container
 * when a Docker engine answers, else the embedded binaries in a fresh throw-away
 * directory. One server per test JVM, shared by every Spring context of that JVM.
 */
public class TestDatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/**
	 * The data of this test JVM: Maven runs two side by side, each with its own server
	 * ({@code repertoire.test.fork}, the JVM's number, set in the pom).
	 */
	static final Path TEST_DATA = Path.of("target", StringUtils.hasText(System.getProperty("repertoire.test.fork"))
			? "test-data-" + System.getProperty("repertoire.test.fork") : "test-data");

	private static volatile Map<String, Object> settings;

	private static volatile PostgreSQLContainer container;

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.containsProperty("repertoire.backup.enabled")) {
			// no scheduled backups of test databases, unless a test asks for them
			environment.getPropertySources()
				.addLast(new MapPropertySource("testBackups", Map.of("repertoire.backup.enabled", "false")));
		}
		// the contexts a test JVM keeps in its cache share one server of 100 connections:
		// each lets its idle connections go instead of holding a whole pool
		environment.getPropertySources()
			.addLast(new MapPropertySource("testPools", Map.of("spring.datasource.hikari.minimum-idle", "0",
					"spring.datasource.hikari.idle-timeout", "10000")));
		if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
			return;
		}
		Map<String, Object> settings = settings();
		String database = environment.getProperty("repertoire.embedded-db.database");
		if (container != null && StringUtils.hasText(database)) {
			// the embedded server creates the database asked for: so does the container
			settings = new HashMap<>(settings);
			settings.put("spring.datasource.url", containerDatabase(database));
		}
		environment.getPropertySources().addFirst(new MapPropertySource("testDatabase", settings));
	}

	/**
	 * The datasource settings ({@code spring.datasource.url}, {@code .username},
	 * {@code .password}) of a database of this test JVM's server, created if missing: for
	 * applications started in JVMs of their own that share it.
	 */
	public static synchronized Map<String, String> datasource(String database) {
		Map<String, Object> settings = settings();
		if (container != null) {
			return Map.of("spring.datasource.url", containerDatabase(database), "spring.datasource.username",
					container.getUsername(), "spring.datasource.password", container.getPassword());
		}
		String url = EmbeddedPostgresServer
			.startOnce(Path.of(String.valueOf(settings.get("repertoire.data-dir")), "postgres"), false)
			.jdbcUrl(database);
		return Map.of("spring.datasource.url", url, "spring.datasource.username", "postgres",
				"spring.datasource.password", "");
	}

	private static synchronized Map<String, Object> settings() {
		if (settings == null) {
			settings = dockerAvailable() ? container() : embedded();
		}
		return settings;
	}

	private static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

	@SuppressWarnings("resource") // stopped by Testcontainers' reaper when the JVM ends
	private static Map<String, Object> container() {
		PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:17-alpine");
		postgres.start();
		container = postgres;
		return Map.of("spring.datasource.url", postgres.getJdbcUrl(), "spring.datasource.username",
				postgres.getUsername(), "spring.datasource.password", postgres.getPassword());
	}

	/** The JDBC URL of a database of the container, created if missing. */
	private static synchronized String containerDatabase(String database) {
		try (Connection connection = DriverManager.getConnection(container.getJdbcUrl(), container.getUsername(),
				container.getPassword());
				PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
			exists.setString(1, database);
			try (ResultSet result = exists.executeQuery()) {
				if (!result.next()) {
					try (Statement create = connection.createStatement()) {
						create.execute("create database \"" + database.replace("\"", "\"\"") + "\"");
					}
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not prepare the database " + database, ex);
		}
		return "jdbc:postgresql://" + container.getHost() + ":"
				+ container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT) + "/" + database;
	}

	/**
	 * The embedded server, in a directory emptied once per JVM; commits need not reach
	 * the disk.
	 */
	private static Map<String, Object> embedded() {
		Path directory = TEST_DATA.resolve("postgres");
		try {
			EmbeddedPostgresServer.stopOrphanedPostmaster(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		deleteRecursively(directory);
		return Map.of("repertoire.data-dir", TEST_DATA.toString(), "repertoire.embedded-db.durable", "false");
	}

	private static void deleteRecursively(Path directory) {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public int getOrder() {
		return EmbeddedPostgresEnvironmentPostProcessor.ORDER - 1;
	}

}
