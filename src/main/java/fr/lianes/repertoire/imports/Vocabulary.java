package fr.lianes.repertoire.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import fr.lianes.repertoire.directory.ActorStatus;
import fr.lianes.repertoire.directory.ProjectKind;
import fr.lianes.repertoire.directory.ProjectNature;
import fr.lianes.repertoire.directory.ProjectStatus;
import fr.lianes.repertoire.reference.ActorTypeRef;
import fr.lianes.repertoire.reference.CountryRef;
import fr.lianes.repertoire.reference.DomainRef;
import fr.lianes.repertoire.reference.ReferenceData;

import org.springframework.stereotype.Component;

/**
 * Values matched the way people write them: countries by French or English name, ISO code
 * or common form, with or without accents; actor types and domains by name or code, or
 * through the value mapping a person filled in; statuses, kinds and natures of action by
 * their usual French words. Keys compare text without case, accents nor punctuation.
 */
@Component
class Vocabulary {

	/** Lists whose unknown values a person maps on the mapping page. */
	enum Mapped {

		TYPE, DOMAIN

	}

	/** Forms of country names the reference list and the JDK do not give. */
	private static final Map<String, String> COUNTRY_FORMS = Map.ofEntries(Map.entry("rdc", "CD"),
			Map.entry("rd congo", "CD"), Map.entry("congo rdc", "CD"), Map.entry("congo kinshasa", "CD"),
			Map.entry("republique democratique du congo", "CD"), Map.entry("zaire", "CD"),
			Map.entry("congo brazzaville", "CG"), Map.entry("republique du congo", "CG"), Map.entry("rca", "CF"),
			Map.entry("centrafrique", "CF"), Map.entry("guinee conakry", "GN"), Map.entry("usa", "US"),
			Map.entry("etats unis d amerique", "US"), Map.entry("uk", "GB"), Map.entry("angleterre", "GB"),
			Map.entry("grande bretagne", "GB"), Map.entry("vietnam", "VN"), Map.entry("cabo verde", "CV"),
			Map.entry("cap vert", "CV"), Map.entry("burkina", "BF"), Map.entry("ivory coast", "CI"),
			Map.entry("territoires palestiniens", "PS"), Map.entry("bresil", "BR"), Map.entry("haiti", "HT"),
			Map.entry("ile maurice", "MU"), Map.entry("tchequie", "CZ"), Map.entry("birmanie", "MM"));

	private static final Pattern LIST_SEPARATORS = Pattern.compile("\\s*[;,/+|\\n]\\s*|\\s+(?:et|and)\\s+");

	private static final Pattern DOMAIN_SEPARATORS = Pattern.compile("\\s*[;,|\\n]\\s*");

	private static final Pattern PARENTHESES = Pattern.compile("\\s*\\([^)]*\\)\\s*");

	private final ReferenceData reference;

	Vocabulary(ReferenceData reference) {
		this.reference = reference;
	}

	/** The key two ways of writing the same value share. */
	static String key(String text) {
		return ImportField.key(text);
	}

	/** Cuts a cell listing several values (« Mali, Sénégal et Niger »). */
	static List<String> split(String cell) {
		List<String> parts = new ArrayList<>();
		if (cell == null) {
			return parts;
		}
		for (String part : LIST_SEPARATORS.split(cell)) {
			if (!part.isBlank()) {
				parts.add(part.strip());
			}
		}
		return parts;
	}

	/**
	 * Cuts a cell listing several domains: « ; », « , » or « | » (domain names hold « et
	 * »; « Santé / Nutrition » names a sub-domain).
	 */
	static List<String> splitDomains(String cell) {
		List<String> parts = new ArrayList<>();
		if (cell == null) {
			return parts;
		}
		for (String part : DOMAIN_SEPARATORS.split(cell)) {
			if (!part.isBlank()) {
				parts.add(part.strip());
			}
		}
		return parts;
	}

	/** The countries of a cell, and the parts of it that name none. */
	record Countries(List<String> iso2, List<String> unknown) {
	}

