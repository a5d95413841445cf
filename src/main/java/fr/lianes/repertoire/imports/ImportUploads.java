package fr.lianes.repertoire.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The files sent to the back office's import, each upload in a folder of its own named by
 * an unguessable token (under {@code repertoire.imports.directory}), with the last import
 * request tried on them.
 */
@Component
class ImportUploads {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Path directory;

	private final Map<String, ImportRequest> requests = new ConcurrentHashMap<>();

	ImportUploads(@Value("${repertoire.imports.directory:${repertoire.data-dir:./data}/imports}") Path directory) {
		this.directory = directory;
	}

	/** A file received. */
	record Received(String name, InputStream content) {
	}

	/** Keeps the files; the upload's token. */
	String save(List<Received> files) throws IOException {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		String token = HexFormat.of().formatHex(bytes);
		Path folder = Files.createDirectories(this.directory.resolve(token));
		List<String> names = new ArrayList<>();
		int n = 0;
		for (Received file : files) {
			String name = Path.of(file.name()).getFileName().toString().replaceAll("[\\r\\n/\\\\]", "_");
			Files.copy(file.content(), folder.resolve(Integer.toString(n++)));
			names.add(name);
		}
		Files.write(folder.resolve("names.txt"), names, StandardCharsets.UTF_8);
		return token;
	}

	/** The files of an upload: their paths and names, or empty for an unknown token. */
	Optional<List<Map.Entry<Path, String>>> files(String token) throws IOException {
		if (!token.matches("[0-9a-f]{32}")) {
			return Optional.empty();
		}
		Path folder = this.directory.resolve(token);
		Path names = folder.resolve("names.txt");
		if (!Files.isRegularFile(names)) {
			return Optional.empty();
		}
		List<Map.Entry<Path, String>> files = new ArrayList<>();
		List<String> lines = Files.readAllLines(names, StandardCharsets.UTF_8);
		for (int i = 0; i < lines.size(); i++) {
			files.add(Map.entry(folder.resolve(Integer.toString(i)), lines.get(i)));
		}
		return Optional.of(files);
	}

	void request(String token, ImportRequest request) {
		this.requests.put(token, request);
	}

	Optional<ImportRequest> request(String token) {
		return Optional.ofNullable(this.requests.get(token));
	}

}
