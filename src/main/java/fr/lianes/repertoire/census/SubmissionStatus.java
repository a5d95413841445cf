package fr.lianes.repertoire.census;

/** Where a questionnaire response stands. */
public enum SubmissionStatus {

	/** Being filled in: its author may still change it. */
	DRAFT,
	/** Sent for moderation. */
	SUBMITTED, APPROVED, REJECTED,
	/** Sent back to its author with the moderators' questions. */
	CHANGES_REQUESTED

}
