package fr.lianes.repertoire.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.postgresql.PGConnection;

/**
 * Puts a backup back into the database: the {@code public} schema is emptied, the
 * migrations are applied up to the backup's version (the schema is theirs), then every
 * table's rows and the sequences are loaded in one transaction, with triggers and
 * foreign-key checks off while loading, and the row counts checked against the manifest.
 * The application started afterwards migrates the database to its own version, as after
 * any upgrade.
 */
final class Restore {

	/** What a backup is, read and checked against this version's migrations. */
	record Checked(Path file, BackupArchive.Manifest manifest) {
	}

	private final DataSource dataSource;

	Restore(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * Reads a backup's manifest and checks it can be restored by this version: every
	 * migration it was taken after is one of this version's, with the same checksum.
	 * @throws RestoreRefusedException when it cannot
	 */
	Checked check(Path file) throws IOException {
		BackupArchive.Manifest manifest;
		try (ZipFile zip = new ZipFile(file.toFile())) {
			ZipEntry entry = zip.getEntry(BackupArchive.MANIFEST);
			if (entry == null) {
				throw new RestoreRefusedException(
						file + " is not a Répertoire backup (no " + BackupArchive.MANIFEST + ")");
			}
			try (InputStream in = zip.getInputStream(entry)) {
				manifest = BackupArchive.Manifest.read(in);
			}
		}
		Map<String, Integer> known = new HashMap<>();
		for (MigrationInfo migration : flyway(null).info().all()) {
			if (migration.getVersion() != null) {
				known.put(migration.getVersion().getVersion(), migration.getChecksum());
			}
		}
		for (BackupArchive.Migration migration : manifest.migrations()) {
			if (migration.version() == null || migration.version().isEmpty()) {
				continue;
			}
			if (!known.containsKey(migration.version())) {
				throw new RestoreRefusedException("The backup was taken after migration " + migration.version() + " ("
						+ migration.description()
						+ "), which this version of Répertoire does not have: restore it with the version that took it, or a later one");
			}
			Integer checksum = known.get(migration.version());
			if (migration.checksum() != null && checksum != null && !checksum.equals(migration.checksum())) {
				throw new RestoreRefusedException("Migration " + migration.version() + " (" + migration.description()
						+ ") differs between the backup and this version (checksum " + migration.checksum()
						+ " against " + checksum + "): a released migration was edited");
			}
		}
		return new Checked(file, manifest);
	}

	/** A short account of what the database holds now, for the confirmation. */
	String describeTarget() throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			String url = connection.getMetaData().getURL().replaceAll("password=[^&]*", "password=***");
			long tables = 0;
			String version = "none";
			try (ResultSet result = statement.executeQuery(
					"select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind = 'r'")) {
				result.next();
				tables = result.getLong(1);
			}
			if (tables > 0) {
				try (ResultSet result = statement.executeQuery(
						"select max(version) filter (where success) from flyway_schema_history where version is not null")) {
					if (result.next() && result.getString(1) != null) {
						version = result.getString(1);
					}
				}
				catch (SQLException ex) {
					version = "unknown";
				}
			}
			return url + " (" + tables + " tables, schema version " + version + ")";
		}
	}

	/** Whether the database holds any table. */
	boolean targetHasTables() throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(
						"select exists (select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind = 'r')")) {
			result.next();
			return result.getBoolean(1);
		}
	}

	/** Replaces the database's content with the backup's. */
	void restore(Checked checked) throws IOException, SQLException {
		BackupArchive.Manifest manifest = checked.manifest();
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("drop schema if exists public cascade");
			statement.execute("create schema public");
		}
		if (!manifest.schemaVersion().isEmpty()) {
			flyway(manifest.schemaVersion()).migrate();
		}
		try (Connection connection = this.dataSource.getConnection();
				ZipFile zip = new ZipFile(checked.file().toFile())) {
			connection.setAutoCommit(false);
			try {
				load(connection, zip, manifest);
				connection.commit();
			}
			catch (IOException | SQLException | RuntimeException ex) {
				connection.rollback();
				throw ex;
			}
		}
	}

	private void load(Connection connection, ZipFile zip, BackupArchive.Manifest manifest)
			throws IOException, SQLException {
		try (Statement statement = connection.createStatement()) {
			// no triggers (the figures' change log, foreign keys) while rows come back in
			// any order; the backup is a consistent snapshot
			statement.execute("set local session_replication_role = replica");
			List<String> tables = new ArrayList<>();
			try (ResultSet result = statement.executeQuery(
					"select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind = 'r'")) {
				while (result.next()) {
					if (!result.getString(1).equals(BackupArchive.FLYWAY_HISTORY)) {
						tables.add("public." + BackupWriter.quote(result.getString(1)));
					}
				}
			}
			if (!tables.isEmpty()) {
				// rows the migrations inserted (reference lists) come back from the
				// backup
				statement.execute("truncate " + String.join(", ", tables));
			}
		}
		for (BackupArchive.Table table : manifest.tables()) {
			if (table.name().equals(BackupArchive.FLYWAY_HISTORY)) {
				// the history is the one the migrations just wrote: what this schema went
				// through
				continue;
			}
			ZipEntry entry = zip.getEntry(BackupArchive.tableEntry(table.name()));
			if (entry == null) {
				throw new IOException("The backup lacks the rows of " + table.name());
			}
			MessageDigest digest = BackupWriter.sha256();
			long rows;
			try (InputStream in = new DigestInputStream(zip.getInputStream(entry), digest)) {
				rows = connection.unwrap(PGConnection.class)
					.getCopyAPI()
					.copyIn("copy public." + BackupWriter.quote(table.name()) + " ("
							+ String.join(", ", table.columns().stream().map(BackupWriter::quote).toList())
							+ ") from stdin", in);
			}
			String sha256 = HexFormat.of().formatHex(digest.digest());
			if (!sha256.equals(table.sha256()) || rows != table.rows()) {
				throw new IOException(
						"The rows of " + table.name() + " are damaged in the backup (" + rows + " rows, " + table.rows()
								+ " expected; checksum " + (sha256.equals(table.sha256()) ? "good" : "bad") + ")");
			}
		}
		try (Statement statement = connection.createStatement()) {
			for (BackupArchive.Sequence sequence : manifest.sequences()) {
				statement.execute("select setval('public." + BackupWriter.quote(sequence.name()).replace("'", "''")
						+ "', " + sequence.lastValue() + ", " + sequence.called() + ")");
			}
		}
	}

	/** The row count of every table now. */
	Map<String, Long> rowsPerTable() throws SQLException {
		Map<String, Long> rows = new java.util.TreeMap<>();
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			List<String> tables = new ArrayList<>();
			try (ResultSet result = statement.executeQuery(
					"select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind = 'r'")) {
				while (result.next()) {
					tables.add(result.getString(1));
				}
			}
			for (String table : tables) {
				try (ResultSet result = statement
					.executeQuery("select count(*) from public." + BackupWriter.quote(table))) {
					result.next();
					rows.put(table, result.getLong(1));
				}
			}
		}
		return rows;
	}

	private Flyway flyway(String target) {
		var configuration = Flyway.configure().dataSource(this.dataSource).locations("classpath:db/migration");
		Optional.ofNullable(target).ifPresent(configuration::target);
		return configuration.load();
	}

}
