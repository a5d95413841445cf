package fr.lianes.repertoire.census;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * When a form was shown, signed so that it cannot be forged: a form sent back sooner than
 * a person could have filled it is a robot's.
 */
@Component
class FillTimer {

	private final byte[] key = new byte[32];

	private final Clock clock;

	FillTimer(Clock clock) {
		this.clock = clock;
		new SecureRandom().nextBytes(this.key);
	}

	/** The value of the form's hidden field. */
	String stamp() {
		String millis = Long.toString(this.clock.millis());
		return millis + "." + sign(millis);
	}

	/**
	 * How long ago the form was shown; empty when the stamp is missing or forged, or was
	 * signed before a restart.
	 */
	Optional<Duration> elapsed(String stamp) {
		if (stamp == null || stamp.length() > 100 || stamp.indexOf('.') < 1) {
			return Optional.empty();
		}
		String millis = stamp.substring(0, stamp.indexOf('.'));
		String signature = stamp.substring(stamp.indexOf('.') + 1);
		if (!millis.matches("[0-9]{1,15}") || !MessageDigest.isEqual(sign(millis).getBytes(StandardCharsets.US_ASCII),
				signature.getBytes(StandardCharsets.US_ASCII))) {
			return Optional.empty();
		}
		return Optional.of(Duration.ofMillis(this.clock.millis() - Long.parseLong(millis)));
	}

	private String sign(String value) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.key, "HmacSHA256"));
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(mac.doFinal(value.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

}
