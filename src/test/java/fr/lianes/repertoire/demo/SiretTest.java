package fr.lianes.repertoire.demo;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SiretTest {

	@Test
	void sirensHaveNineDigitsAndAValidCheckDigit() {
		SplittableRandom random = new SplittableRandom(1);
		for (int i = 0; i < 10_000; i++) {
			String siren = Siret.siren(random);
			assertThat(siren).matches("[1-9][0-9]{8}");
			assertThat(databaseCheck(siren)).as(siren).isTrue();
		}
	}

	@Test
	void siretsHaveFourteenDigitsAValidSirenAndAValidCheckDigit() {
		SplittableRandom random = new SplittableRandom(2);
		for (int i = 0; i < 10_000; i++) {
			String siret = Siret.siret(random);
			assertThat(siret).matches("[0-9]{14}");
			assertThat(databaseCheck(siret)).as(siret).isTrue();
			assertThat(databaseCheck(siret.substring(0, 9))).as(siret).isTrue();
		}
	}

	@Test
	void aChangedDigitBreaksTheCheck() {
		String siren = Siret.withCheckDigit("73282932");
		assertThat(Siret.isLuhnValid(siren)).isTrue();
		String altered = siren.substring(0, 3) + ((siren.charAt(3) - '0' + 1) % 10) + siren.substring(4);
		assertThat(Siret.isLuhnValid(altered)).isFalse();
		assertThat(databaseCheck(altered)).isFalse();
	}

	@Test
	void sameSeedSameNumbers() {
		assertThat(Siret.siret(new SplittableRandom(42))).isEqualTo(Siret.siret(new SplittableRandom(42)));
	}

	/**
	 * The Luhn part of the schema's is_valid_siren_or_siret, transcribed literally: digit
	 * i (1-based) is doubled when (length - i) is odd, and the digits of the double are
	 * added.
	 */
	private static boolean databaseCheck(String v) {
		if (!v.matches("[0-9]{9}|[0-9]{14}")) {
			return false;
		}
		int sum = 0;
		for (int i = 1; i <= v.length(); i++) {
			int digit = v.charAt(i - 1) - '0';
			sum += ((v.length() - i) % 2 == 1) ? (digit * 2) / 10 + (digit * 2) % 10 : digit;
		}
		return sum % 10 == 0;
	}

}
