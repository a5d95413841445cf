package fr.lianes.repertoire.search;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What each index is searched on, and how much each field weighs. Field names are those
 * of the mapping annotations of the indexed entities.
 */
enum SearchTarget {

	/**
	 * Actors: their name and acronym weigh most; then what their projects say of where
	 * and with whom (titles, localities, partners); then where the actor is, the
	 * countries and domains; then the descriptions, the actor's own and its projects'.
	 */
	ACTOR("Actor", "name", "name_prefix", "name_sort",
			Map.ofEntries(Map.entry("name", 4f), Map.entry("acronym", 4f), Map.entry("projectTitles", 2f),
					Map.entry("localities", 2f), Map.entry("partners", 2f), Map.entry("commune", 1.5f),
					Map.entry("countryNames", 1.5f), Map.entry("domainNames", 1.25f), Map.entry("typeName", 1f),
					Map.entry("territoryName", 1f), Map.entry("description", 1f),
					Map.entry("projectDescriptions", 0.75f)),
			Set.of("name", "acronym", "commune", "territoryName", "countryNames", "localities", "partners")),

	PROJECT("Project", "title", "title_prefix", "title_sort",
			Map.ofEntries(Map.entry("title", 4f), Map.entry("description", 1f), Map.entry("localities", 2f),
					Map.entry("partners", 1.5f), Map.entry("countryNames", 1.5f), Map.entry("domainNames", 1f),
					Map.entry("leadActor", 2f), Map.entry("territoryName", 1f)),
			Set.of("title", "localities", "countryNames", "leadActor", "territoryName")),

	/**
	 * The projects of the actors a list shows, searched for the words the actors were
	 * found by: only what each project says itself (not its lead actor's name).
	 */
	ACTOR_PROJECT("Project", "title", "title_prefix", "title_sort",
			Map.ofEntries(Map.entry("title", 4f), Map.entry("localities", 2f), Map.entry("partners", 2f),
					Map.entry("countryNames", 1f), Map.entry("domainNames", 1f), Map.entry("description", 1f)),
			Set.of("title", "localities", "partners", "countryNames"));

	private final String entityName;

	private final String nameField;

	private final String prefixField;

	private final String sortField;

	private final Map<String, Float> textFields;

	private final Map<String, Float> typoFields;

	SearchTarget(String entityName, String nameField, String prefixField, String sortField,
			Map<String, Float> textFields, Set<String> typoFields) {
		this.entityName = entityName;
		this.nameField = nameField;
		this.prefixField = prefixField;
		this.sortField = sortField;
		this.textFields = textFields;
		this.typoFields = textFields.entrySet()
			.stream()
			.filter((field) -> typoFields.contains(field.getKey()))
			.collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
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

	/**
	 * The fields where a typo is forgiven: names and places, which people misspell. Long
	 * texts are left out: their many terms make the typo clause expensive to rewrite, and
	 * a near miss there finds noise rather than what was meant.
	 */
	Map<String, Float> typoFields() {
		return this.typoFields;
	}

	/** The fields searched for words, with their boost. */
	Map<String, Float> textFields() {
		return this.textFields;
	}

}