	/**
	 * The countries a cell lists (« Mali, Sénégal et Niger »), each part read by
	 * {@link #country}; parts are joined back when together they name a country («
	 * Svalbard et Jan Mayen »).
	 */
	Countries countries(String cell) {
		List<String> found = new ArrayList<>();
		List<String> unknown = new ArrayList<>();
		if (cell == null) {
			return new Countries(found, unknown);
		}
		List<int[]> parts = new ArrayList<>();
		java.util.regex.Matcher separators = LIST_SEPARATORS.matcher(cell);
		int start = 0;
		while (separators.find()) {
			parts.add(new int[] { start, separators.start() });
			start = separators.end();
		}
		parts.add(new int[] { start, cell.length() });
		parts.removeIf((part) -> cell.substring(part[0], part[1]).isBlank());
		for (int i = 0; i < parts.size();) {
			int matched = -1;
			String iso2 = null;
			for (int j = parts.size() - 1; j >= i && iso2 == null; j--) {
				String written = cell.substring(parts.get(i)[0], parts.get(j)[1]);
				// parts joined back must name a country as they are: « Congo - Kinshasa
				// et Niger » is not the Congo
				iso2 = ((j == i) ? country(written) : Optional.ofNullable(countryKeys().get(key(written))))
					.orElse(null);
				matched = j;
			}
			if (iso2 != null) {
				if (!found.contains(iso2)) {
					found.add(iso2);
				}
				i = matched + 1;
			}
			else {
				unknown.add(cell.substring(parts.get(i)[0], parts.get(i)[1]).strip());
				i++;
			}
		}
		return new Countries(found, unknown);
	}

	/**
	 * The ISO code of a country however written, e.g. « Cote d Ivoire », « RDC », « SEN
	 * ».
	 */
	Optional<String> country(String written) {
		Map<String, String> keys = countryKeys();
		String key = key(written);
		String iso2 = keys.get(key);
		if (iso2 == null) {
			// « Sénégal (Dakar) »: a place in parentheses; « Congo (RDC) » is found above
			iso2 = keys.get(key(PARENTHESES.matcher(written).replaceAll(" ")));
		}
		if (iso2 == null && written.contains(" - ")) {
			iso2 = keys.get(key(written.substring(0, written.indexOf(" - "))));
		}
		return Optional.ofNullable(iso2);
	}

	private volatile CountryKeys countryKeys;

	private Map<String, String> countryKeys() {
		long generation = this.reference.generation();
		CountryKeys current = this.countryKeys;
		if (current == null || current.generation != generation) {
			Map<String, String> keys = new HashMap<>();
			for (CountryRef country : this.reference.countries()) {
				String iso2 = country.iso2();
				Locale locale = new Locale("", iso2);
				keys.putIfAbsent(key(locale.getDisplayCountry(Locale.ENGLISH)), iso2);
				keys.putIfAbsent(key(locale.getDisplayCountry(Locale.FRENCH)), iso2);
				try {
					keys.put(key(locale.getISO3Country()), iso2);
				}
				catch (java.util.MissingResourceException ex) {
					// a code the JDK does not know: its name and ISO2 code still match
				}
				keys.put(key(iso2), iso2);
			}
			for (CountryRef country : this.reference.countries()) {
				keys.put(key(country.name()), country.iso2());
			}
			COUNTRY_FORMS.forEach((form, iso2) -> {
				if (this.reference.country(iso2).isPresent()) {
					keys.put(key(form), iso2);
				}
			});
			current = new CountryKeys(generation, keys);
			this.countryKeys = current;
		}
		return current.keys;
	}

	private record CountryKeys(long generation, Map<String, String> keys) {
	}

	/**
	 * An actor type's code by its name or code, or through the person's value mapping.
	 */
	Optional<String> actorType(String written, Map<String, String> mapping) {
		String key = key(written);
		String mapped = mapping.get(Mapped.TYPE + ":" + key);
		if (mapped != null) {
			return this.reference.actorType(mapped).map(ActorTypeRef::code);
		}
		for (ActorTypeRef type : this.reference.actorTypes()) {
			if (key.equals(key(type.name())) || key.equals(key(type.code()))
					|| key.equals(key(type.name().replaceAll("\\s*\\(.*\\)", "")))) {
				return Optional.of(type.code());
			}
		}
		return Optional.empty();
	}

