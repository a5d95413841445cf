package fr.lianes.repertoire.directory;

/**
 * A status as it appears in URLs and on pages.
 */
public interface StatusValue {

	/** The value in URLs (French). */
	String slug();

	/** The message key of its label. */
	String messageKey();

	/** The constant name, as stored. */
	String name();

}
