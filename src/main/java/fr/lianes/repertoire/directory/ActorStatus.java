package fr.lianes.repertoire.directory;

/**
 * Whether an actor still works: active, dormant ("en veille") or ceased.
 */
public enum ActorStatus implements StatusValue {

	ACTIVE("actif"),

	DORMANT("en-veille"),

	CEASED("cesse");

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
