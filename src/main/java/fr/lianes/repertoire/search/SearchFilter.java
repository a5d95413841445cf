package fr.lianes.repertoire.search;

/**
 * A filter of the lists, and the index field it filters and counts on (the same name in
 * the actor and project indexes).
 */
public enum SearchFilter {

	/** Actor type codes (of the actor, or of a project's lead actor). */
	TYPE("type"),

	/** Territory slugs (of the actor, or of a project's lead actor). */
	TERRITORY("territory"),

	/** ISO 3166-1 alpha-2 codes of the countries of the (actor's public) projects. */
	COUNTRY("countries"),

	/** Domain slugs, a sub-domain also counting for its domain. */
	DOMAIN("domains"),

	/** Status constants as stored ({@code ACTIVE}, {@code ONGOING}...). */
	STATUS("status");

	private final String field;

	SearchFilter(String field) {
		this.field = field;
	}

	String field() {
		return this.field;
	}

}
