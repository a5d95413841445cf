package fr.lianes.repertoire.demo;

import java.util.List;
import java.util.SplittableRandom;

import static fr.lianes.repertoire.demo.Words.any;

/**
 * Plausible French names of regional actors, by actor type, made of a real commune of the
 * region and, for solidarity associations, the partner country or town abroad.
 */
final class ActorNames {

	/**
	 * The shares of actor types (context/000: 78 % associations, then schools, local
	 * authorities, twinning committees, universities, a few socio-professional
	 * bodies...).
	 */
	static final List<Share> TYPE_SHARES = List.of(new Share("association-solidarite-internationale", 52.0),
			new Share("association-migrants", 12.0), new Share("comite-jumelage", 5.0),
			new Share("association-autre", 4.5), new Share("centre-social", 3.0), new Share("fondation", 1.5),
			new Share("etablissement-scolaire", 7.5), new Share("organisme-formation", 0.5), new Share("commune", 3.5),
			new Share("universite", 2.5), new Share("etablissement-sante", 1.5), new Share("entreprise", 1.5),
			new Share("reseau-collectif", 1.0), new Share("etablissement-public", 1.0),
			new Share("intercommunalite", 0.8), new Share("organisation-socioprofessionnelle", 0.8),
			new Share("ifsi", 0.7), new Share("autre", 0.6), new Share("departement", 0.1));

	record Share(String type, double percent) {

	}

	/** What a name is made of: where the actor is and whom it works with. */
	record Subject(GeneratorLists.Commune commune, String countryName, String town, String people) {

	}

	/** Universities and schools of the region, with the commune of their main campus. */
	static final List<String> UNIVERSITIES = List.of("Université de Lille|Villeneuve-d'Ascq",
			"Université d'Artois|Arras", "Université du Littoral Côte d'Opale|Dunkerque",
			"Université Polytechnique Hauts-de-France|Valenciennes", "Université de Picardie Jules Verne|Amiens",
			"Université Catholique de Lille|Lille", "Centrale Lille|Villeneuve-d'Ascq", "Sciences Po Lille|Lille",
			"IMT Nord Europe|Douai", "Junia|Lille", "IÉSEG School of Management|Lille", "EDHEC Business School|Roubaix",
			"ENSAIT|Roubaix", "École nationale supérieure d'architecture de Lille|Villeneuve-d'Ascq",
			"Université de technologie de Compiègne|Compiègne");

	private static final List<String> UNIVERSITY_UNITS = List.of("Faculté de médecine", "Faculté de pharmacie",
			"Institut d'administration des entreprises", "IUT", "Service des relations internationales",
			"Département de géographie", "Laboratoire de sociologie", "Faculté des sciences économiques",
			"Bureau des étudiants", "Association des étudiants en santé", "Master coopération internationale",
			"Institut de formation en travail social", "Faculté des langues");

	private static final List<String> SOCIO_PROFESSIONAL = List.of("Chambre de commerce et d'industrie",
			"Chambre de métiers et de l'artisanat", "Chambre d'agriculture", "Union locale des syndicats",
			"Ordre des médecins – délégation", "Union des commerçants", "Groupement des agriculteurs",
			"Fédération du bâtiment");

	private static final List<String> PUBLIC_BODIES = List.of("Maison de l'emploi", "Office de tourisme",
			"Centre communal d'action sociale", "Agence d'urbanisme", "Maison des associations",
			"Médiathèque municipale", "Conservatoire à rayonnement départemental", "Mission locale");

	// generic bodies only: no invented local branch of a real national organisation
	private static final List<String> OTHER_ASSOCIATIONS = List.of("Maison des jeunes et de la culture",
			"Amicale laïque", "Foyer rural", "Harmonie municipale", "Association sportive", "Club de football",
			"Compagnie de théâtre", "Comité des fêtes", "Université populaire", "Association des parents d'élèves");

	private static final List<String> COMPANY_TRADES = List.of("Ingénierie", "Conseil", "Énergies", "Transports",
			"Bâtiment", "Informatique", "Solaire", "Agroalimentaire", "Logistique", "Textile");

	private static final List<String> DEPARTEMENTS = List.of("Département du Nord", "Département du Pas-de-Calais",
			"Département de la Somme", "Département de l'Oise", "Département de l'Aisne");

	private ActorNames() {
	}