	/**
	 * A domain's slug by its name (« Santé », « sante »), « domain / sub-domain », its
	 * slug, or through the person's value mapping; empty when unknown or when the name is
	 * that of several sub-domains.
	 */
	Optional<String> domain(String written, Map<String, String> mapping) {
		String key = key(written);
		String mapped = mapping.get(Mapped.DOMAIN + ":" + key);
		if (mapped != null) {
			return this.reference.domain(mapped).map(DomainRef::slug);
		}
		Set<String> found = new LinkedHashSet<>();
		for (DomainRef domain : this.reference.domains()) {
			String name = key(domain.name());
			if (key.equals(name) || key.equals(key(domain.slug()))) {
				found.add(domain.slug());
			}
			else if (domain.parentId() != null) {
				String parent = this.reference.domain(domain.parentId()).map((p) -> key(p.name())).orElse("");
				if (key.equals(parent + " " + name)) {
					found.add(domain.slug());
				}
			}
		}
		return (found.size() == 1) ? Optional.of(found.iterator().next()) : Optional.empty();
	}

	static Optional<ActorStatus> actorStatus(String written) {
		return switch (key(written)) {
			case "actif", "active", "en activite", "oui", "active actor" -> Optional.of(ActorStatus.ACTIVE);
			case "en veille", "veille", "en sommeil", "sommeil", "inactif", "inactive", "dormant" ->
				Optional.of(ActorStatus.DORMANT);
			case "cesse", "cessee", "dissous", "dissoute", "ferme", "fermee", "radie", "radiee", "ceased", "closed" ->
				Optional.of(ActorStatus.CEASED);
			default -> Optional.empty();
		};
	}

	static Optional<ProjectStatus> projectStatus(String written) {
		return switch (key(written)) {
			case "en projet", "prevu", "prevue", "a venir", "planned", "planifie" -> Optional.of(ProjectStatus.PLANNED);
			case "en cours", "actif", "ongoing", "current", "en realisation" -> Optional.of(ProjectStatus.ONGOING);
			case "termine", "terminee", "acheve", "achevee", "fini", "finie", "cloture", "cloturee", "completed",
					"finished" ->
				Optional.of(ProjectStatus.COMPLETED);
			default -> Optional.empty();
		};
	}

	static Optional<ProjectKind> projectKind(String written) {
		return switch (key(written)) {
			case "projet de cooperation", "cooperation", "projet", "solidarite internationale", "cooperation project" ->
				Optional.of(ProjectKind.COOPERATION);
			case "cooperation decentralisee", "convention de cooperation decentralisee", "convention",
					"decentralised cooperation", "decentralized cooperation" ->
				Optional.of(ProjectKind.DECENTRALISED_COOPERATION);
			case "education au developpement", "ecsi", "ead",
					"education a la citoyennete et a la solidarite internationale", "development education" ->
				Optional.of(ProjectKind.DEVELOPMENT_EDUCATION);
			default -> Optional.empty();
		};
	}

	static Optional<ProjectNature> projectNature(String written) {
		return switch (key(written)) {
			case "collecte et don de materiel", "collecte et don", "collecte", "don", "dons", "envoi de materiel" ->
				Optional.of(ProjectNature.COLLECTION_DONATION);
			case "construction et equipement", "construction", "equipement", "travaux" ->
				Optional.of(ProjectNature.CONSTRUCTION_EQUIPMENT);
			case "formation", "formations", "training" -> Optional.of(ProjectNature.TRAINING);
			case "appui institutionnel", "soutien institutionnel", "institutional support" ->
				Optional.of(ProjectNature.INSTITUTIONAL_SUPPORT);
			case "echanges et mobilite", "echanges", "echange", "mobilite", "exchange" ->
				Optional.of(ProjectNature.EXCHANGE);
			case "soutien financier", "financement", "appui financier", "financial support" ->
				Optional.of(ProjectNature.FINANCIAL_SUPPORT);
			case "sensibilisation", "awareness" -> Optional.of(ProjectNature.AWARENESS);
			default -> Optional.empty();
		};
	}

	/** Yes or no as a consent column says it; empty when it says neither. */
	static Optional<Boolean> yesNo(String written) {
		return switch (key(written)) {
			case "oui", "o", "yes", "y", "x", "1", "vrai", "true", "accord", "d accord" -> Optional.of(true);
			case "non", "n", "no", "0", "faux", "false", "refus" -> Optional.of(false);
			default -> Optional.empty();
		};
	}

}
