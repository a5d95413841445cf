package fr.lianes.repertoire.directory;

/**
 * One of the two actors changed, or disappeared, since the moderator compared them:
 * nothing was merged.
 */
public class MergeConflictException extends RuntimeException {

	MergeConflictException() {
		super(null, null, false, false);
	}

}
