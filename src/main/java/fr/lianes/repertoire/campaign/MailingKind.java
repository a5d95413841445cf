package fr.lianes.repertoire.campaign;

/** What a mailing sends. */
enum MailingKind {

	/** The campaign's invitation, once to each actor. */
	INVITATION,

	/** A reminder to the invited actors that have not answered yet. */
	REMINDER

}
