package fr.lianes.repertoire.security;

import java.nio.charset.StandardCharsets;

import org.springframework.validation.Errors;

/**
 * A password chosen through a one-time link, typed twice. Its rules: at least
 * {@value #MIN_LENGTH} characters, and at most {@value #MAX_BYTES} bytes, all that bcrypt
 * reads.
 *
 * @param jeton the link's token
 */
record PasswordForm(String jeton, String motDePasse, String confirmation) {

	static final int MIN_LENGTH = FirstAdministrator.MIN_PASSWORD_LENGTH;

	static final int MAX_BYTES = 72;

	/** Rejects what does not follow the rules, field by field. */
	void check(Errors errors) {
		String password = (this.motDePasse != null) ? this.motDePasse : "";
		if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
			errors.rejectValue("motDePasse", "staff.password.error.too-short", new Object[] { MIN_LENGTH }, null);
		}
		else if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			errors.rejectValue("motDePasse", "staff.password.error.too-long", new Object[] { MAX_BYTES }, null);
		}
		else if (!password.equals(this.confirmation)) {
			errors.rejectValue("confirmation", "staff.password.error.different");
		}
	}

}
