package fr.lianes.repertoire.search;

import java.util.List;

import fr.lianes.repertoire.testing.TypedActor;

import static fr.lianes.repertoire.testing.TypedActor.TypedProject.agreement;
import static fr.lianes.repertoire.testing.TypedActor.TypedProject.inTheRegion;
import static fr.lianes.repertoire.testing.TypedActor.TypedProject.project;
import static fr.lianes.repertoire.testing.TypedActor.actor;

/**
 * The actors of the relevance suite, written by hand as their authors would answer the
 * questionnaire, with the names, places and vocabulary of the network's documents
 * (context/000, 001, 003): the decentralised-cooperation agreements of Villeneuve d'Ascq,
 * Grande-Synthe and the Region, the Minas Gerais partnership of the mining basin, the
 * network itself, the migrants' collectives, schools, a hospital, a research institute, a
 * sports club… Each word a query of {@link RelevanceCases} looks for is placed here on
 * purpose: in a name, an acronym, a project's title, locality, partner or description
 * only.
 */
final class RelevanceActors {

	private RelevanceActors() {
	}

	static List<TypedActor> all() {
		return List.of(actor("villeneuve", "Ville de Villeneuve-d'Ascq", "commune", "59650", "Villeneuve-d'Ascq")
			.description("La ville accompagne les associations de solidarité internationale de son territoire.")
			.networks("cites-unies-france", "lianes-cooperation")
			.project(agreement("Convention de coopération Villeneuve d'Ascq – Tanguiéta", "Commune de Tanguiéta")
				.in("BJ")
				.localities("Tanguiéta")
				.partner("AADACT", "Tanguiéta", "BJ")
				.domains("artisanat", "formation-professionnelle")
				.years("2018", "")
				.description("Signée le 22 novembre 2024 : classes d'alphabétisation, bourses d'insertion "
						+ "et centre d'apprentissage des métiers artisanaux électrifié.")),
				actor("grande-synthe", "Ville de Grande-Synthe", "commune", "59760", "Grande-Synthe")
					.description("Ville du Dunkerquois engagée dans la transition écologique et sociale.")
					.project(agreement("Convention de partenariat Grande-Synthe – Sidi Ifni", "Commune de Sidi Ifni")
						.in("MA")
						.localities("Sidi Ifni")
						.domains("environnement", "echanges-jeunes")
						.years("2024", "")
						.description("Réhabilitation d'un parc urbain : nature en ville, économies d'énergie, "
								+ "utilisation rationnelle de l'eau, agriculture urbaine, jeunesse et sport.")),
				actor("region", "Région Hauts-de-France", "region", "59000", "Lille")
					.description("Le conseil régional conduit les relations internationales de la région.")
					.project(agreement("Protocole d'entente avec l'oblast de Dnipropetrovsk",
							"Oblast de Dnipropetrovsk")
						.in("UA")
						.localities("Dnipro")
						.domains("environnement", "formation-professionnelle")
						.years("2024", "2029")
						.description("Économie circulaire dans l'esprit de rev3, formation des jeunes, impression 3D, "
								+ "énergies alternatives et gestion des fonds européens Interreg."))
					.project(agreement("Coopération décentralisée avec la région de Kayes", "Conseil régional de Kayes")
						.in("ML")
						.localities("Kayes")
						.domains("sante", "education")
						.description("Santé : dispositif 1 % Nord-Sud ; éducation et formation professionnelle."))
					.project(agreement("Coopération avec Saint-Louis et Matam", "Conseil départemental de Saint-Louis")
						.in("SN")
						.localities("Saint-Louis", "Matam")
						.domains("agriculture")
						.description("Appui à l'agriculture irriguée dans la vallée du fleuve Sénégal."))
					.project(agreement("Partenariat avec le Minas Gerais", "État du Minas Gerais").in("BR")
						.localities("Belo Horizonte")
						.domains("environnement")
						.description("Reconversion des territoires miniers et développement durable.")),
				actor("asnbnf", "Artisanat Solidarité Nord Bénin Nord de France",
						"association-solidarite-internationale", "59650", "Villeneuve-d'Ascq")
					.acronym("ASNBNF")
					.description("Soutien aux artisans du nord du Bénin depuis 2018.")
					.networks("lianes-cooperation")
					.project(project("Centre d'apprentissage des métiers artisanaux").in("BJ")
						.localities("Tanguiéta")
						.partner("AADACT", "Tanguiéta", "BJ")
						.domains("artisanat", "formation-professionnelle")
						.nature("CONSTRUCTION_EQUIPMENT")
						.description("Construction d'un centre électrifié, classes d'alphabétisation pour les "
								+ "apprentis et bourses d'insertion.")),
				actor("esbva", "Entente Sportive Basket Villeneuve d'Ascq Lille Métropole", "association-autre",
						"59650", "Villeneuve-d'Ascq")
					.acronym("ESBVA-LM")
					.description("Club de basketball féminin de la métropole lilloise.")
					.project(project("Basket et égalité filles-garçons à Tanguiéta").in("BJ")
						.localities("Tanguiéta")
						.partner("Club de basket de Tanguiéta", "Tanguiéta", "BJ")
						.domains("sport", "promotion-femmes")
						.nature("EXCHANGE")
						.description("Stages d'entraîneurs et équipement des équipes de jeunes filles, "
								+ "pratique sportive comme facteur d'éducation et de développement local.")),
				actor("lianes", "Lianes coopération", "reseau-collectif", "59000", "Lille")
					.description("Réseau régional multi-acteurs de la coopération internationale des Hauts-de-France : "
							+ "information, conseil, mise en relation et formation des porteurs de projets.")
					.networks("festival-des-solidarites")
					.project(inTheRegion("Festival des Solidarités en Hauts-de-France").localities("Lille", "Amiens")
						.domains("evenements-solidaires")
						.description("Coordination régionale (CORAS) du Festival des Solidarités, l'ancienne "
								+ "Semaine de la solidarité internationale."))
					.project(project("Programme Inspire").in("UA", "MD")
						.domains("societe-civile")
						.nature("INSTITUTIONAL_SUPPORT")
						.description("Accompagnement des collectivités et des associations qui coopèrent avec "
								+ "l'Europe de l'Est."))
					.project(project("Appui à la coopération franco-marocaine").in("MA")
						.domains("administration-locale")
						.nature("INSTITUTIONAL_SUPPORT")
						.description("Mise en relation de collectivités des Hauts-de-France et du Maroc, "
								+ "missions d'élus et de services.")),
				actor("cefir", "CEFIR", "association-migrants", "59140", "Dunkerque")
					.description("Centre de ressources des associations issues des migrations du littoral.")
					.networks("cosim-hauts-de-france", "forim")
					.project(inTheRegion("Formation des porteurs de projets issus des migrations")
						.localities("Dunkerque")
						.domains("societe-civile")
						.nature("TRAINING")
						.description("Cycle de formation : montage de projets, recherche de financements, "
								+ "partenariats avec les villages d'origine.")),
				actor("cosim", "COSIM Hauts-de-France", "reseau-collectif", "59000", "Lille")
					.description("Collectif régional des organisations de solidarité internationale issues des "
							+ "migrations, créé en 2009 avec le FORIM et le CEFIR.")
					.networks("forim", "lianes-cooperation")
					.project(inTheRegion("Rencontres des OSIM d'ici et de là-bas").localities("Lille")
						.domains("societe-civile", "sensibilisation")
						.description("Partage d'expériences, échanges de savoir-faire et mise en réseau avec "
								+ "les collectivités.")),
				actor("pasteur", "Institut Pasteur de Lille", "fondation", "59000", "Lille")
					.description(
							"Fondation de recherche biomédicale : maladies infectieuses, nutrition, vieillissement.")
					.project(project("BILHVAX, un vaccin contre la bilharziose").in("SN")
						.localities("Saint-Louis", "Richard-Toll")
						.partner("Centre de recherche biomédicale Espoir pour la santé", "Saint-Louis", "SN")
						.domains("enseignement-superieur-recherche", "soins-prevention")
						.nature("EXCHANGE")
						.description("Essai clinique chez les enfants de la vallée du fleuve Sénégal, où sévit la "
								+ "schistosomiase urinaire.")),
				actor("lens-lievin", "Communauté d'agglomération de Lens-Liévin", "intercommunalite", "62300", "Lens")
					.description("Agglomération du bassin minier.")
					.project(agreement("Coopération avec Itabira", "Municipalité d'Itabira").in("BR")
						.localities("Itabira")
						.domains("environnement", "patrimoine")
						.description("Reconversion des sites miniers et patrimoine industriel, dans le partenariat "
								+ "entre le Minas Gerais et le Nord-Pas-de-Calais.")),
				actor("henin-carvin", "Communauté d'agglomération d'Hénin-Carvin", "intercommunalite", "62110",
						"Hénin-Beaumont")
					.project(agreement("Coopération avec l'Alto Paraopeba",
							"Consortium public pour le développement de l'Alto Paraopeba")
						.in("BR")
						.localities("Congonhas")
						.domains("administration-locale")
						.description("Échanges entre services techniques sur le traitement des eaux usées.")),
				actor("mission-bassin-minier", "Mission Bassin Minier Nord-Pas de Calais", "etablissement-public",
						"62750", "Loos-en-Gohelle")
					.project(project("Géoparc du Quadrilatère ferrifère").in("BR")
						.localities("Ouro Preto")
						.partner("Geopark Quadrilátero Ferrífero", "Belo Horizonte", "BR")
						.domains("patrimoine", "tourisme")
						.nature("EXCHANGE")
						.description("Inscription au patrimoine mondial de l'Unesco et valorisation des terrils.")),
				actor("scarpe-escaut", "Parc naturel régional Scarpe-Escaut", "etablissement-public", "59230",
						"Saint-Amand-les-Eaux")
					.project(project("Mosaïque Sertão Veredas – Peruaçu").in("BR")
						.localities("Januária")
						.partner("Mosaico Sertão Veredas-Peruaçu", "Januária", "BR")
						.domains("environnement")
						.description("Gestion des zones humides et des savanes du cerrado, formation des gardes.")),
				actor("tchernobyl", "Les Enfants de Tchernobyl", "association-solidarite-internationale", "59500",
						"Douai")
					.description("Accueil en familles, l'été, d'enfants des zones contaminées par le nucléaire.")
					.project(project("Séjours de santé pour les enfants du Bélarus").in("BY")
						.localities("Gomel")
						.domains("soins-prevention", "echanges-jeunes")
						.nature("EXCHANGE")
						.description("Trois semaines d'air pur et de suivi médical pour des enfants exposés à la "
								+ "radioactivité.")),
				actor("maliens-littoral", "Association des Maliens du Littoral", "association-migrants", "59140",
						"Dunkerque")
					.description("OSIM des ressortissants de la région de Kayes installés sur le littoral.")
					.networks("cosim-hauts-de-france")
					.project(project("Centre de santé communautaire de Diéma").in("ML")
						.localities("Diéma")
						.partner("ASACO de Diéma", "Diéma", "ML")
						.domains("equipement-sanitaire")
						.nature("CONSTRUCTION_EQUIPMENT")
						.description("Construction d'une maternité et d'un dépôt de médicaments ; formation des "
								+ "matrones à la prévention du paludisme."))
					.project(project("Fonds villageois de microcrédit").in("ML")
						.localities("Diéma")
						.domains("microfinance", "activites-generatrices-revenus")
						.nature("FINANCIAL_SUPPORT")
						.description("Un fonds de garantie pour les tontines des femmes, des prêts pour le petit "
								+ "commerce et l'embouche ovine.")),
				actor("ngazidja", "Ngazidja Solidarité Sambre", "association-migrants", "59600", "Maubeuge")
					.description("Diaspora comorienne du Val de Sambre.")
					.project(project("Adduction d'eau potable à Mitsamiouli").in("KM")
						.localities("Mitsamiouli")
						.partner("Comité villageois de Mitsamiouli", "Mitsamiouli", "KM")
						.domains("acces-eau")
						.nature("CONSTRUCTION_EQUIPMENT")
						.description("Citernes, réseau d'adduction et comité de gestion de l'eau.")),
				actor("lycee-agricole", "Lycée agricole de Douai-Wagnonville", "etablissement-scolaire", "59500",
						"Douai")
					.project(project("Échanges avec un lycée agricole d'Analanjirofo").in("MG")
						.localities("Fénérive-Est")
						.partner("Lycée technique agricole de Fénérive-Est", "Fénérive-Est", "MG")
						.domains("echanges-scolaires", "agriculture")
						.nature("EXCHANGE")
						.description("Stages croisés d'élèves sur la culture du girofle et de la vanille, et sur la "
								+ "pisciculture.")),
				actor("college-mace", "Collège Jean Macé", "etablissement-scolaire", "62100", "Calais")
					.project(project("Correspondance scolaire avec Ziguinchor").kind("DEVELOPMENT_EDUCATION")
						.nature("AWARENESS")
						.in("SN")
						.localities("Ziguinchor")
						.domains("education-citoyennete-mondiale")
						.description("Lettres, blogs de classe et visioconférences entre élèves de cinquième ; "
								+ "collecte de manuels scolaires.")),
				actor("ch-valenciennes", "Centre hospitalier de Valenciennes", "etablissement-sante", "59300",
						"Valenciennes")
					.description("Hôpital public du Valenciennois.")
					.project(project("Jumelage hospitalier avec Kayes").in("ML")
						.localities("Kayes")
						.partner("Hôpital Fousseyni Daou", "Kayes", "ML")
						.domains("formation-personnel-sante", "equipement-sanitaire")
						.description("Formation des sages-femmes et des infirmiers du bloc opératoire, envoi de "
								+ "matériel de néonatalogie.")),
				actor("ifsi-bethune", "Institut de formation en soins infirmiers de Béthune", "ifsi", "62400",
						"Béthune")
					.acronym("IFSI")
					.project(project("Stages infirmiers à Mahajanga").in("MG")
						.localities("Mahajanga")
						.partner("Institut de formation des paramédicaux de Mahajanga", "Mahajanga", "MG")
						.domains("formation-personnel-sante")
						.nature("EXCHANGE")
						.description("Stages d'étudiants de troisième année en pédiatrie et en maternité.")),
				actor("universite-lille", "Université de Lille", "universite", "59650", "Villeneuve-d'Ascq")
					.project(project("Master de santé publique à Saint-Louis").in("SN")
						.localities("Saint-Louis")
						.partner("Université Gaston Berger", "Saint-Louis", "SN")
						.domains("enseignement-superieur-recherche")
						.description("Double diplôme, mobilité des enseignants-chercheurs et thèses en cotutelle sur "
								+ "l'épidémiologie du paludisme.")),
				actor("artisans-du-monde", "Artisans du Monde Amiens", "association-autre", "80000", "Amiens")
					.description("Boutique de commerce équitable.")
					.networks("artisans-du-monde")
					.project(inTheRegion("Animations dans les lycées").localities("Amiens", "Abbeville")
						.domains("commerce-equitable", "sensibilisation")
						.description("Ateliers sur les filières du cacao et du coton, jeux de rôle sur la "
								+ "rémunération des producteurs.")),
				actor("agence-eau", "Agence de l'eau Artois-Picardie", "etablissement-public", "59500", "Douai")
					.project(project("1 % solidaire pour l'eau au Niger").in("NE")
						.localities("Tillabéri")
						.partner("Direction régionale de l'hydraulique de Tillabéri", "Tillabéri", "NE")
						.domains("acces-eau")
						.nature("FINANCIAL_SUPPORT")
						.description("Cofinancement de forages équipés de pompes solaires et de latrines scolaires.")),
				actor("jumelage-lievin", "Comité de jumelage Liévin – Dori", "comite-jumelage", "62800", "Liévin")
					.project(project("Chantier de jeunes à l'école de Dori").in("BF")
						.localities("Dori")
						.partner("Mairie de Dori", "Dori", "BF")
						.domains("chantiers-jeunes", "echanges-jeunes")
						.nature("EXCHANGE")
						.description("Rénovation d'une école et accueil réciproque de familles.")),
				actor("pas-de-calais", "Département du Pas-de-Calais", "departement", "62000", "Arras")
					.project(agreement("Coopération décentralisée avec Grand-Popo", "Commune de Grand-Popo").in("BJ")
						.localities("Grand-Popo")
						.domains("administration-locale", "tourisme")
						.description("Appui aux services municipaux, tourisme solidaire et lutte contre l'érosion "
								+ "côtière.")),
				actor("haiti", "Haïti Solidarité Nord", "association-solidarite-internationale", "59280", "Armentières")
					.description("Aide d'urgence puis reconstruction après le séisme de 2010.")
					.project(project("Reconstruction d'écoles paracycloniques").in("HT")
						.localities("Jacmel", "Léogâne")
						.partner("Fondation pour l'éducation de Jacmel", "Jacmel", "HT")
						.domains("reconstruction", "infrastructures-scolaires")
						.nature("CONSTRUCTION_EQUIPMENT")
						.description("Écoles résistantes aux cyclones, formation des maçons aux techniques "
								+ "parasismiques.")),
				actor("graines-de-baobab", "Graines de Baobab", "association-solidarite-internationale", "59150",
						"Wattrelos")
					.description("Appui aux groupements féminins du Sahel.")
					.project(project("Transformation du moringa et du karité").in("BF")
						.localities("Koudougou")
						.partner("Union des groupements féminins Ragussi", "Koudougou", "BF")
						.domains("activites-generatrices-revenus", "promotion-femmes")
						.nature("FINANCIAL_SUPPORT")
						.description("Séchage des feuilles de moringa, production de beurre de karité et vente sur "
								+ "les marchés.")),
				actor("lycee-berger", "Lycée Gaston Berger", "etablissement-scolaire", "59000", "Lille")
					.project(project("Échanges de lycéens avec Huế").in("VN")
						.localities("Huế")
						.partner("Lycée Quốc Học", "Huế", "VN")
						.domains("echanges-scolaires")
						.nature("EXCHANGE")
						.description("Accueil réciproque d'élèves de première, projet commun sur le patrimoine de la "
								+ "cité impériale.")));
	}

}
