package fr.lianes.repertoire.demo;

import fr.lianes.repertoire.reference.Slugs;
import java.util.List;
import java.util.SplittableRandom;

/**
 * French word lists of the demo directory: fictional people, streets, namesakes of
 * schools. Contact persons are made of common first names and surnames drawn
 * independently, so no real person is described.
 */
final class Words {

	static final List<String> FIRST_NAMES = List.of("Marie", "Nathalie", "Isabelle", "Sylvie", "Catherine", "Christine",
			"Sophie", "Valérie", "Sandrine", "Céline", "Aurélie", "Julie", "Camille", "Léa", "Manon", "Chloé", "Emma",
			"Inès", "Fatou", "Aïssatou", "Mariama", "Awa", "Fatima", "Samira", "Nadia", "Claire", "Anne", "Hélène",
			"Élodie", "Pauline", "Jean", "Philippe", "Michel", "Alain", "Patrick", "Nicolas", "Christophe", "Pierre",
			"Thierry", "Éric", "Laurent", "Olivier", "Stéphane", "Frédéric", "Julien", "Sébastien", "Thomas", "Antoine",
			"Hugo", "Lucas", "Mamadou", "Moussa", "Ibrahima", "Abdoulaye", "Ousmane", "Karim", "Mohamed", "Youssef",
			"Rachid", "Bernard", "Jacques", "Dominique", "Gérard", "Bruno", "François", "Benoît", "Vincent", "Mathieu",
			"Maxime", "Kevin");

	static final List<String> SURNAMES = List.of("Martin", "Bernard", "Dubois", "Durand", "Lefebvre", "Leroy", "Moreau",
			"Lefèvre", "Petit", "Roussel", "Dupont", "Lambert", "Fontaine", "Caron", "Lemaire", "Dumont", "Delattre",
			"Vandenberghe", "Vasseur", "Delcroix", "Leclercq", "Desmet", "Verhaeghe", "Lemaître", "Duhamel",
			"Carpentier", "Deschamps", "Dufour", "Hennebelle", "Delannoy", "Deleplanque", "Wattez", "Dewaele",
			"Vanhove", "Mortier", "Boulanger", "Lecomte", "Cordier", "Masson", "Marchand", "Diallo", "Traoré", "Diop",
			"Ndiaye", "Sow", "Koné", "Coulibaly", "Ouédraogo", "Camara", "Sylla", "Benali", "Haddad", "Mansouri",
			"El Amrani", "Nguyen", "Kowalski", "Nowak", "Da Silva", "Pereira", "Rakoto", "Andrianina", "Mbarga",
			"Kouassi", "Mensah", "Agbodjan", "Ducrocq", "Flament", "Hochart", "Lesage", "Poulain", "Ramery", "Tison");

	/** Roles of contact persons; the inclusive forms are those the network uses. */
	static final List<String> ROLES = List.of("Président·e", "Président·e", "Trésorier·e", "Secrétaire",
			"Chargé·e de mission", "Directeur·rice", "Coordinateur·rice", "Vice-président·e", "Bénévole référent·e",
			"Responsable des partenariats");

	static final List<String> SCHOOL_ROLES = List.of("Professeur·e référent·e", "Proviseur·e", "Principal·e",
			"Directeur·rice", "Conseiller·e principal·e d'éducation", "Professeur·e d'histoire-géographie");

	static final List<String> AUTHORITY_ROLES = List.of("Chargé·e de mission relations internationales",
			"Directeur·rice des relations internationales", "Élu·e délégué·e à la coopération",
			"Chargé·e de coopération décentralisée");

	static final List<String> STREET_KINDS = List.of("rue", "rue", "rue", "rue", "avenue", "boulevard", "place",
			"chemin", "allée", "impasse", "rue");

	static final List<String> STREET_NAMES = List.of("des Postes", "Nationale", "de la Gare", "Jean Jaurès",
			"Victor Hugo", "du Général de Gaulle", "de Paris", "Pasteur", "de la République", "Gambetta",
			"Roger Salengro", "Jules Ferry", "Léon Blum", "des Écoles", "du Moulin", "de l'Église", "Faidherbe",
			"Solférino", "Pierre Mauroy", "Jean Moulin", "Émile Zola", "de la Liberté", "du 8 Mai 1945", "Carnot",
			"de Lille", "d'Arras", "des Tilleuls", "des Acacias", "Anatole France", "Louis Pasteur", "de la Mairie",
			"Henri Barbusse", "Paul Vaillant-Couturier", "Condorcet", "des Fusillés", "Marx Dormoy", "de Béthune",
			"du Molinel", "Royale", "de Douai");

