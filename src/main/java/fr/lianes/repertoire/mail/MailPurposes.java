package fr.lianes.repertoire.mail;

/**
 * Why a mail is sent, stored with it ({@code outgoing_mail.purpose}): upper case, at most
 * 40 characters. Other modules may use their own values of that shape.
 */
public final class MailPurposes {

	/** The acknowledgement of a census submission, with its summary. */
	public static final String CENSUS_CONFIRMATION = "CENSUS_CONFIRMATION";

	/** A link back to a census draft. */
	public static final String CENSUS_RESUME_LINK = "CENSUS_RESUME_LINK";

	/** A link to update an actor's published entry. */
	public static final String CENSUS_UPDATE_LINK = "CENSUS_UPDATE_LINK";

	/** The invitation of an actor to a census campaign. */
	public static final String CAMPAIGN_INVITATION = "CAMPAIGN_INVITATION";

	/** A reminder to an actor invited to a census campaign that has not answered yet. */
	public static final String CAMPAIGN_REMINDER = "CAMPAIGN_REMINDER";

	private MailPurposes() {
	}

}
