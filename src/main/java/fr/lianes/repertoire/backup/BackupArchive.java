package fr.lianes.repertoire.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The format of a backup: a zip file holding {@code manifest.properties} and one entry
 * per table, {@code tables/<name>.copy}, in PostgreSQL's COPY text format. The manifest
 * names the schema version, every table with its columns, rows and SHA-256, every
 * sequence's value, and the Flyway history the backup was taken at.
 */
final class BackupArchive {

	static final String FORMAT = "repertoire-backup-1";

	static final String MANIFEST = "manifest.properties";

	static final String FLYWAY_HISTORY = "flyway_schema_history";

	private BackupArchive() {
	}

	static String tableEntry(String table) {
		return "tables/" + table + ".copy";
	}

	/** One table of a backup. */
	record Table(String name, List<String> columns, long rows, String sha256) {
	}

	/** A sequence's state: its last value, and whether that value was handed out. */
	record Sequence(String name, long lastValue, boolean called) {
	}

	/** An applied migration, as the Flyway history recorded it. */
	record Migration(String version, Integer checksum, String description) {
	}

	/** What a backup holds. */
	record Manifest(Instant created, String schemaVersion, List<Table> tables, List<Sequence> sequences,
			List<Migration> migrations) {

		long rows() {
			return this.tables.stream().mapToLong(Table::rows).sum();
		}

		Map<String, Long> rowsPerTable() {
			Map<String, Long> rows = new TreeMap<>();
			this.tables.forEach((table) -> rows.put(table.name(), table.rows()));
			return rows;
		}

		String write() throws IOException {
			Properties properties = new Properties();
			properties.setProperty("format", FORMAT);
			properties.setProperty("created", this.created.toString());
			properties.setProperty("schema.version", this.schemaVersion);
			properties.setProperty("tables", String.join(",", this.tables.stream().map(Table::name).toList()));
			for (Table table : this.tables) {
				properties.setProperty("table." + table.name() + ".columns", String.join(",", table.columns()));
				properties.setProperty("table." + table.name() + ".rows", Long.toString(table.rows()));
				properties.setProperty("table." + table.name() + ".sha256", table.sha256());
			}
			for (Sequence sequence : this.sequences) {
				properties.setProperty("sequence." + sequence.name(), sequence.lastValue() + "," + sequence.called());
			}
			for (int i = 0; i < this.migrations.size(); i++) {
				Migration migration = this.migrations.get(i);
				properties.setProperty("migration." + i, migration.version() + "|"
						+ ((migration.checksum() != null) ? migration.checksum() : "") + "|" + migration.description());
			}
			StringWriter out = new StringWriter();
			properties.store(out, "Répertoire backup");
			return out.toString();
		}

		static Manifest read(InputStream in) throws IOException {
			Properties properties = new Properties();
			properties.load(new StringReader(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1)));
			if (!FORMAT.equals(properties.getProperty("format"))) {
				throw new IOException("Not a Répertoire backup (format " + properties.getProperty("format") + ")");
			}
			List<Table> tables = new ArrayList<>();
			for (String name : properties.getProperty("tables", "").split(",")) {
				if (!name.isEmpty()) {
					tables.add(new Table(name,
							Arrays.asList(properties.getProperty("table." + name + ".columns").split(",")),
							Long.parseLong(properties.getProperty("table." + name + ".rows")),
							properties.getProperty("table." + name + ".sha256")));
				}
			}
			List<Sequence> sequences = new ArrayList<>();
			Map<Integer, Migration> migrations = new TreeMap<>();
			for (String key : new TreeMap<>(properties).keySet().stream().map(Object::toString).toList()) {
				if (key.startsWith("sequence.")) {
					String[] value = properties.getProperty(key).split(",");
					sequences.add(new Sequence(key.substring("sequence.".length()), Long.parseLong(value[0]),
							Boolean.parseBoolean(value[1])));
				}
				else if (key.startsWith("migration.")) {
					String[] value = properties.getProperty(key).split("\\|", 3);
					migrations.put(Integer.parseInt(key.substring("migration.".length())),
							new Migration(value[0], value[1].isEmpty() ? null : Integer.valueOf(value[1]), value[2]));
				}
			}
			return new Manifest(Instant.parse(properties.getProperty("created")),
					properties.getProperty("schema.version"), tables, sequences, new ArrayList<>(migrations.values()));
		}

	}

}
