package fr.lianes.repertoire.census;

import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The browser's key to its draft: a random token in an HTTP-only cookie, its hash in the
 * database. It outlives the HTTP session, so a session that expires loses nothing.
 */
@Component
class DraftCookie {

	static final String NAME = "repertoire-brouillon";

	private static final String PATH = "/recensement";

	private final CensusProperties properties;

	DraftCookie(CensusProperties properties) {
		this.properties = properties;
	}

	Optional<byte[]> keyHash(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return Optional.empty();
		}
		for (Cookie cookie : cookies) {
			if (NAME.equals(cookie.getName()) && Tokens.isWellFormed(cookie.getValue())) {
				return Optional.of(Tokens.hash(cookie.getValue()));
			}
		}
		return Optional.empty();
	}

	/** A key not given to the browser yet: its value, and the hash stored. */
	record Key(String token, byte[] hash) {

		static Key random() {
			String token = Tokens.random();
			return new Key(token, Tokens.hash(token));
		}

	}

	/** Gives the browser a new key and returns its hash. */
	byte[] issue(HttpServletRequest request, HttpServletResponse response) {
		Key key = Key.random();
		give(request, response, key);
		return key.hash();
	}

	/** Gives the browser this key. */
	void give(HttpServletRequest request, HttpServletResponse response, Key key) {
		write(request, response, key.token(), this.properties.draftValidity().toSeconds());
	}

	void clear(HttpServletRequest request, HttpServletResponse response) {
		write(request, response, "", 0);
	}

	private void write(HttpServletRequest request, HttpServletResponse response, String value, long maxAge) {
		response.addHeader("Set-Cookie",
				ResponseCookie.from(NAME, value)
					.path(PATH)
					.httpOnly(true)
					.secure(request.isSecure())
					.sameSite("Lax")
					.maxAge(maxAge)
					.build()
					.toString());
	}

}
