package fr.lianes.repertoire.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.lianes.repertoire.demo.Places.Partner;
import fr.lianes.repertoire.demo.GeneratorLists.Commune;
import fr.lianes.repertoire.demo.GeneratorLists.Domain;
import fr.lianes.repertoire.demo.GeneratorLists.Network;

/**
 * The weighted choices of the generator, built once from the reference data: where actors
 * are, what they are, which countries and domains their projects are about.
 */
final class Catalog {

	static final String METROPOLE = "metropole-lilloise";

	/**
	 * Share of draws in the Lille metropolitan area: context/000 says 61 % of actors; a
	 * little more is drawn because a local authority already present is re-drawn, mostly
	 * elsewhere.
	 */
	static final double METROPOLE_SHARE = 0.625;

	/** Shares of the top-level domains of cooperation projects (education first). */
	private static final Map<String, Double> TOP_DOMAIN_SHARES = orderedShares("education", 30, "sante", 14,
			"developpement-rural", 13, "action-sociale", 10, "jeunesse", 8, "economie", 7, "culture", 6,
			"appui-institutionnel", 4, "urgence", 1);

	/**
	 * Sub-domains the context calls marginal ("le tourisme n'occupe qu'une très faible
	 * part").
	 */
	private static final Map<String, Double> RARE_SUB_DOMAINS = Map.of("tourisme", 0.2, "microfinance", 0.5, "handicap",
			0.6, "commerce-equitable", 0.5, "energie", 0.6, "nutrition", 0.7);

	final GeneratorLists reference;

	final WeightedPicker<String> types;

	final WeightedPicker<Commune> metropoleCommunes;

	final WeightedPicker<Commune> otherCommunes;

	final WeightedPicker<Partner> countries;

	final WeightedPicker<Partner> migrantOrigins;

	final WeightedPicker<String> topDomains;

	final Map<String, WeightedPicker<Domain>> subDomains = new LinkedHashMap<>();

	final WeightedPicker<Network> networks;

	final WeightedPicker<String> funders;

	Catalog(GeneratorLists reference) {
		this.reference = reference;
		WeightedPicker.Builder<String> types = WeightedPicker.builder();
		ActorNames.TYPE_SHARES.stream()
			.filter((share) -> reference.actorTypes().contains(share.type()))
			.forEach((share) -> types.add(share.type(), share.percent()));
		this.types = types.build();
		WeightedPicker.Builder<Commune> metropole = WeightedPicker.builder();
		WeightedPicker.Builder<Commune> other = WeightedPicker.builder();
		for (Commune commune : reference.communes()) {
			double weight = Math.max(commune.population(), 1);
			if (METROPOLE.equals(commune.territory())) {
				metropole.add(commune, weight);
			}
			else {
				// the former Nord-Pas de Calais holds most actors; Aisne, Oise and Somme
				// some
				boolean picardie = List.of("02", "60", "80").contains(commune.departement());
				other.add(commune, picardie ? weight * 0.35 : weight);
			}
		}
		this.metropoleCommunes = buildOr(metropole, reference.communes());
		this.otherCommunes = buildOr(other, reference.communes());
		this.countries = partners(Places.MAIN, Places.TAIL);
		WeightedPicker.Builder<Partner> origins = WeightedPicker.builder();
		for (Partner partner : Places.MAIN) {
			if (Places.MIGRANT_ORIGINS.contains(partner.iso2())
					&& reference.countryNames().containsKey(partner.iso2())) {
				origins.add(partner, partner.weight());
			}
		}
		this.migrantOrigins = origins.build();
		WeightedPicker.Builder<String> tops = WeightedPicker.builder();
		for (Domain top : reference.domains()) {
			if (top.parentId() == null) {
				WeightedPicker.Builder<Domain> subs = WeightedPicker.builder();
				reference.domains()
					.stream()
					.filter((domain) -> top.id() == (domain.parentId() == null ? -1 : domain.parentId()))
					.forEach((domain) -> subs.add(domain, RARE_SUB_DOMAINS.getOrDefault(domain.slug(), 1.0)));
				if (!subs.isEmpty()) {
					this.subDomains.put(top.slug(), subs.build());
				}
				tops.add(top.slug(), TOP_DOMAIN_SHARES.getOrDefault(top.slug(), 0.0));
			}
		}
		this.topDomains = tops.build();
		WeightedPicker.Builder<Network> networks = WeightedPicker.builder();
		// the regional network itself is the one most actors belong to
		reference.networks().forEach((network) -> networks.add(network, network.slug().contains("lianes") ? 6 : 1));
		this.networks = reference.networks().isEmpty() ? null : networks.build();
		WeightedPicker.Builder<String> funders = WeightedPicker.builder();
		for (int i = 0; i < ProjectTexts.FUNDERS.size(); i++) {
			funders.add(ProjectTexts.FUNDERS.get(i), (i < 3) ? 4 : 1.5);
		}
		this.funders = funders.build();
	}

	String countryName(String iso2) {
		return this.reference.countryNames().get(iso2);
	}

	/**
	 * The country name for actor names: the French name, or the town if it is
	 * long-winded.
	 */
	String shortCountryName(String iso2, String town) {
		String name = countryName(iso2);
		return (name == null || name.length() > 18 || name.contains("(") || name.contains(",")) ? town : name;
	}

	boolean hasCountry(String iso2) {
		return this.reference.countryNames().containsKey(iso2);
	}

	private WeightedPicker<Partner> partners(List<Partner> main, List<Partner> tail) {
		WeightedPicker.Builder<Partner> builder = WeightedPicker.builder();
		List<Partner> all = new ArrayList<>(main);
		all.addAll(tail);
		for (Partner partner : all) {
			if (hasCountry(partner.iso2())) {
				builder.add(partner, partner.weight());
			}
		}
		return builder.build();
	}

	private static WeightedPicker<Commune> buildOr(WeightedPicker.Builder<Commune> builder, List<Commune> all) {
		try {
			return builder.build();
		}
		catch (IllegalStateException ex) {
			WeightedPicker.Builder<Commune> fallback = WeightedPicker.builder();
			all.forEach((commune) -> fallback.add(commune, Math.max(commune.population(), 1)));
			return fallback.build();
		}
	}

	private static Map<String, Double> orderedShares(Object... pairs) {
		Map<String, Double> shares = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			shares.put((String) pairs[i], ((Number) pairs[i + 1]).doubleValue());
		}
		return shares;
	}

}
