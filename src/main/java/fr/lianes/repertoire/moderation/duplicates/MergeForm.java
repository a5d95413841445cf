package fr.lianes.repertoire.moderation.duplicates;

import jakarta.validation.constraints.NotNull;

/**
 * A moderator's confirmation of a merge: the two actors compared, at the versions shown,
 * and the one to keep.
 */
record MergeForm(@NotNull Long a, @NotNull Long b, @NotNull Integer versionA, @NotNull Integer versionB,
		@NotNull(message = "{duplicates.merge.survivor.required}") Long survivor) {

	/** The actor merged into the survivor. */
	long merged() {
		return this.survivor.equals(this.a) ? this.b : this.a;
	}

	int survivorVersion() {
		return this.survivor.equals(this.a) ? this.versionA : this.versionB;
	}

	int mergedVersion() {
		return this.survivor.equals(this.a) ? this.versionB : this.versionA;
	}

}
