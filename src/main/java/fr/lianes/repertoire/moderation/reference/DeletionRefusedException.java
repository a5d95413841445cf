package fr.lianes.repertoire.moderation.reference;

import java.util.List;

/**
 * An entry still in use cannot be deleted: each reason is a message key and the count it
 * names (projects classified in a domain, actors of a type...).
 */
class DeletionRefusedException extends RuntimeException {

	/** One use of the entry. */
	record Reason(String messageKey, long count) {
	}

	private final List<Reason> reasons;

	DeletionRefusedException(List<Reason> reasons) {
		super(null, null, false, false);
		this.reasons = List.copyOf(reasons);
	}

	List<Reason> reasons() {
		return this.reasons;
	}

}
