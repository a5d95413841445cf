package fr.lianes.repertoire.census;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import fr.lianes.repertoire.reference.CommuneLookup;
import fr.lianes.repertoire.reference.CommuneLookup.CommuneChoice;

import org.springframework.stereotype.Component;

/**
 * The communes of the region, looked up by postal code and name as people type them,
 * through the reference module's {@link CommuneLookup}.
 */
@Component
class Communes {

	/** A commune people can choose. */
	record Option(String insee, String name, String postalCode) {
	}

	private static final int MAX_OPTIONS = 60;

	private final CommuneLookup lookup;

	Communes(CommuneLookup lookup) {
		this.lookup = lookup;
	}

	/**
	 * The communes of a postal code, narrowed to those whose name matches when one is
	 * given.
	 */
	List<Option> find(String postalCode, String name) {
		String code = Text.digits(postalCode);
		if (code == null || !code.matches("[0-9]{5}")) {
			return (Text.isBlank(name)) ? List.of() : byName(name);
		}
		List<Option> all = options(this.lookup.choicesOf(code, MAX_OPTIONS));
		if (Text.isBlank(name)) {
			return all;
		}
		List<Option> named = all.stream().filter((c) -> sameName(c.name(), name)).toList();
		return named.isEmpty() ? all : named;
	}

	private List<Option> byName(String name) {
		return options(this.lookup.choicesNamed(name, MAX_OPTIONS));
	}

	private static List<Option> options(List<CommuneChoice> choices) {
		return choices.stream().map((c) -> new Option(c.insee(), c.name(), c.postalCode())).toList();
	}

	private static boolean sameName(String commune, String typed) {
		return Names.key(commune).equals(Names.key(typed));
	}

	/**
	 * The structure as typed, tidied ({@link #normalised}) and with the commune chosen,
	 * or the only one matching the postal code and name typed.
	 */
	StructureAnswers resolved(StructureAnswers typed) {
		StructureAnswers s = normalised(typed);
		List<Option> options = find(s.postalCode(), s.communeName());
		Optional<Option> chosen = options.stream()
			.filter((o) -> o.insee().equals(s.communeInsee()))
			.findFirst()
			.or(() -> (options.size() == 1) ? Optional.of(options.get(0)) : Optional.empty());
		return chosen.map((c) -> s.withCommune(c.insee(), c.name(), c.postalCode()))
			.orElseGet(() -> s.withCommune(null, s.communeName(), s.postalCode()));
	}

	/**
	 * What people usually mean: "www.example.org" is a website, "w59..." an RNA number.
	 */
	private static StructureAnswers normalised(StructureAnswers s) {
		String website = Text.trimToNull(s.website());
		if (website != null && !website.matches("(?i)https?://.*") && website.matches("[^\\s/]+\\.[^\\s]+")) {
			website = "https://" + website;
		}
		String rna = (s.rna() != null) ? Text.trimToNull(s.rna().toUpperCase(Locale.ROOT)) : null;
		return new StructureAnswers(s.name(), s.acronym(), s.actorType(), Text.trimToNull(s.siret()), rna,
				s.addressLine(), s.postalCode(), s.communeName(), s.communeInsee(), website, Text.trimToNull(s.email()),
				s.phone(), s.description(), s.networks(), Text.trimToNull(s.foundingYear()));
	}

}
