package fr.lianes.repertoire.census;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** 256-bit random tokens, of which only the SHA-256 is ever stored. */
final class Tokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final int BYTES = 32;

	private Tokens() {
	}

	/** A new token, URL-safe (43 characters). */
	static String random() {
		byte[] bytes = new byte[BYTES];
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
		return token != null && token.length() == 43
				&& token.chars()
					.allMatch((c) -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
							|| c == '-' || c == '_');
	}

}
