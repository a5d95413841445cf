package fr.lianes.repertoire.census;

import fr.lianes.repertoire.mail.MailOutbox;

/**
 * Email addresses as the questionnaire accepts them: those mail can be sent to, one
 * address, nothing that could become a mail header.
 */
final class Emails {

	private Emails() {
	}

	static boolean isValid(String email) {
		return email != null && MailOutbox.isDeliverable(email.strip());
	}

}
