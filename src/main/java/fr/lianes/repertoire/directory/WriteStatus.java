package fr.lianes.repertoire.directory;

/** What became of a write asked of {@link Entries}. */
public enum WriteStatus {

	/** Written. */
	DONE,
	/**
	 * Someone saved the entry since the version the writer started from: nothing written.
	 */
	CONFLICT,
	/** No such entry. */
	NOT_FOUND,
	/** The entry's rules refuse it (publishing an actor that did not agree to it). */
	REFUSED

}
