package fr.lianes.repertoire.reference;

import java.util.List;

import fr.lianes.repertoire.reference.ReferenceDependents.Use;

/**
 * An entry still in use cannot be deleted: each reason is a message key and the count it
 * names (projects classified in a domain, actors of a type...).
 */
public class DeletionRefusedException extends RuntimeException {

	private final List<Use> reasons;

	DeletionRefusedException(List<Use> reasons) {
		super(null, null, false, false);
		this.reasons = List.copyOf(reasons);
	}

	public List<Use> reasons() {
		return this.reasons;
	}

}
