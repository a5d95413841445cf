package fr.lianes.repertoire.web;

/**
 * Nothing public answers to this address: the visitor gets the French "page not found"
 * page.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException() {
		super(null, null, false, false);
	}

}
