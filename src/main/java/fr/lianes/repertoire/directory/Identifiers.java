package fr.lianes.repertoire.directory;

import java.util.regex.Pattern;

/**
 * The official identifiers of French organisations, checked as the database checks them.
 */
public final class Identifiers {

	private static final Pattern SIREN_OR_SIRET = Pattern.compile("[0-9]{9}|[0-9]{14}");

	/** W, then 9 characters: the département (2A/2B for Corsica) and a serial number. */
	private static final Pattern RNA = Pattern.compile("W[0-9A-Z]{9}");

	/** La Poste's SIREN: its establishments' SIRET do not follow the Luhn rule. */
	private static final String LA_POSTE = "356000000";

	private Identifiers() {
	}

	/** A SIREN (9 digits) or a SIRET (14 digits) whose check digit is right. */
	public static boolean isValidSirenOrSiret(String value) {
		if (value == null || !SIREN_OR_SIRET.matcher(value).matches()) {
			return false;
		}
		return isLuhnValid(value) || (value.length() == 14 && value.startsWith(LA_POSTE)
				&& value.chars().map((c) -> c - '0').sum() % 5 == 0);
	}

	/** A number of the Répertoire national des associations. */
	public static boolean isValidRna(String value) {
		return value != null && RNA.matcher(value).matches();
	}

	/** The Luhn check, from the rightmost digit: every second digit is doubled. */
	public static boolean isLuhnValid(String digits) {
		int sum = 0;
		for (int i = 0; i < digits.length(); i++) {
			int digit = digits.charAt(digits.length() - 1 - i) - '0';
			if (digit < 0 || digit > 9) {
				return false;
			}
			if (i % 2 == 1) {
				digit = (digit * 2 > 9) ? digit * 2 - 9 : digit * 2;
			}
			sum += digit;
		}
		return sum % 10 == 0;
	}

}
