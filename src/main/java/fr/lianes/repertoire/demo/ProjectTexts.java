package fr.lianes.repertoire.demo;

import fr.lianes.repertoire.reference.Slugs;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import static fr.lianes.repertoire.demo.Words.any;
import static java.util.Map.entry;

/**
 * Titles, natures, beneficiaries and partner names of projects, by sub-domain (titles)
 * and by top-level domain (the rest). {@code {loc}} stands for the locality.
 */
final class ProjectTexts {

	private static final Map<String, List<String>> TITLES = Map.ofEntries(
			entry("infrastructures-scolaires",
					List.of("Construction d'une école primaire à {loc}", "Réhabilitation de salles de classe à {loc}",
							"Construction d'une cantine scolaire à {loc}")),
			entry("education-de-base",
					List.of("Scolarisation des enfants de {loc}", "Parrainage scolaire à {loc}",
							"Fournitures scolaires pour les écoles de {loc}")),
			entry("enseignement-non-formel",
					List.of("Classes d'alphabétisation pour adultes à {loc}", "Centre d'alphabétisation de {loc}")),
			entry("echanges-scolaires",
					List.of("Correspondance et échanges scolaires avec {loc}", "Échange de lycéens avec {loc}")),
			entry("enseignement-superieur-recherche",
					List.of("Partenariat universitaire avec {loc}", "Programme de recherche conjoint à {loc}",
							"Mobilité étudiante avec {loc}")),
			entry("formation-professionnelle",
					List.of("Centre de formation aux métiers à {loc}",
							"Formation professionnelle des jeunes de {loc}")),
			entry("equipement-sanitaire",
					List.of("Équipement du centre de santé de {loc}", "Envoi de matériel médical à {loc}",
							"Construction d'une maternité à {loc}")),
			entry("formation-personnel-sante",
					List.of("Formation de sages-femmes à {loc}", "Formation des infirmiers de {loc}",
							"Stages croisés de soignants avec {loc}")),
			entry("soins-prevention",
					List.of("Prévention du paludisme à {loc}", "Missions chirurgicales à {loc}",
							"Campagne de vaccination à {loc}")),
			entry("nutrition",
					List.of("Lutte contre la malnutrition infantile à {loc}",
							"Centre de récupération nutritionnelle de {loc}")),
			entry("acces-eau",
					List.of("Accès à l'eau potable dans la commune de {loc}", "Forage et château d'eau à {loc}",
							"Puits villageois autour de {loc}")),
			entry("agriculture",
					List.of("Appui aux groupements agricoles de {loc}", "Banque de céréales à {loc}",
							"Agroécologie autour de {loc}")),
			entry("maraichage", List.of("Jardins maraîchers des femmes de {loc}", "Périmètre maraîcher à {loc}")),
			entry("environnement", List.of("Reboisement autour de {loc}", "Gestion des déchets à {loc}")),
			entry("energie", List.of("Électrification solaire à {loc}", "Foyers améliorés à {loc}")),
			entry("petite-enfance", List.of("Soutien à l'orphelinat de {loc}", "Crèche communautaire de {loc}")),
			entry("insertion-jeunes", List.of("Insertion des jeunes de la rue à {loc}", "Bourses d'insertion à {loc}")),
			entry("promotion-femmes", List.of("Autonomie des femmes de {loc}", "Maison des femmes de {loc}")),
			entry("handicap", List.of("Accueil d'enfants handicapés à {loc}", "Appareillage orthopédique à {loc}")),
			entry("chantiers-jeunes",
					List.of("Chantier de jeunes à {loc}", "Chantier international de solidarité à {loc}")),
			entry("echanges-jeunes", List.of("Échange de jeunes avec {loc}", "Rencontres jeunesse Nord – {loc}")),
			entry("sport",
					List.of("Pratique sportive des jeunes filles à {loc}", "Tournoi de football solidaire à {loc}")),
			entry("activites-generatrices-revenus",
					List.of("Activités génératrices de revenus à {loc}", "Moulin à grains des femmes de {loc}")),
			entry("microfinance", List.of("Caisse de microcrédit de {loc}", "Tontine et microcrédit à {loc}")),
			entry("artisanat", List.of("Centre artisanal de {loc}", "Apprentissage des métiers artisanaux à {loc}")),
			entry("tourisme", List.of("Tourisme solidaire à {loc}", "Campement villageois de {loc}")),
			entry("commerce-equitable",
					List.of("Filière équitable de {loc}", "Commercialisation équitable des produits de {loc}")),
			entry("echanges-culturels",
					List.of("Échanges culturels et artistiques avec {loc}", "Festival des cultures de {loc}")),
			entry("patrimoine",
					List.of("Sauvegarde du patrimoine de {loc}", "Restauration du patrimoine bâti de {loc}")),
			entry("lecture-publique", List.of("Bibliothèque de {loc}", "Création d'une médiathèque à {loc}")),
			entry("administration-locale",
					List.of("Appui à l'état civil de {loc}", "Renforcement des services municipaux de {loc}")),
			entry("societe-civile",
					List.of("Renforcement des associations de {loc}", "Appui à la société civile de {loc}")),
			entry("droits-humains", List.of("Accès au droit à {loc}", "Défense des droits des enfants à {loc}")),
			entry("sensibilisation",
					List.of("Sensibilisation à la solidarité internationale à {loc}",
							"Interventions en milieu scolaire à {loc}")),
			entry("evenements-solidaires",
					List.of("Festival des Solidarités à {loc}", "Semaine de la solidarité internationale à {loc}")),
			entry("education-citoyennete-mondiale",
					List.of("Éducation à la citoyenneté mondiale à {loc}",
							"Parcours citoyenneté mondiale des collégiens de {loc}")),
			entry("aide-urgence", List.of("Aide d'urgence aux sinistrés de {loc}", "Secours aux déplacés de {loc}")),
			entry("reconstruction",
					List.of("Reconstruction après la catastrophe à {loc}", "Reconstruction d'écoles à {loc}")));

