package fr.lianes.repertoire.demo;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static java.util.Map.entry;

/**
 * Descriptions of generated actors, two to four sentences naming their commune, their
 * partners abroad and the domains of their projects.
 */
final class ActorTexts {

	private static final Map<String, String> DOMAIN_LABELS = Map.ofEntries(entry("education", "l'éducation"),
			entry("sante", "la santé"), entry("developpement-rural", "le développement rural"),
			entry("action-sociale", "l'action sociale"), entry("jeunesse", "la jeunesse"),
			entry("economie", "le développement économique"), entry("culture", "la culture"),
			entry("appui-institutionnel", "l'appui aux collectivités locales"),
			entry("education-au-developpement", "l'éducation à la citoyenneté mondiale"),
			entry("urgence", "l'aide d'urgence"));

	private static final List<String> CLOSINGS = List.of(
			"Elle organise chaque année des manifestations pour faire connaître ses actions dans la région.",
			"Ses bénévoles se rendent régulièrement sur place pour suivre les projets avec les partenaires.",
			"Elle intervient aussi dans les écoles de la métropole pour sensibiliser les élèves.",
			"Les projets sont décidés avec les habitants et suivis par un comité local.",
			"Elle accueille chaque année des stagiaires et des volontaires en service civique.");

	private ActorTexts() {
	}

	static String describe(ActorSpec spec, String countryName, int foundingYear, SplittableRandom random) {
		boolean association = ActorNames.isAssociation(spec.type());
		StringBuilder text = new StringBuilder(spec.name());
		if (association) {
			text.append(" est une association fondée en ").append(foundingYear).append(" à ");
		}
		else {
			text.append(" s'engage dans la coopération internationale depuis ")
				.append(Math.max(foundingYear, 1990))
				.append(" à partir de ");
		}
		text.append(spec.commune().name()).append(". ");
		text.append(association ? "Elle" : "Ses actions").append(association ? " agit " : " portent ");
		String domains = (spec.themes().size() > 1) ? "dans les domaines de " : "dans le domaine de ";
		text.append(association ? domains : "sur ").append(labels(spec.themes(), association ? " et de " : " et "));
		text.append(" avec ses partenaires de ").append(spec.town()).append(" (").append(countryName).append(").");
		if (spec.second() != null) {
			text.append(" D'autres actions sont menées ponctuellement dans un second pays.");
		}
		if (association && random.nextInt(3) > 0) {
			text.append(' ').append(CLOSINGS.get(random.nextInt(CLOSINGS.size())));
		}
		return text.toString();
	}

	static String label(String topDomain) {
		return DOMAIN_LABELS.getOrDefault(topDomain, "la solidarité internationale");
	}

	private static String labels(List<String> themes, String and) {
		if (themes.size() == 1) {
			return label(themes.get(0));
		}
		return label(themes.get(0)) + and + label(themes.get(1));
	}

}
