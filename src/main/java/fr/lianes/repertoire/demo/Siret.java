package fr.lianes.repertoire.demo;

import fr.lianes.repertoire.directory.Identifiers;

import java.util.SplittableRandom;

/**
 * Generates SIREN (9 digits) and SIRET (14 digits) numbers whose Luhn check digit is
 * valid, as the database checks with {@code is_valid_siren_or_siret}.
 */
final class Siret {

	private Siret() {
	}

	/**
	 * A SIREN: 8 random digits (not starting with 0, like most real ones) and the Luhn
	 * check digit.
	 */
	static String siren(SplittableRandom random) {
		StringBuilder digits = new StringBuilder(9);
		digits.append(1 + random.nextInt(9));
		for (int i = 1; i < 8; i++) {
			digits.append(random.nextInt(10));
		}
		return withCheckDigit(digits.toString());
	}

	/**
	 * A SIRET: a valid SIREN, a 4-digit establishment number (NIC body) and a check digit
	 * that makes the 14 digits Luhn-valid. SIREN 356000000 (La Poste) never comes out
	 * since {@link #siren} would have to draw it exactly, and it follows other rules.
	 */
	static String siret(SplittableRandom random) {
		String siren = siren(random);
		if (siren.equals("356000000")) {
			siren = "356000018";
		}
		return withCheckDigit(siren + String.format("%04d", 1 + random.nextInt(120)));
	}

	/** Appends the digit that makes {@code body} followed by it pass the Luhn check. */
	static String withCheckDigit(String body) {
		for (int digit = 0; digit <= 9; digit++) {
			String candidate = body + digit;
			if (isLuhnValid(candidate)) {
				return candidate;
			}
		}
		throw new IllegalStateException("No Luhn check digit for " + body);
	}

	static boolean isLuhnValid(String digits) {
		return Identifiers.isLuhnValid(digits);
	}

}
