package fr.lianes.repertoire.backup;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import org.postgresql.PGConnection;

/**
 * Writes a logical backup of the database's {@code public} schema: every table's rows,
 * every sequence's value and the Flyway history, read in one repeatable-read snapshot (as
 * {@code pg_dump} does) through PostgreSQL's COPY protocol. The schema itself is not
 * copied: it is the migrations', which a restore applies up to the backup's version.
 */
final class BackupWriter {

	private BackupWriter() {
	}

	static BackupArchive.Manifest write(DataSource dataSource, Path file, Instant created)
			throws IOException, SQLException {
		try (Connection connection = dataSource.getConnection()) {
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(false);
			connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
			connection.setReadOnly(true);
			try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
				BackupArchive.Manifest manifest = write(connection, zip, created);
				zip.putNextEntry(new ZipEntry(BackupArchive.MANIFEST));
				zip.write(manifest.write().getBytes(StandardCharsets.ISO_8859_1));
				zip.closeEntry();
				return manifest;
			}
			finally {
				connection.rollback();
				connection.setReadOnly(false);
				connection.setAutoCommit(autoCommit);
			}
		}
	}

	private static BackupArchive.Manifest write(Connection connection, ZipOutputStream zip, Instant created)
			throws IOException, SQLException {
		List<BackupArchive.Table> tables = new ArrayList<>();
		for (String table : names(connection,
				"select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace "
						+ "where n.nspname = 'public' and c.relkind in ('r', 'p') order by c.relname")) {
			List<String> columns = columns(connection, table);
			zip.putNextEntry(new ZipEntry(BackupArchive.tableEntry(table)));
			MessageDigest digest = sha256();
			RowCounter rows = new RowCounter(new DigestOutputStream(new Unclosable(zip), digest));
			connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyOut(
						"copy public." + quote(table) + " ("
								+ String.join(", ", columns.stream().map(BackupWriter::quote).toList()) + ") to stdout",
						rows);
			rows.flush();
			zip.closeEntry();
			tables.add(new BackupArchive.Table(table, columns, rows.rows, HexFormat.of().formatHex(digest.digest())));
		}
		List<BackupArchive.Sequence> sequences = new ArrayList<>();
		for (String sequence : names(connection, "select c.relname from pg_class c join pg_namespace n "
				+ "on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind = 'S' order by c.relname")) {
			try (Statement statement = connection.createStatement();
					ResultSet result = statement
						.executeQuery("select last_value, is_called from public." + quote(sequence))) {
				result.next();
				sequences.add(new BackupArchive.Sequence(sequence, result.getLong(1), result.getBoolean(2)));
			}
		}
		List<BackupArchive.Migration> migrations = new ArrayList<>();
		String version = "";
		if (tables.stream().anyMatch((table) -> table.name().equals(BackupArchive.FLYWAY_HISTORY))) {
			try (Statement statement = connection.createStatement();
					ResultSet result = statement.executeQuery("select version, checksum, description from "
							+ BackupArchive.FLYWAY_HISTORY + " where success order by installed_rank")) {
				while (result.next()) {
					Integer checksum = (Integer) result.getObject(2);
					migrations.add(new BackupArchive.Migration(result.getString(1), checksum, result.getString(3)));
					if (result.getString(1) != null) {
						version = result.getString(1);
					}
				}
			}
		}
		String schemaVersion = migrations.stream()
			.map(BackupArchive.Migration::version)
			.filter((v) -> v != null)
			.max(BackupWriter::compareVersions)
			.orElse(version);
		return new BackupArchive.Manifest(created, schemaVersion, tables, sequences, migrations);
	}

	/**
	 * Flyway versions: numbers separated by dots or underscores, compared part by part.
	 */
	static int compareVersions(String a, String b) {
		String[] left = a.split("[._]");
		String[] right = b.split("[._]");
		for (int i = 0; i < Math.max(left.length, right.length); i++) {
			long l = (i < left.length) ? Long.parseLong(left[i]) : 0;
			long r = (i < right.length) ? Long.parseLong(right[i]) : 0;
			if (l != r) {
				return Long.compare(l, r);
			}
		}
		return 0;
	}

	static List<String> columns(Connection connection, String table) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(
				"select attname from pg_attribute where attrelid = ('public.' || quote_ident(?))::regclass "
						+ "and attnum > 0 and not attisdropped and attgenerated = '' order by attnum")) {
			statement.setString(1, table);
			List<String> columns = new ArrayList<>();
			try (ResultSet result = statement.executeQuery()) {
				while (result.next()) {
					columns.add(result.getString(1));
				}
			}
			return columns;
		}
	}

	private static List<String> names(Connection connection, String sql) throws SQLException {
		List<String> names = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
			while (result.next()) {
				names.add(result.getString(1));
			}
		}
		return names;
	}

	static String quote(String identifier) {
		return "\"" + identifier.replace("\"", "\"\"") + "\"";
	}

	static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Counts the rows of COPY text output: one line each, newlines in values escaped. */
	private static final class RowCounter extends FilterOutputStream {

		long rows;

		RowCounter(OutputStream out) {
			super(out);
		}

		@Override
		public void write(int b) throws IOException {
			if (b == '\n') {
				this.rows++;
			}
			this.out.write(b);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			for (int i = offset; i < offset + length; i++) {
				if (bytes[i] == '\n') {
					this.rows++;
				}
			}
			this.out.write(bytes, offset, length);
		}

	}

	/** The zip stays open between entries. */
	private static final class Unclosable extends FilterOutputStream {

		Unclosable(OutputStream out) {
			super(out);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			this.out.write(bytes, offset, length);
		}

		@Override
		public void close() throws IOException {
			flush();
		}

	}

}
