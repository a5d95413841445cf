package fr.lianes.repertoire.directory;

/**
 * How a consent was given or withdrawn.
 */
public enum ConsentChannel {

	CENSUS_FORM, EMAIL, STAFF, PAPER, PHONE, IMPORT

}
