package fr.lianes.repertoire.security;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

import fr.lianes.repertoire.mail.MailOutbox;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The mails to staff members, queued through the outbox in the caller's transaction: the
 * link to set a password, and the notice that wrong passwords locked their account
 * somewhere.
 */
@Component
class StaffMails {

	static final String PASSWORD_LINK = "STAFF_PASSWORD_LINK";

	static final String SIGN_IN_LOCKED = "STAFF_SIGN_IN_LOCKED";

	private final MailOutbox outbox;

	private final String baseUrl;

	StaffMails(MailOutbox outbox, @Value("${repertoire.census.base-url:http://localhost:8080}") String baseUrl) {
		this.outbox = outbox;
		this.baseUrl = baseUrl.replaceAll("/+$", "");
	}

	void passwordLink(StaffAccounts.Account account, PasswordLinks.Issued link) {
		Map<String, Object> model = new HashMap<>();
		model.put("name", account.displayName());
		model.put("email", account.email());
		model.put("linkUrl", this.baseUrl + PasswordController.PATH + "?jeton=" + link.token());
		model.put("expiresAt", link.expiresAt());
		this.outbox.enqueue("staff-password-link", account.email(), model, PASSWORD_LINK, "staff:" + account.id());
	}

	void signInLocked(StaffAccounts.Account account, String address, Duration lockFor, OffsetDateTime at) {
		Map<String, Object> model = new HashMap<>();
		model.put("name", account.displayName());
		model.put("address", address);
		model.put("minutes", String.valueOf(lockFor.toMinutes()));
		model.put("at", at);
		model.put("attempts", SignInAttempts.MAX_ATTEMPTS);
		this.outbox.enqueue("staff-sign-in-locked", account.email(), model, SIGN_IN_LOCKED, "staff:" + account.id());
	}

}
