package fr.lianes.repertoire.census;

import java.util.regex.Pattern;

/**
 * Email addresses as the questionnaire accepts them: one address, nothing that could
 * become a mail header.
 */
final class Emails {

	private static final Pattern ADDRESS = Pattern
		.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
				+ "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

	private Emails() {
	}

	static boolean isValid(String email) {
		return email != null && email.strip().length() <= 254 && ADDRESS.matcher(email.strip()).matches();
	}

}