	/** Namesakes of schools, social centres and foundations. */
	static final List<String> NAMESAKES = List.of("Jean Jaurès", "Albert Camus", "Victor Hugo", "Jules Ferry",
			"Louise Michel", "Pablo Picasso", "Jean Moulin", "Marie Curie", "Jacques Prévert", "Paul Langevin",
			"Jean Macé", "Anatole France", "Émile Zola", "Pierre et Marie Curie", "Gustave Eiffel",
			"Antoine de Saint-Exupéry", "Nelson Mandela", "Simone Veil", "Aimé Césaire", "Léopold Sédar Senghor",
			"Jean Rostand", "Condorcet", "Voltaire", "Descartes", "Pasteur", "Camille Claudel", "Rosa Parks",
			"Jean Zay", "Henri Matisse", "Gaston Berger", "Baudelaire", "Arthur Rimbaud", "Léo Lagrange",
			"Frédéric Chopin", "Paul Éluard", "Romain Rolland", "Boris Vian", "Jules Verne", "Olympe de Gouges",
			"Germaine Tillion");

	static final List<String> NEIGHBOURHOODS = List.of("du Faubourg de Béthune", "de Moulins", "de Wazemmes",
			"des Bois-Blancs", "de Fives", "du Pile", "de l'Épeule", "du Nouveau Roubaix", "de la Bourgogne",
			"des Provinces", "du Triolo", "de la Mousserie", "du Centre", "des Hauts-Champs", "de la Briqueterie",
			"Marcel Pagnol", "Les Oliviers", "Arc-en-ciel", "La Passerelle", "Le Nautilus", "Jean Ferrat",
			"Les Trois Villes", "Boris Vian", "du Nouveau Monde", "de l'Alma");

	/** Words of association names ("Les Amis de...", "... Solidarité"). */
	static final List<String> SOLIDARITY_WORDS = List.of("Solidarité", "Entraide", "Partage", "Espoir", "Horizons",
			"Passerelles", "Avenir", "Sourires", "Fraternité", "Échanges", "Ponts", "Amitié", "Regards", "Racines",
			"Semences", "Lumière");

	private Words() {
	}

	static <T> T any(List<T> list, SplittableRandom random) {
		return list.get(random.nextInt(list.size()));
	}

	/**
	 * A fictional person: a common first name and a common surname, drawn independently.
	 */
	static String fullName(SplittableRandom random) {
		return any(FIRST_NAMES, random) + " " + any(SURNAMES, random);
	}

	static String address(SplittableRandom random) {
		int number = 1 + random.nextInt(random.nextInt(5) == 0 ? 250 : 60);
		String bis = (random.nextInt(25) == 0) ? " bis" : "";
		return number + bis + " " + any(STREET_KINDS, random) + " " + any(STREET_NAMES, random);
	}

	/**
	 * A phone number of the range the regulator (ARCEP) keeps for fiction: 03 53 01 xx xx
	 * reaches nobody, unlike a random 03 20 number.
	 */
	static String phone(SplittableRandom random) {
		return String.format("03 53 01 %02d %02d", random.nextInt(100), random.nextInt(100));
	}

	/** The initials of the significant words, for acronyms ("ASLS"). */
	static String acronym(String name) {
		StringBuilder acronym = new StringBuilder();
		for (String word : name.split("[\\s\\-–'’]+")) {
			if (word.length() > 3 || (word.length() > 0 && Character.isUpperCase(word.charAt(0)))) {
				String stripped = Slugs.slugify(word);
				if (!stripped.isEmpty() && !List.of("des", "les", "pour", "avec", "dans").contains(stripped)) {
					acronym.append(Character.toUpperCase(stripped.charAt(0)));
				}
			}
		}
		return (acronym.length() >= 3 && acronym.length() <= 8) ? acronym.toString() : null;
	}

}
