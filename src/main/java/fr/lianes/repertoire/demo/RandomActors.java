package fr.lianes.repertoire.demo;

import java.util.ArrayList;
import java.util.List;

import fr.lianes.repertoire.demo.Places.Partner;
import fr.lianes.repertoire.demo.GeneratorLists.Commune;

/**
 * Draws generated actors: type, commune, partner country and town, themes and name.
 */
final class RandomActors {

	private static final List<String> PREFECTURES = List.of("Lille", "Arras", "Amiens", "Beauvais", "Laon");

	private final DemoRun run;

	private final Catalog catalog;

	RandomActors(DemoRun run) {
		this.run = run;
		this.catalog = run.catalog;
	}

	ActorSpec next(boolean respondent) {
		DemoRun run = this.run;
		String type = this.catalog.types.pick(run.random);
		boolean migrants = type.equals("association-migrants");
		Partner focus = (migrants ? this.catalog.migrantOrigins : this.catalog.countries).pick(run.random);
		String town = town(focus);
		Partner second = null;
		if (run.chance(0.3)) {
			Partner other = this.catalog.countries.pick(run.random);
			second = (other == focus) ? null : other;
		}
		List<String> themes = themes(type);
		Commune commune = commune(type);
		String name = name(type, commune, focus, town);
		if (type.equals("universite")) {
			Commune campus = this.catalog.reference.communeNamed(ActorNames.universityCommune(name));
			commune = (campus != null) ? campus : commune;
		}
		// local authorities exist once: draw another commune rather than a second "Ville
		// de Lens"
		for (int attempt = 0; ActorNames.isLocalAuthority(type) && attempt < 5; attempt++) {
			if (run.authorityNames.add(name)) {
				break;
			}
			commune = commune(type);
			name = name(type, commune, focus, town);
		}
		String acronym = (ActorNames.isAssociation(type) && run.chance(0.25)) ? Words.acronym(name) : null;
		return new ActorSpec(name, acronym, type, commune, null, null, null, focus, town, second, themes, respondent,
				false);
	}

	private String name(String type, Commune commune, Partner focus, String town) {
		String country = this.catalog.shortCountryName(focus.iso2(), town);
		return ActorNames.name(type, new ActorNames.Subject(commune, country, town, focus.people()), this.run.random);
	}

	private Commune commune(String type) {
		if (type.equals("departement")) {
			Commune prefecture = this.catalog.reference.communeNamed(Words.any(PREFECTURES, this.run.random));
			if (prefecture != null) {
				return prefecture;
			}
		}
		return (this.run.chance(Catalog.METROPOLE_SHARE) ? this.catalog.metropoleCommunes : this.catalog.otherCommunes)
			.pick(this.run.random);
	}

	String town(Partner country) {
		List<String> towns = country.towns();
		int index = Math.min(this.run.random.nextInt(towns.size()), this.run.random.nextInt(towns.size()));
		return towns.get(index);
	}

	/** One or two top-level domains; some actor types have an obvious first one. */
	private List<String> themes(String type) {
		String obvious = switch (type) {
			case "etablissement-scolaire", "universite" -> "education";
			case "etablissement-sante", "ifsi" -> "sante";
			case "commune", "intercommunalite", "departement", "region" -> "appui-institutionnel";
			case "comite-jumelage" -> "culture";
			case "centre-social" -> "action-sociale";
			case "entreprise" -> "economie";
			default -> null;
		};
		List<String> themes = new ArrayList<>();
		if (obvious != null && this.run.chance(0.65) && this.catalog.subDomains.containsKey(obvious)) {
			themes.add(obvious);
		}
		else {
			themes.add(this.catalog.topDomains.pick(this.run.random));
		}
		if (this.run.chance(0.45)) {
			String second = this.catalog.topDomains.pick(this.run.random);
			if (!themes.contains(second)) {
				themes.add(second);
			}
		}
		return themes;
	}

}
