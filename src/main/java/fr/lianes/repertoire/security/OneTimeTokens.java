package fr.lianes.repertoire.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The tokens of the links mailed to staff: 256 random bits, URL-safe (43 characters), of
 * which only the SHA-256 is stored (the same rules as the census's links).
 */
final class OneTimeTokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	private OneTimeTokens() {
	}

	static String random() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static byte[] hash(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

	/** Whether a value could be a token at all, before any database lookup. */
	static boolean isWellFormed(String token) {
		return token != null && token.matches("[A-Za-z0-9_-]{43}");
	}

}
