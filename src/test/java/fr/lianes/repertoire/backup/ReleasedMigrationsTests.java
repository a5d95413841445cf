package fr.lianes.repertoire.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
		assertThat(released).as("the committed list").hasSizeGreaterThanOrEqualTo(17);
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

	/**
	 * A migration numbered below the latest released one would be a new step inserted in
	 * a released history: Flyway refuses it on every database that has the later one.
	 * Every such file is in the committed list.
	 */
	@Test
	void noMigrationIsInsertedBelowTheLatestReleasedOne() throws Exception {
		List<String> released = Files.readAllLines(RELEASED)
			.stream()
			.filter((line) -> !line.isBlank())
			.map((line) -> line.split("\\s+", 2)[1].strip())
			.toList();
		List<Integer> latest = released.stream().map(ReleasedMigrationsTests::version).max(VERSIONS).orElseThrow();
		try (Stream<Path> files = Files.list(MIGRATIONS)) {
			assertThat(files.map((file) -> file.getFileName().toString())
				.filter((name) -> VERSIONS.compare(version(name), latest) <= 0)
				.filter((name) -> !released.contains(name))
				.toList()).as("migrations numbered below %s but not in the committed list", latest).isEmpty();
		}
	}

	private static final Comparator<List<Integer>> VERSIONS = (a, b) -> {
		for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
			int difference = Integer.compare((i < a.size()) ? a.get(i) : 0, (i < b.size()) ? b.get(i) : 0);
			if (difference != 0) {
				return difference;
			}
		}
		return 0;
	};

	/** {@code V15_1__x.sql}: [15, 1]. */
	private static List<Integer> version(String name) {
		return Arrays.stream(name.substring(1, name.indexOf("__")).split("_")).map(Integer::valueOf).toList();
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
