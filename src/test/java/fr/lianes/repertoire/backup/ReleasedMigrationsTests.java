package fr.lianes.repertoire.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A released migration is never edited, renamed or removed: databases out there have
 * applied it, and Flyway would refuse to start on them (or a restore would refuse their
 * backups). The SHA-256 of each released migration is committed in
 * {@code src/test/resources/db/released-migrations.sha256}; a new migration is added to
 * that list when it is released ({@code sha256sum V*.sql} in {@code db/migration}).
 */
class ReleasedMigrationsTests {

	private static final Path MIGRATIONS = Path.of("db", "migration");

	private static final Path RELEASED = Path.of("src", "test", "resources", "db", "released-migrations.sha256");

	@Test
	void releasedMigrationsAreUnchanged() throws Exception {
		Map<String, String> released = new TreeMap<>();
		for (String line : Files.readAllLines(RELEASED)) {
			if (!line.isBlank()) {
				String[] parts = line.split("\\s+", 2);
				released.put(parts[1].strip(), parts[0]);
			}
		}
		assertThat(released).as("the committed list").hasSizeGreaterThanOrEqualTo(13);
		List<String> edited = new ArrayList<>();
		for (Map.Entry<String, String> migration : released.entrySet()) {
			Path file = MIGRATIONS.resolve(migration.getKey());
			if (!Files.exists(file)) {
				edited.add(migration.getKey() + " was removed or renamed");
			}
			else if (!sha256(file).equals(migration.getValue())) {
				edited.add(migration.getKey() + " was edited");
			}
		}
		assertThat(edited).as("released migrations must stay as they were: add a new one instead").isEmpty();
	}

	@Test
	void everyMigrationFileIsAVersionedMigration() throws IOException {
		try (Stream<Path> files = Files.list(MIGRATIONS)) {
			assertThat(files.map((file) -> file.getFileName().toString()))
				.allMatch((name) -> name.matches("V\\d+(_\\d+)*__[a-z0-9_]+\\.sql"));
		}
	}

	private static String sha256(Path file) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
	}

}
