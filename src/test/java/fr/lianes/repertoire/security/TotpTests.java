package fr.lianes.repertoire.security;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The codes of RFC 6238's test vectors (HMAC-SHA1), and a code accepted one step around
 * now.
 */
class TotpTests {

	private static final String RFC_SECRET = Totp.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

	@Test
	void computesTheRfcTestVectors() {
		assertThat(Totp.code(RFC_SECRET, 59 / 30, 8)).isEqualTo("94287082");
		assertThat(Totp.code(RFC_SECRET, 1111111109L / 30, 8)).isEqualTo("07081804");
		assertThat(Totp.code(RFC_SECRET, 1234567890L / 30, 8)).isEqualTo("89005924");
		assertThat(Totp.code(RFC_SECRET, 20000000000L / 30, 8)).isEqualTo("65353130");
	}

	@Test
	void acceptsTheCurrentStepAndItsNeighboursOnly() {
		String secret = Totp.newSecret();
		Instant now = Instant.parse("2026-11-21T12:00:10Z");
		long step = now.getEpochSecond() / 30;
		assertThat(Totp.matchingStep(secret, Totp.code(secret, step, 6), now)).hasValue(step);
		assertThat(Totp.matchingStep(secret, Totp.code(secret, step - 1, 6), now)).hasValue(step - 1);
		assertThat(Totp.matchingStep(secret, Totp.code(secret, step + 2, 6), now)).isEmpty();
		assertThat(Totp.matchingStep(secret, "12345", now)).isEmpty();
		assertThat(Totp.matchingStep(secret, null, now)).isEmpty();
		assertThat(Totp.decode(secret)).hasSize(20);
	}

}
