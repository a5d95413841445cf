package fr.lianes.repertoire.directory;

/**
 * For tests of other packages that change an entity the way JPA writes do, without the
 * history or the checks of {@link Entries} (the entities' mutators are the directory's
 * own).
 */
public final class EntityChanges {

	private EntityChanges() {
	}

	/** Renames a managed actor; the change is written and indexed at commit. */
	public static void rename(Actor actor, String name) {
		actor.setName(name);
	}

}
