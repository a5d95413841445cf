package fr.lianes.repertoire.census;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Names compared the way people write them: case, accents, hyphens and "Saint"/"St"
 * aside.
 */
final class Names {

	private Names() {
	}

	static String key(String name) {
		if (name == null) {
			return "";
		}
		String folded = Normalizer.normalize(name, Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.toLowerCase(Locale.ROOT)
			.replaceAll("[^a-z0-9]+", " ")
			.strip();
		return folded.replaceAll("\\bst\\b", "saint").replaceAll("\\bste\\b", "sainte");
	}

}
