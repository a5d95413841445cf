package fr.lianes.repertoire.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.lianes.repertoire.reference.ActorTypeRef;
import fr.lianes.repertoire.reference.CommuneLookup;
import fr.lianes.repertoire.reference.CountryRef;
import fr.lianes.repertoire.reference.DomainRef;
import fr.lianes.repertoire.reference.NetworkRef;
import fr.lianes.repertoire.reference.Networks;
import fr.lianes.repertoire.reference.ReferenceData;
import fr.lianes.repertoire.reference.Slugs;

/**
 * The reference lists the generator draws from, read through the reference module at run
 * time (they are loaded by migrations written elsewhere). Every list is ordered so the
 * generator sees the same lists in the same order each time.
 */
record GeneratorLists(List<Commune> communes, Set<String> actorTypes, List<Domain> domains,
		Map<String, String> countryNames, List<Network> networks) {

	record Commune(String insee, String name, List<String> postalCodes, int population, String territory,
			String departement, String epciName) {

		String postalCode(int index) {
			return this.postalCodes.isEmpty() ? null : this.postalCodes.get(index % this.postalCodes.size());
		}

	}

	record Domain(int id, String slug, Integer parentId) {

	}

	record Network(int id, String slug, String name) {

	}

	static GeneratorLists load(CommuneLookup communeLookup, ReferenceData lists, Networks networkList) {
		List<Commune> communes = communeLookup.places()
			.stream()
			.map((c) -> new Commune(c.insee().trim(), c.name(), postalCodes(c.postalCodes()), c.population(),
					c.territorySlug(), c.departementCode(), c.epciName()))
			.toList();
		Set<String> types = new LinkedHashSet<>();
		lists.actorTypes().stream().map(ActorTypeRef::code).forEach(types::add);
		List<Domain> domains = lists.domains()
			.stream()
			.sorted(Comparator.comparing(DomainRef::id))
			.map((d) -> new Domain(d.id(), d.slug(), (d.parentId() != null) ? Integer.valueOf(d.parentId()) : null))
			.toList();
		Map<String, String> countries = new LinkedHashMap<>();
		lists.countries()
			.stream()
			.sorted(Comparator.comparing(CountryRef::iso2))
			.forEach((country) -> countries.put(country.iso2(), country.name()));
		List<Network> networks = networkList.all()
			.stream()
			.sorted(Comparator.comparing(NetworkRef::id))
			.map((n) -> new Network(n.id(), n.slug(), n.name()))
			.toList();
		if (communes.isEmpty() || types.isEmpty() || domains.isEmpty() || countries.isEmpty()) {
			throw new IllegalStateException("The demo directory needs the reference data (communes, actor types, "
					+ "domains, countries) loaded by the migrations");
		}
		return new GeneratorLists(communes, types, domains, countries, networks);
	}

	private static List<String> postalCodes(List<String> stored) {
		List<String> codes = new ArrayList<>();
		for (String code : stored) {
			if (code != null && code.matches("[0-9]{5}")) {
				codes.add(code);
			}
		}
		return codes;
	}

	Commune communeNamed(String name) {
		if (name == null) {
			return null;
		}
		Commune best = null;
		for (Commune commune : this.communes) {
			if (Slugs.slugify(commune.name()).equals(Slugs.slugify(name))
					&& (best == null || commune.population() > best.population())) {
				best = commune;
			}
		}
		return best;
	}

	Domain domain(String slug) {
		for (Domain domain : this.domains) {
			if (domain.slug().equals(slug)) {
				return domain;
			}
		}
		return null;
	}

}
