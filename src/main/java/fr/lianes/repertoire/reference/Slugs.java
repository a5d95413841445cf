package fr.lianes.repertoire.reference;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one slug builder: URL slugs ({@link #PATTERN}) of the directory's entries, of the
 * reference lists' entries and of the demo directory. {@link Unique} keeps them unique
 * within one load by appending -2, -3... as the public pages do for homonyms.
 */
public final class Slugs {

	/** The pattern every slug, and every code of the reference tables, follows. */
	public static final String PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";

	private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern NON_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");

	private Slugs() {
	}

	/**
	 * Lowercase ASCII of {@code text}: accents stripped, ligatures spelled out, every run
	 * of other characters turned into one hyphen, no hyphen at either end
	 * ({@code Côte d'Opale} gives {@code cote-d-opale}).
	 */
	public static String slugify(String text) {
		String ascii = text.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae").replace("Æ", "AE");
		ascii = COMBINING_MARKS.matcher(Normalizer.normalize(ascii, Normalizer.Form.NFD)).replaceAll("");
		String slug = NON_ALPHANUMERIC.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-");
		return trimHyphens(slug);
	}

	/**
	 * The slug of {@code text} cut to {@code maxLength} characters, without a hyphen at
	 * the end of the cut.
	 */
	public static String slugify(String text, int maxLength) {
		return cut(slugify(text), maxLength);
	}

	private static String cut(String slug, int length) {
		return (slug.length() <= length) ? slug : trimHyphens(slug.substring(0, length));
	}

	private static String trimHyphens(String slug) {
		int start = 0;
		int end = slug.length();
		while (start < end && slug.charAt(start) == '-') {
			start++;
		}
		while (end > start && slug.charAt(end - 1) == '-') {
			end--;
		}
		return slug.substring(start, end);
	}

	/**
	 * Slugs handed out in memory for a bulk load, none twice: homonyms get -2, -3...
	 * within the maximum length.
	 */
	public static final class Unique {

		private final Set<String> taken = new HashSet<>();

		private final int maxLength;

		public Unique(int maxLength) {
			this.maxLength = maxLength;
		}

		/** A slug of {@code text} not handed out before by this instance. */
		public String unique(String text) {
			String base = slugify(text, this.maxLength);
			if (base.isEmpty()) {
				base = "sans-nom";
			}
			if (this.taken.add(base)) {
				return base;
			}
			for (int n = 2;; n++) {
				String suffix = "-" + n;
				String candidate = cut(base, this.maxLength - suffix.length()) + suffix;
				if (this.taken.add(candidate)) {
					return candidate;
				}
			}
		}

		/** Marks a slug as used, for rows that are already in the table. */
		public void reserve(String slug) {
			this.taken.add(slug);
		}

	}

}
