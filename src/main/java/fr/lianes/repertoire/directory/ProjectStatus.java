package fr.lianes.repertoire.directory;

/**
 * Where a project stands.
 */
public enum ProjectStatus implements StatusValue {

	PLANNED("prevu"),

	ONGOING("en-cours"),

	COMPLETED("termine");

	private final String slug;

	ProjectStatus(String slug) {
		this.slug = slug;
	}

	@Override
	public String slug() {
		return this.slug;
	}

	@Override
	public String messageKey() {
		return "project.status." + name();
	}

}
