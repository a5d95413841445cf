package fr.lianes.repertoire.directory;

/**
 * The fields of a contact person that are published only with that person's consent.
 */
public enum ConsentField {

	NAME, EMAIL, PHONE

}