	private static final Map<String, String> NATURES = Map.ofEntries(
			entry("infrastructures-scolaires", "CONSTRUCTION_EQUIPMENT"),
			entry("equipement-sanitaire", "CONSTRUCTION_EQUIPMENT"), entry("acces-eau", "CONSTRUCTION_EQUIPMENT"),
			entry("energie", "CONSTRUCTION_EQUIPMENT"), entry("reconstruction", "CONSTRUCTION_EQUIPMENT"),
			entry("lecture-publique", "CONSTRUCTION_EQUIPMENT"), entry("echanges-scolaires", "EXCHANGE"),
			entry("echanges-jeunes", "EXCHANGE"), entry("echanges-culturels", "EXCHANGE"),
			entry("chantiers-jeunes", "EXCHANGE"), entry("enseignement-superieur-recherche", "EXCHANGE"),
			entry("administration-locale", "INSTITUTIONAL_SUPPORT"), entry("societe-civile", "INSTITUTIONAL_SUPPORT"),
			entry("droits-humains", "INSTITUTIONAL_SUPPORT"), entry("microfinance", "FINANCIAL_SUPPORT"),
			entry("education-de-base", "FINANCIAL_SUPPORT"), entry("aide-urgence", "FINANCIAL_SUPPORT"));

	private static final Map<String, String> BENEFICIARIES = Map.ofEntries(
			entry("education", "les élèves, les enseignants et les familles"),
			entry("sante", "les femmes enceintes, les enfants de moins de cinq ans et le personnel soignant"),
			entry("developpement-rural", "les familles paysannes et les groupements de femmes"),
			entry("action-sociale", "les enfants, les jeunes et les femmes en situation de précarité"),
			entry("jeunesse", "les jeunes de la région et leurs homologues"),
			entry("economie", "les artisans, les commerçantes et les groupements de producteurs"),
			entry("culture", "les artistes et le public des deux pays"),
			entry("appui-institutionnel", "les élus, les agents municipaux et les associations locales"),
			entry("education-au-developpement", "les élèves, les habitants et les bénévoles de la région"),
			entry("urgence", "les familles sinistrées"));

	private static final Map<String, List<String>> PARTNERS = Map.ofEntries(
			entry("education",
					List.of("École primaire de {loc}", "Lycée de {loc}", "Association des parents d'élèves de {loc}",
							"Université de {loc}")),
			entry("sante",
					List.of("Centre de santé de {loc}", "Hôpital de district de {loc}",
							"Association des sages-femmes de {loc}")),
			entry("developpement-rural",
					List.of("Association des femmes maraîchères de {loc}", "Groupement villageois de {loc}",
							"Coopérative agricole de {loc}")),
			entry("action-sociale",
					List.of("Association pour la promotion des femmes de {loc}", "Orphelinat de {loc}",
							"Centre d'accueil des enfants de {loc}")),
			entry("jeunesse", List.of("Union des jeunes de {loc}", "Club sportif de {loc}")),
			entry("economie", List.of("Coopérative artisanale de {loc}", "Mutuelle d'épargne et de crédit de {loc}")),
			entry("culture", List.of("Centre culturel de {loc}", "Troupe artistique de {loc}")),
			entry("appui-institutionnel", List.of("Mairie de {loc}", "Commune de {loc}")),
			entry("urgence", List.of("Comité de reconstruction de {loc}", "Croissant-Rouge local de {loc}")));

