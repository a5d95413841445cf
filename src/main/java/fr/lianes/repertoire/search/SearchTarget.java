package fr.lianes.repertoire.search;

import java.util.Map;

/**
 * What each index is searched on, and how much each field weighs. Field names are those
 * of the mapping annotations of the indexed entities.
 */
enum SearchTarget {

	ACTOR("Actor", "name", "name_prefix", "name_sort",
			Map.ofEntries(Map.entry("name", 4f), Map.entry("acronym", 4f), Map.entry("description", 1f),
					Map.entry("typeName", 1f), Map.entry("commune", 1.5f), Map.entry("territoryName", 1f),
					Map.entry("countryNames", 1.5f), Map.entry("domainNames", 1f), Map.entry("localities", 1.5f),
					Map.entry("partners", 1f), Map.entry("projectTitles", 1f))),

	PROJECT("Project", "title", "title_prefix", "title_sort",
			Map.ofEntries(Map.entry("title", 4f), Map.entry("description", 1f), Map.entry("localities", 2f),
					Map.entry("partners", 1.5f), Map.entry("countryNames", 1.5f), Map.entry("domainNames", 1f),
					Map.entry("leadActor", 2f), Map.entry("territoryName", 1f)));

	private final String entityName;

	private final String nameField;

	private final String prefixField;

	private final String sortField;

	private final Map<String, Float> textFields;

	SearchTarget(String entityName, String nameField, String prefixField, String sortField,
			Map<String, Float> textFields) {
		this.entityName = entityName;
		this.nameField = nameField;
		this.prefixField = prefixField;
		this.sortField = sortField;
		this.textFields = textFields;
	}

	/** The JPA entity name, so that this module needs no import of the entities. */
	String entityName() {
		return this.entityName;
	}

	/** The name (or title) field, highlighted. */
	String nameField() {
		return this.nameField;
	}

	/** The name cut into prefixes, for words being typed. */
	String prefixField() {
		return this.prefixField;
	}

	/** The normalized name, to sort on. */
	String sortField() {
		return this.sortField;
	}

	/** The fields searched for words, with their boost. */
	Map<String, Float> textFields() {
		return this.textFields;
	}

}
