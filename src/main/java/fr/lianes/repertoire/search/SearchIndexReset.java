package fr.lianes.repertoire.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.core.env.Environment;

/**
 * The hook for what replaces the database behind the index's back (a restore): the local
 * Lucene index is deleted, so that the next start finds it missing and rebuilds it from
 * the database. Nothing to do for an index in memory or on a search cluster (whose
 * documents the next full reindex replaces).
 */
public final class SearchIndexReset {

	static final String ROOT = "spring.jpa.properties.hibernate.search.backend.directory.root";

	static final String TYPE = "spring.jpa.properties.hibernate.search.backend.type";

	static final String DIRECTORY_TYPE = "spring.jpa.properties.hibernate.search.backend.directory.type";

	private SearchIndexReset() {
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
