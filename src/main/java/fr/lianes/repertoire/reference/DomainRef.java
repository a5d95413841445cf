package fr.lianes.repertoire.reference;

/**
 * A domain or sub-domain as shown and filtered on.
 */
public record DomainRef(short id, String slug, String name, Short parentId) {

	public boolean isTopLevel() {
		return this.parentId == null;
	}

}
