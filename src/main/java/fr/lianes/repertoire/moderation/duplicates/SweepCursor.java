package fr.lianes.repertoire.moderation.duplicates;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import fr.lianes.repertoire.directory.DuplicateActors;

/**
 * Where a page of the sweep starts, in its address: the key of the last actor examined,
 * opaque to people.
 */
final class SweepCursor {

	private static final String SEPARATOR = "\u001f";

	private static final int MAX_LENGTH = 1000;

	private SweepCursor() {
	}

	static String encode(List<String> key) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(String.join(SEPARATOR, key).getBytes(StandardCharsets.UTF_8));
	}

	/** The key of a cursor made for this sweep, or empty if the value is not one. */
	static Optional<List<String>> decode(String value, DuplicateActors.Sweep sweep) {
		if (value == null || value.length() > MAX_LENGTH) {
			return Optional.empty();
		}
		try {
			List<String> key = List
				.of(new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8).split(SEPARATOR, -1));
			if (key.size() != sweep.keySize() || !key.get(key.size() - 1).matches("[0-9]{1,18}")) {
				return Optional.empty();
			}
			return Optional.of(key);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
