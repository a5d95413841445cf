package fr.lianes.repertoire.moderation.reference;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The slug proposed for a new entry when the administrator leaves it blank: the name in
 * lowercase ASCII, words joined by hyphens ({@code Côte d'Opale} gives
 * {@code cote-d-opale}).
 */
final class Slug {

	/** The pattern every slug and code of the reference tables follows. */
	static final String PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";

	private Slug() {
	}

	static String of(String name, int maxLength) {
		String ascii = Normalizer
			.normalize(name.replace("œ", "oe").replace("Œ", "oe").replace("æ", "ae"), Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.toLowerCase(Locale.ROOT);
		String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
		if (slug.length() > maxLength) {
			slug = slug.substring(0, maxLength).replaceAll("-+$", "");
		}
		return slug;
	}

}