	private static final Map<String, String> NATURE_SENTENCES = Map.of("COLLECTION_DONATION",
			"Du matériel est collecté chaque année dans la région puis acheminé par conteneur.", "TRAINING",
			"Des sessions de formation sont animées sur place par des bénévoles et des professionnels de la région.",
			"CONSTRUCTION_EQUIPMENT",
			"Les travaux sont confiés à des artisans locaux et suivis par un comité de gestion.",
			"INSTITUTIONAL_SUPPORT", "L'appui porte sur l'organisation des services et la formation des agents.",
			"EXCHANGE", "Des délégations se rendent visite chaque année pour construire le projet ensemble.",
			"FINANCIAL_SUPPORT", "Le soutien financier est assuré par des parrainages et des manifestations locales.",
			"AWARENESS", "Des animations sont proposées aux écoles, aux centres sociaux et au grand public.");

	private static final List<String> COLLECTED = List.of("infrastructures-scolaires", "education-de-base",
			"equipement-sanitaire", "soins-prevention", "nutrition", "petite-enfance", "handicap", "lecture-publique",
			"formation-professionnelle", "sport", "aide-urgence");

	static final List<String> FUNDERS = List.of("Région Hauts-de-France", "Agence Française de Développement",
			"Ministère de l'Europe et des Affaires étrangères", "Département du Nord", "Département du Pas-de-Calais",
			"Métropole Européenne de Lille", "Agence de l'eau Artois-Picardie", "Fondation Norsys", "Caisse d'Épargne",
			"FONJEP", "Ville de Lille", "Communauté urbaine de Dunkerque");

	private ProjectTexts() {
	}

	static String title(String subDomain, String locality, SplittableRandom random) {
		List<String> templates = TITLES.getOrDefault(subDomain, List.of("Projet de solidarité à {loc}"));
		return fill(any(templates, random), locality);
	}

	/**
	 * The nature of an action of this sub-domain. Collections of goods (school supplies,
	 * medical equipment...) are frequent where goods help, and only there.
	 */
	static String nature(String subDomain, SplittableRandom random) {
		if (COLLECTED.contains(subDomain) && random.nextInt(100) < 78) {
			return "COLLECTION_DONATION";
		}
		if (random.nextInt(5) == 0) {
			return "TRAINING";
		}
		return NATURES.getOrDefault(subDomain, random.nextBoolean() ? "TRAINING" : "CONSTRUCTION_EQUIPMENT");
	}

	static String beneficiaries(String topDomain, SplittableRandom random) {
		String who = BENEFICIARIES.getOrDefault(topDomain, "les habitants");
		int people = (1 + random.nextInt(40)) * ((random.nextInt(4) == 0) ? 250 : 25);
		return String.format(Locale.FRANCE, "Environ %,d personnes : %s.", people, who);
	}

	static String partnerName(String topDomain, String locality, SplittableRandom random) {
		return fill(any(PARTNERS.getOrDefault(topDomain, List.of("Association de développement de {loc}")), random),
				locality);
	}

	static String description(String actorName, String title, String locality, String countryName, String partner,
			String nature, String beneficiaries, SplittableRandom random) {
		StringBuilder text = new StringBuilder();
		text.append(title).append(" (").append(locality).append(", ").append(countryName).append("). ");
		text.append("Porteur du projet : ").append(actorName).append(". ");
		if (partner != null) {
			text.append("Partenaire local : ").append(partner).append(". ");
		}
		text.append(NATURE_SENTENCES.get(nature));
		if (random.nextBoolean()) {
			text.append(" Il bénéficie à ")
				.append(Character.toLowerCase(beneficiaries.charAt(0)))
				.append(beneficiaries.substring(1));
		}
		if (random.nextInt(3) == 0) {
			text.append(" Un bilan est présenté chaque année aux adhérents et aux partenaires.");
		}
		return text.toString();
	}

	/** Replaces {loc}, eliding "de" before a vowel ("d'Abomey"). */
	static String fill(String template, String locality) {
		char first = Slugs.slugify(locality).isEmpty() ? 'x' : Slugs.slugify(locality).charAt(0);
		if ("aeiou".indexOf(first) >= 0) {
			template = template.replace(" de {loc}", " d'{loc}");
		}
		return template.replace("{loc}", locality);
	}

}
