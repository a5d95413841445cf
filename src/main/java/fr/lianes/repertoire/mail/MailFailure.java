package fr.lianes.repertoire.mail;

import java.time.OffsetDateTime;

/**
 * A mail of a group that did not go: given up, or waiting for another attempt.
 *
 * @param reference what it belongs to ({@code campaign:3/mailing:7/actor:17})
 * @param recipient the address
 * @param attempts attempts made so far
 * @param lastError the last error, as the SMTP server or the client reported it
 * @param failedAt when it was given up; {@code null} while it is retried
 */
public record MailFailure(String reference, String recipient, int attempts, String lastError, OffsetDateTime failedAt) {

	public boolean givenUp() {
		return this.failedAt != null;
	}

}
