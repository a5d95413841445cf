package fr.lianes.repertoire.imports;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.lianes.repertoire.directory.Identifiers;

/**
 * Cells cleaned the way office files write them: identifiers with spaces and dots, postal
 * codes that lost their leading zero, dates in French formats, addresses without a
 * scheme.
 */
final class Cells {

	private static final Pattern DAY_MONTH_YEAR = Pattern.compile("(\\d{1,2})[/.\\-](\\d{1,2})[/.\\-](\\d{2}|\\d{4})");

	private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ].*)?");

	private static final Pattern MONTH_YEAR = Pattern.compile("(\\d{1,2})[/.\\-](\\d{4})");

	private static final Pattern WORDS_DATE = Pattern.compile("(?:(?:1er|\\d{1,2})\\s+)?([a-z]+)\\s+(\\d{4})");

	private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("janvier", 1), Map.entry("fevrier", 2),
			Map.entry("mars", 3), Map.entry("avril", 4), Map.entry("mai", 5), Map.entry("juin", 6),
			Map.entry("juillet", 7), Map.entry("aout", 8), Map.entry("septembre", 9), Map.entry("octobre", 10),
			Map.entry("novembre", 11), Map.entry("decembre", 12));

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private static final Pattern LIST = Pattern.compile("\\s*[;|\\n]\\s*");

	private Cells() {
	}

	/**
	 * The digits of a SIREN or SIRET (spaces, dots, dashes left out) if its key is right.
	 */
	static Optional<String> sirenSiret(String cell) {
		String digits = cell.replaceAll("[\\s.\\-\\u00a0]", "");
		return Identifiers.isValidSirenOrSiret(digits) ? Optional.of(digits) : Optional.empty();
	}

	static Optional<String> rna(String cell) {
		String number = cell.replaceAll("[\\s.\\-\\u00a0]", "").toUpperCase(Locale.ROOT);
		return Identifiers.isValidRna(number) ? Optional.of(number) : Optional.empty();
	}

	/**
	 * Five digits; four are a postal code of départements 01 to 09 that lost its zero.
	 */
	static Optional<String> postalCode(String cell) {
		String digits = cell.replaceAll("[\\s\\u00a0]", "");
		if (digits.matches("[0-9]{4}")) {
			digits = "0" + digits;
		}
		return digits.matches("[0-9]{5}") ? Optional.of(digits) : Optional.empty();
	}

	static Optional<String> website(String cell) {
		String site = cell.strip();
		if (!site.matches("(?i)https?://.*") && site.matches("[^\\s/]+\\.[^\\s]+")) {
			site = "https://" + site;
		}
		return (site.matches("(?i)https?://[^\\s]+") && site.length() <= 300) ? Optional.of(site) : Optional.empty();
	}

	static Optional<String> email(String cell) {
		String email = cell.strip();
		return (EMAIL.matcher(email).matches() && email.length() <= 254) ? Optional.of(email) : Optional.empty();
	}

	/**
	 * The year of a date as French files write it: « 1998 », « 12/03/1998 », « 12.03.98
	 * », « 1998-03-12 », « 03/1998 », « mars 1998 », « 1er mars 1998 ».
	 */
	static Optional<Short> year(String cell) {
		String text = Vocabulary.key(cell).replace(' ', '-');
		String raw = cell.strip();
		if (raw.matches("\\d{4}")) {
			return Optional.of(Short.valueOf(raw));
		}
		if (raw.matches("\\d{4}\\.0")) {
			// a year a spreadsheet wrote as a number
			return Optional.of(Short.valueOf(raw.substring(0, 4)));
		}
		Matcher m = DAY_MONTH_YEAR.matcher(raw);
		if (m.matches()) {
			int year = Integer.parseInt(m.group(3));
			if (m.group(3).length() == 2) {
				year += (year > 40) ? 1900 : 2000;
			}
			return date(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
		}
		m = ISO_DATE.matcher(raw);
		if (m.matches()) {
			return date(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
		}
		m = MONTH_YEAR.matcher(raw);
		if (m.matches()) {
			return date(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)), 1);
		}
		m = WORDS_DATE.matcher(text.replace('-', ' '));
		if (m.matches() && MONTHS.containsKey(m.group(1))) {
			return date(Integer.parseInt(m.group(2)), MONTHS.get(m.group(1)), 1);
		}
		return Optional.empty();
	}

	private static Optional<Short> date(int year, int month, int day) {
		try {
			return Optional.of((short) LocalDate.of(year, month, day).getYear());
		}
		catch (DateTimeException ex) {
			return Optional.empty();
		}
	}

	/** The items of a cell listing several (« ; », « | » or one per line). */
	static List<String> items(String cell) {
		if (cell == null) {
			return List.of();
		}
		return LIST.splitAsStream(cell).map(String::strip).filter((s) -> !s.isEmpty()).toList();
	}

	/** Text cut to a column's length. */
	static String cut(String text, int length) {
		return (text == null || text.length() <= length) ? text : text.substring(0, length).strip();
	}

}
