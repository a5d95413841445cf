package fr.lianes.repertoire.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.springframework.core.env.Environment;

/**
 * The hook for what replaces the database behind the index's back (a restore): the index
 * is recorded incomplete in the database ({@code search_index_state}, whose restored row
 * says what the index was when the backup was taken), so that the next start rebuilds it,
 * and the local Lucene index is deleted. A search cluster's documents are replaced by
 * that rebuild.
 */
public final class SearchIndexReset {

	static final String ROOT = "spring.jpa.properties.hibernate.search.backend.directory.root";

	static final String TYPE = "spring.jpa.properties.hibernate.search.backend.type";

	static final String DIRECTORY_TYPE = "spring.jpa.properties.hibernate.search.backend.directory.type";

	private SearchIndexReset() {
	}

	/**
	 * Records the index incomplete, whatever the restored database said of it. A database
	 * older than that record (schema before V15) gets it incomplete from its migration.
	 * @param clock the application's clock, which stamps the change
	 * @return whether there was a record to change
	 */
	public static boolean recordIncomplete(DataSource dataSource, Clock clock) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			try (ResultSet table = statement
				.executeQuery("select to_regclass('public.search_index_state') is not null")) {
				table.next();
				if (!table.getBoolean(1)) {
					return false;
				}
			}
			try (PreparedStatement update = connection
				.prepareStatement("update search_index_state set complete = false, changed_at = ?")) {
				update.setObject(1, OffsetDateTime.now(clock));
				update.executeUpdate();
			}
			return true;
		}
	}

	/**
	 * Deletes the local index, if there is one.
	 * @return the folder deleted
	 */
	public static Optional<Path> discardLocalIndex(Environment environment) {
		String root = environment.getProperty(ROOT);
		if (root == null || !"lucene".equals(environment.getProperty(TYPE, "lucene"))
				|| "local-heap".equals(environment.getProperty(DIRECTORY_TYPE))) {
			return Optional.empty();
		}
		Path directory = Path.of(root);
		if (!Files.exists(directory)) {
			return Optional.empty();
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not delete the search index in " + directory, ex);
		}
		return Optional.of(directory);
	}

}
