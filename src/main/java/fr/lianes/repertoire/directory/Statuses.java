package fr.lianes.repertoire.directory;

import java.util.Arrays;
import java.util.List;

/**
 * Conversions between statuses and their URL values.
 */
final class Statuses {

	private Statuses() {
	}

	static <S extends StatusValue> S of(S[] statuses, String param) {
		return Arrays.stream(statuses)
			.filter((status) -> status.slug().equals(param))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(param));
	}

	static List<String> slugs(StatusValue[] statuses) {
		return Arrays.stream(statuses).map(StatusValue::slug).toList();
	}

}
