package fr.lianes.repertoire.security;

import fr.lianes.repertoire.mail.MailAddress;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A new staff account as an administrator types it.
 *
 * @param displayName the person's name, as the back office shows it
 * @param email the address they sign in with and receive their link at
 * @param role {@code MODERATOR} or {@code ADMIN}
 */
record NewAccountForm(
		@NotBlank(message = "{staff.accounts.error.name}") @Size(max = 120,
				message = "{staff.accounts.error.too-long}") @Pattern(regexp = "[^\\p{Cntrl}<>]*",
						message = "{staff.accounts.error.characters}") String displayName,
		@NotBlank(message = "{staff.accounts.error.email}") @Size(max = 254,
				message = "{staff.accounts.error.too-long}") @MailAddress(
						message = "{staff.accounts.error.email}") String email,
		@NotBlank(message = "{staff.accounts.error.role}") @Pattern(regexp = "MODERATOR|ADMIN",
				message = "{staff.accounts.error.role}") String role) {

	static NewAccountForm empty() {
		return new NewAccountForm("", "", "MODERATOR");
	}

}