	static String name(String type, Subject s, SplittableRandom random) {
		String commune = s.commune().name();
		return switch (type) {
			case "association-solidarite-internationale" -> solidarity(s, random);
			case "association-migrants" -> migrants(s, random);
			case "comite-jumelage" -> "Comité de jumelage " + commune + " – " + s.town();
			case "centre-social" -> (random.nextBoolean() ? "Centre social " + any(Words.NEIGHBOURHOODS, random)
					: "Centre social " + any(Words.NAMESAKES, random) + " de " + commune);
			case "association-autre" -> any(OTHER_ASSOCIATIONS, random) + " de " + commune;
			case "fondation" -> (random.nextInt(3) == 0
					? "Fonds de dotation " + any(Words.SOLIDARITY_WORDS, random) + " " + s.countryName()
					: "Fondation " + any(Words.SURNAMES, random));
			case "etablissement-scolaire" -> school(commune, random);
			case "organisme-formation" -> (random.nextBoolean() ? "GRETA " + commune
					: "Centre de formation " + any(Words.SOLIDARITY_WORDS, random) + " de " + commune);
			case "universite" -> university(random);
			case "commune" -> ((s.commune().population() >= 10000) ? "Ville de " : "Commune de ") + commune;
			case "intercommunalite" ->
				(s.commune().epciName() != null) ? s.commune().epciName() : "Communauté de communes de " + commune;
			case "departement" -> departement(s.commune().departement());
			case "region" -> "Région Hauts-de-France";
			case "etablissement-sante" -> switch (random.nextInt(4)) {
				case 0 -> "Clinique " + any(Words.NAMESAKES, random);
				case 1 -> "Centre de santé de " + commune;
				default -> "Centre hospitalier de " + commune;
			};
			case "ifsi" ->
				(random.nextBoolean() ? "IFSI de " : "Institut de formation en soins infirmiers de ") + commune;
			case "entreprise" -> any(Words.SURNAMES, random) + " " + any(COMPANY_TRADES, random)
					+ (random.nextBoolean() ? " SARL" : " SAS");
			case "organisation-socioprofessionnelle" -> any(SOCIO_PROFESSIONAL, random) + " de " + commune;
			case "reseau-collectif" -> (random.nextBoolean() ? "Collectif " + commune + " Solidarités"
					: "Réseau " + any(Words.SOLIDARITY_WORDS, random) + " " + s.countryName());
			case "etablissement-public" -> any(PUBLIC_BODIES, random) + " de " + commune;
			default -> (random.nextBoolean()
					? "Paroisse Saint-" + any(List.of("Pierre", "Martin", "Éloi", "Vaast"), random) + " de " + commune
					: "Groupe " + any(Words.SOLIDARITY_WORDS, random) + " " + commune);
		};
	}

	private static String solidarity(Subject s, SplittableRandom random) {
		String commune = s.commune().name();
		String word = any(Words.SOLIDARITY_WORDS, random);
		return switch (random.nextInt(11)) {
			case 0 -> "Association Solidarité " + commune + "-" + s.countryName();
			case 1 -> "Les Amis de " + s.town();
			case 2 -> commune + " " + word + " " + s.countryName();
			case 3 -> "Association " + commune + " – " + s.town();
			case 4 -> word + " " + s.countryName();
			case 5 -> "Un puits pour " + s.town();
			case 6 -> "Des écoles pour " + s.town();
			case 7 -> "Association " + word + " Nord – " + s.town();
			case 8 -> "Les Enfants de " + s.town();
			case 9 -> word + " sans frontières " + commune;
			default -> "Collectif " + word + " " + s.countryName() + " " + commune;
		};
	}

	private static String migrants(Subject s, SplittableRandom random) {
		String commune = s.commune().name();
		if (s.people() == null) {
			return "Association des originaires de " + s.town() + " en France";
		}
		return switch (random.nextInt(5)) {
			case 0, 1 -> "Association des ressortissants " + s.people() + " de " + commune;
			case 2 -> "Association des originaires de " + s.town() + " en France";
			case 3 -> "Union des " + capitalized(s.people()) + " du Nord";
			default -> "Association culturelle des " + capitalized(s.people()) + " de " + commune;
		};
	}

	private static String university(SplittableRandom random) {
		String university = any(UNIVERSITIES, random);
		String name = university.substring(0, university.indexOf('|'));
		return (random.nextInt(3) == 0) ? name : any(UNIVERSITY_UNITS, random) + " – " + name;
	}

	/**
	 * The commune of the main campus of the university named in {@code name}, or null.
	 */
	static String universityCommune(String name) {
		for (String university : UNIVERSITIES) {
			if (name.endsWith(university.substring(0, university.indexOf('|')))) {
				return university.substring(university.indexOf('|') + 1);
			}
		}
		return null;
	}

	/** Demonyms are capitalised as nouns ("les Maliens") and not as adjectives. */
	private static String capitalized(String people) {
		return Character.toUpperCase(people.charAt(0)) + people.substring(1);
	}

	private static String school(String commune, SplittableRandom random) {
		String namesake = any(Words.NAMESAKES, random);
		return switch (random.nextInt(8)) {
			case 0, 1 -> "Collège " + namesake;
			case 2, 3 -> "Lycée " + namesake;
			case 4 -> "Lycée professionnel " + namesake;
			case 5 -> "École élémentaire " + namesake;
			case 6 -> "Lycée agricole de " + commune;
			default -> "Lycée polyvalent " + namesake + " de " + commune;
		};
	}

	private static String departement(String code) {
		return switch (code == null ? "" : code) {
			case "62" -> DEPARTEMENTS.get(1);
			case "80" -> DEPARTEMENTS.get(2);
			case "60" -> DEPARTEMENTS.get(3);
			case "02" -> DEPARTEMENTS.get(4);
			default -> DEPARTEMENTS.get(0);
		};
	}

	static boolean isAssociation(String type) {
		return type.startsWith("association") || type.equals("comite-jumelage") || type.equals("centre-social")
				|| type.equals("fondation");
	}

	static boolean isLocalAuthority(String type) {
		return type.equals("commune") || type.equals("intercommunalite") || type.equals("departement")
				|| type.equals("region");
	}

}
