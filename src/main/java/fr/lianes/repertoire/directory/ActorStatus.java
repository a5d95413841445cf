package fr.lianes.repertoire.directory;

import java.util.List;

/**
 * Whether an actor still works: active, dormant ("en veille") or ceased.
 */
public enum ActorStatus implements StatusValue {

	ACTIVE("actif"),

	DORMANT("en-veille"),

	CEASED("cesse");

	/**
	 * The registered actors ("acteurs enregistrés"): active and dormant. What every count
	 * of actors shows (home page, lists and their facets, key figures) unless a visitor
	 * chooses statuses.
	 */
	public static final List<ActorStatus> REGISTERED = List.of(ACTIVE, DORMANT);

	private final String slug;

	ActorStatus(String slug) {
		this.slug = slug;
	}

	@Override
	public String slug() {
		return this.slug;
	}

	@Override
	public String messageKey() {
		return "actor.status." + name();
	}

}
