package fr.lianes.repertoire.census;

import java.util.Arrays;
import java.util.List;

/** Small helpers on the text people type. */
final class Text {

	private Text() {
	}

	static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

	static String trimToNull(String value) {
		return isBlank(value) ? null : value.strip();
	}

	/** The non-blank lines of a text area, trimmed. */
	static List<String> lines(String value) {
		if (isBlank(value)) {
			return List.of();
		}
		return Arrays.stream(value.split("\\R")).map(String::strip).filter((line) -> !line.isEmpty()).toList();
	}

	/** Digits only: "123 456 789 00012" and "123456789-00012" are the same SIRET. */
	static String digits(String value) {
		return (value != null) ? value.replaceAll("[\\s.\\-]", "") : null;
	}

}
