package fr.lianes.repertoire.moderation.duplicates;

/**
 * One of the two actors changed, or disappeared, since the moderator compared them:
 * nothing was merged.
 */
class MergeConflictException extends RuntimeException {

	MergeConflictException() {
		super(null, null, false, false);
	}

}
