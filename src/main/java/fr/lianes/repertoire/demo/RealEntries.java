package fr.lianes.repertoire.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import fr.lianes.repertoire.demo.ActorWriter.Actor;
import fr.lianes.repertoire.demo.Places.Partner;
import fr.lianes.repertoire.demo.ProjectSpec.Agreement;
import fr.lianes.repertoire.demo.GeneratorLists.Commune;
import fr.lianes.repertoire.demo.GeneratorLists.Domain;

/**
 * The real organisations and agreements of context/001 and context/003, present in every
 * demo directory. They are public bodies and associations: no identifiers are invented
 * for them and no person is attached to them.
 */
final class RealEntries {

	private static final DateTimeFormatter SIGNED = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);

	private final DemoRun run;

	private final Catalog catalog;

	private final ActorWriter actors;

	private final ProjectWriter projects;

	RealEntries(DemoRun run, ActorWriter actors, ProjectWriter projects) {
		this.run = run;
		this.catalog = run.catalog;
		this.actors = actors;
		this.projects = projects;
	}

	/** Writes the real entries and answers how many actors they are. */
	int write() {
		actor("Lianes coopération", null, "reseau-collectif", "Lille", "5 rue Jules de Vicq",
				"https://www.lianescooperation.org",
				"Lianes coopération est le réseau régional multi-acteurs de la "
						+ "coopération internationale des Hauts-de-France. Il fédère l'ensemble des acteurs de la "
						+ "coopération internationale de la région sans distinction de statut juridique : ses membres "
						+ "élaborent des stratégies communes, montent en compétence, dialoguent avec bailleurs et "
						+ "pouvoirs publics et mutualisent leurs actions. Bureaux à Lille (MRES) et à Amiens.",
				"SN", "Saint-Louis", "education-au-developpement");
		actor("CEFIR", "CEFIR", "association-autre", "Dunkerque", null, null,
				"Association dunkerquoise à l'initiative, avec le FORIM, du collectif régional des organisations de "
						+ "solidarité internationale issues des migrations (COSIM) créé en janvier 2009.",
				"SN", "Matam", "action-sociale");
		Actor asnbnf = actor("Artisanat Solidarité Nord Bénin Nord de France", "ASNBNF",
				"association-solidarite-internationale", "Villeneuve-d'Ascq", null, null,
				"Association à l'origine de la coopération entre Villeneuve d'Ascq et Tanguiéta (Bénin), en "
						+ "partenariat avec l'Association d'Appui à l'Apprentissage et au Développement de "
						+ "l'Artisanat à Tanguiéta (AADACT) : classes d'alphabétisation, bourses d'insertion et "
						+ "centre d'apprentissage des métiers artisanaux électrifié.",
				"BJ", "Tanguiéta", "economie");
		actor("COSIM Hauts-de-France", "COSIM", "reseau-collectif", "Dunkerque", null, null,
				"Collectif régional des organisations de solidarité internationale issues des migrations (OSIM), "
						+ "créé en janvier 2009 à l'initiative du FORIM et du CEFIR. Il favorise le partage "
						+ "d'expériences, la mise en réseau des OSIM et le dialogue avec les collectivités.",
				"SN", "Podor", "appui-institutionnel");
		Actor villeneuve = actor("Ville de Villeneuve-d'Ascq", null, "commune", "Villeneuve-d'Ascq", null, null,
				"Ville de la Métropole européenne de Lille engagée depuis 2018 aux côtés de l'ASNBNF avec Tanguiéta "
						+ "(Bénin), avec une convention de coopération signée le 22 novembre 2024.",
				"BJ", "Tanguiéta", "appui-institutionnel");
		Actor grandeSynthe = actor("Ville de Grande-Synthe", null, "commune", "Grande-Synthe", null, null,
				"Ville du Dunkerquois en relation avec Sidi Ifni (Maroc) dans le cadre du programme d'appui à la "
						+ "coopération franco-marocaine porté par Lianes coopération ; convention de partenariat "
						+ "signée en février 2024.",
				"MA", "Sidi Ifni", "developpement-rural");
		Actor region = actor("Région Hauts-de-France", null, "region", "Lille", null, null,
				"Région engagée dans la coopération décentralisée avec des régions partenaires en Europe, en Afrique "
						+ "et en Amérique latine, et depuis novembre 2024 avec l'oblast de Dnipropetrovsk (Ukraine).",
				"UA", "Dnipro", "appui-institutionnel");
		if (asnbnf != null) {
			long aadact = this.projects.partner("Association d'Appui à l'Apprentissage et au Développement de "
					+ "l'Artisanat à Tanguiéta (AADACT)", "BJ", "Tanguiéta");
			if (villeneuve != null) {
				agreement(villeneuve, "Coopération décentralisée Villeneuve d'Ascq – Tanguiéta", "BJ",
						List.of("Tanguiéta"), "Commune de Tanguiéta", LocalDate.of(2024, 11, 22), null,
						List.of("Artisanat et apprentissage", "Pratique sportive des jeunes filles"),
						List.of("artisanat", "formation-professionnelle", "sport"), List.of(aadact),
						List.of(asnbnf.id()));
			}
			project(asnbnf, "Centre d'apprentissage des métiers artisanaux à Tanguiéta", "BJ", "TRAINING", 2018,
					List.of("artisanat", "enseignement-non-formel", "energie"), List.of(aadact));
		}
		if (grandeSynthe != null) {
			agreement(grandeSynthe, "Coopération décentralisée Grande-Synthe – Sidi Ifni", "MA", List.of("Sidi Ifni"),
					"Commune de Sidi Ifni", LocalDate.of(2024, 2, 15), null,
					List.of("Nature en ville", "Économies d'énergie", "Utilisation rationnelle de l'eau",
							"Agriculture urbaine", "Jeunesse et sport"),
					List.of("environnement", "energie", "sport"), List.of(), List.of());
		}
		if (region != null) {
			agreement(region, "Protocole d'entente Hauts-de-France – oblast de Dnipropetrovsk", "UA", List.of("Dnipro"),
					"Oblast de Dnipropetrovsk", LocalDate.of(2024, 11, 21), 5,
					List.of("Économie circulaire et environnement", "Formation des jeunes",
							"Technologies et construction", "Gestion des fonds européens"),
					List.of("environnement", "formation-professionnelle", "administration-locale"), List.of(),
					List.of());
			// context/003: the former Nord-Pas de Calais region's partners and what the
			// projects covered
			List<String> south = List.of("Éducation", "Santé", "Culture", "Aménagement", "Action économique",
					"Agriculture", "Formation", "Transports");
			historical(region, "ML", "Kayes", "Région de Kayes", south);
			historical(region, "SN", "Saint-Louis", "Région de Saint-Louis", south);
			historical(region, "SN", "Matam", "Région de Matam", south);
			historical(region, "MA", "El Jadida", "Région de Doukkala-Abda", south);
			historical(region, "MG", "Fénérive-Est", "Région Analanjirofo", south);
			historical(region, "BR", "Itabira", "État du Minas Gerais", south);
			historical(region, "PL", "Katowice", "Voïvodie de Silésie",
					List.of("Reconversion des territoires", "Mobilité des jeunes", "Culture"));
		}
		return this.run.actors;
	}

	private Actor actor(String name, String acronym, String type, String communeName, String address, String website,
			String description, String iso2, String town, String theme) {
		Commune commune = this.catalog.reference.communeNamed(communeName);
		Partner focus = partner(iso2);
		if (commune == null || focus == null || !this.catalog.reference.actorTypes().contains(type)) {
			return null;
		}
		if (ActorNames.isLocalAuthority(type)) {
			this.run.authorityNames.add(name);
		}
		ActorSpec spec = new ActorSpec(name, acronym, type, commune, address, website, description, focus, town, null,
				List.of(theme), true, true);
		return this.actors.write(spec, "ACTIVE");
	}

	private void historical(Actor region, String iso2, String town, String authority, List<String> axes) {
		if (this.catalog.hasCountry(iso2)) {
			String title = "Coopération décentralisée Hauts-de-France – "
					+ authority.replace("Région ", "région ").replace("Voïvodie ", "voïvodie ");
			agreement(region, title, iso2, List.of(town), authority, null, null, axes,
					List.of("administration-locale", "education-de-base", "agriculture"), List.of(), List.of());
		}
	}

	private void agreement(Actor lead, String title, String iso2, List<String> localities, String authority,
			LocalDate signed, Integer duration, List<String> axes, List<String> domains, List<Long> partners,
			List<Long> others) {
		if (!this.catalog.hasCountry(iso2)) {
			return;
		}
		Integer start = (signed != null) ? signed.getYear() : null;
		Integer end = (start != null && duration != null) ? start + duration : null;
		String description = title + " : convention signée entre " + lead.spec().name() + " et " + authority
				+ ((signed != null) ? " le " + signed.format(SIGNED) : "") + ". Axes : "
				+ String.join(", ", axes).toLowerCase() + ".";
		Instant at = lead.respondedAt();
		this.projects.write(new ProjectSpec(title, lead.id(), "DECENTRALISED_COOPERATION", "INSTITUTIONAL_SUPPORT",
				description, null, localities, List.of(), start, end, "ONGOING", null,
				new Agreement(authority, signed, duration, axes), List.of(iso2), domainIds(domains), partners, others,
				at, at));
	}

	private void project(Actor lead, String title, String iso2, String nature, int start, List<String> domains,
			List<Long> partners) {
		Instant at = lead.respondedAt();
		String description = title + " : projet porté par " + lead.spec().name() + " avec l'AADACT depuis " + start
				+ ", avec des classes d'alphabétisation et des bourses d'insertion.";
		this.projects.write(new ProjectSpec(title, lead.id(), "COOPERATION", nature, description,
				"Les jeunes apprentis et les artisans de Tanguiéta.", List.of("Tanguiéta"), List.of(), start, null,
				"ONGOING", null, null, List.of(iso2), domainIds(domains), partners, List.of(), at, at));
	}

	private List<Integer> domainIds(List<String> slugs) {
		List<Integer> ids = new ArrayList<>();
		for (String slug : slugs) {
			Domain domain = this.catalog.reference.domain(slug);
			if (domain != null && domain.parentId() != null) {
				ids.add(domain.id());
			}
		}
		if (ids.isEmpty()) {
			ids.add(this.catalog.subDomains.values().iterator().next().items().get(0).id());
		}
		return ids;
	}

	private Partner partner(String iso2) {
		for (Partner partner : this.catalog.countries.items()) {
			if (partner.iso2().equals(iso2)) {
				return partner;
			}
		}
		return null;
	}

}
