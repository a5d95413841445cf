package fr.lianes.repertoire.campaign;

/** What became of an actor in a mailing. */
enum RecipientOutcome {

	/** Its mail is in the outbox: sent, waiting, or given up (the outbox knows). */
	QUEUED,

	/** Every usable address of the actor asked for no more campaign mails. */
	OPTED_OUT,

	/** None of its addresses is one mail can be sent to. */
	NO_VALID_ADDRESS;

	boolean skipped() {
		return this != QUEUED;
	}

}
