package fr.lianes.repertoire.census;

import java.util.List;
import java.util.Map;

import fr.lianes.repertoire.directory.ProjectKind;
import fr.lianes.repertoire.directory.ProjectNature;
import fr.lianes.repertoire.directory.ProjectStatus;
import fr.lianes.repertoire.testing.FreshDirectoryTest;
import fr.lianes.repertoire.testing.Questionnaire;
import fr.lianes.repertoire.testing.TypedActor;
import fr.lianes.repertoire.testing.WebClient;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static fr.lianes.repertoire.testing.TypedActor.TypedProject.agreement;
import static fr.lianes.repertoire.testing.TypedActor.TypedProject.inTheRegion;
import static fr.lianes.repertoire.testing.TypedActor.TypedProject.project;
import static fr.lianes.repertoire.testing.TypedActor.actor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole chain on a directory started as production starts it (no campaign, no demo
 * data): a response is sent through the questionnaire, approved by a moderator, and from
 * that moment the public finds the actor by what its projects say — every kind, nature
 * and status of project, agreements with their partner authority, several projects,
 * countries and localities, and updates that add and remove projects. No reindex is ever
 * asked for.
 */
class ApprovalChainTests extends FreshDirectoryTest {

	/**
	 * Towns of Burkina Faso, one per enum value tested, found only through its project.
	 */
	private static final Map<String, String> TOWNS = Map.ofEntries(Map.entry("COOPERATION", "Tiébélé"),
			Map.entry("DECENTRALISED_COOPERATION", "Gorom-Gorom"), Map.entry("DEVELOPMENT_EDUCATION", "Banfora"),
			Map.entry("COLLECTION_DONATION", "Kombissiri"), Map.entry("CONSTRUCTION_EQUIPMENT", "Boromo"),
			Map.entry("TRAINING", "Nouna"), Map.entry("INSTITUTIONAL_SUPPORT", "Diébougou"),
			Map.entry("EXCHANGE", "Gaoua"), Map.entry("FINANCIAL_SUPPORT", "Yako"), Map.entry("AWARENESS", "Manga"),
			Map.entry("PLANNED", "Titao"), Map.entry("ONGOING", "Djibo"), Map.entry("COMPLETED", "Tougan"));

	@ParameterizedTest
	@EnumSource(ProjectKind.class)
	void everyKindOfProjectIsApprovedAndFoundAtOnce(ProjectKind kind) {
		assertApprovedAndFound(kind.name(), "kind", kind.name());
	}

	@ParameterizedTest
	@EnumSource(ProjectNature.class)
	void everyNatureOfActionIsApprovedAndFoundAtOnce(ProjectNature nature) {
		assertApprovedAndFound(nature.name(), "nature", nature.name());
	}

	@ParameterizedTest
	@EnumSource(ProjectStatus.class)
	void everyProjectStatusIsApprovedAndFoundAtOnce(ProjectStatus status) {
		assertApprovedAndFound(status.name(), "status", status.name());
	}

	/**
	 * Must show (issue 11): one response holding one project of each kind, found by each
	 * project's locality, partner and a word of its description, no reindex in between.
	 */
	@Test
	void aResponseWithOneProjectOfEachKindIsFoundByEachProjectsPlacePartnerAndDescription() {
		String slug = enter(actor("wazemmes", "Maison de quartier de Wazemmes", "centre-social", "59000", "Lille")
			.description("Centre social du quartier de Wazemmes, ouvert sur le monde.")
			.project(project("Cantines scolaires à Ségou").in("ML")
				.localities("Ségou", "Markala")
				.partner("Association Jigiya", "Ségou", "ML")
				.domains("nutrition")
				.description("Repas à base de fonio et de niébé pour trois écoles."))
			.project(agreement("Jumelage Lille – Naplouse", "Municipalité de Naplouse").in("PS")
				.localities("Naplouse")
				.partner("Centre culturel Yafa", "Naplouse", "PS")
				.domains("administration-locale")
				.description("Formation des agents municipaux à la gestion des déchets ménagers."))
			.project(inTheRegion("Ciné-débats du Festival des Solidarités").localities("Fives", "Hellemmes")
				.partner("Cinéma l'Univers", "Lille", "FR")
				.domains("evenements-solidaires")
				.description("Projections suivies de débats sur la souveraineté alimentaire.")));
		// localities
		for (String place : List.of("Markala", "Naplouse", "Hellemmes")) {
			assertThat(actorsFound(place)).as(place).startsWith(slug);
		}
		// partners, the agreement's partner authority included
		for (String partner : List.of("Jigiya", "Yafa", "Univers", "municipalité de Naplouse")) {
			assertThat(actorsFound(partner)).as(partner).startsWith(slug);
		}
		// words found only in a project's description
		for (String word : List.of("fonio", "déchets ménagers", "souveraineté alimentaire")) {
			assertThat(actorsFound(word)).as(word).startsWith(slug);
		}
		// countries and domains filter on its projects
		assertThat(actorsFound("Wazemmes", "pays", "ML")).containsExactly(slug);
		assertThat(actorsFound("Wazemmes", "pays", "PS")).containsExactly(slug);
		assertThat(actorsFound("Wazemmes", "domaine", "nutrition")).containsExactly(slug);
		assertThat(actorsFound("Wazemmes", "pays", "SN")).isEmpty();
		// and the list says which project matched, its words marked
		String page = new WebClient(this.port).get("/acteurs?q=fonio").body();
		assertThat(Jsoup.parse(page).select("li.card .match a").attr("href")).startsWith("/projets/cantines-scolaires");
		assertThat(Jsoup.parse(page).select("li.card .match").html()).contains("<mark>fonio</mark>");
	}

	@Test
	void anUpdateThatAddsAndRemovesProjectsIsFollowedByTheSearch() {
		TypedActor typed = actor("tambacounda", "Association Tambacounda Solidarité", "association-migrants", "59140",
				"Dunkerque")
			.description("Ressortissants de la région de Tambacounda installés sur le littoral dunkerquois.")
			.project(project("Périmètre maraîcher de Koussanar").in("SN")
				.localities("Koussanar", "Sinthiou Malème")
				.partner("Groupement féminin Bokk Jom", "Koussanar", "SN")
				.domains("maraichage"))
			.project(project("Bibliothèque de Kidira").in("SN", "ML")
				.localities("Kidira", "Diboli")
				.partner("Comité de lecture de Kidira", "Kidira", "SN")
				.domains("lecture-publique"));
		String slug = enter(typed);
		assertThat(actorsFound("Diboli")).containsExactly(slug);
		assertThat(actorsFound("Sinthiou Malème")).containsExactly(slug);
		assertThat(actorsFound("Tambacounda", "pays", "ML")).containsExactly(slug);

		// the actor updates its entry from the emailed link: one project out, one in
		WebClient author = new WebClient(this.port);
		author.get("/recensement/mise-a-jour");
		author.post("/recensement/mise-a-jour", "email", typed.email());
		String link = linkIn(mailTo(typed.email(), "mettre à jour"));
		author.get(link);
		assertThat(author.post("/recensement/lien", "jeton", link.substring(link.indexOf('=') + 1)).uri())
			.isEqualTo("/recensement/structure");
		String library = Jsoup.parse(author.get("/recensement/projets").body())
			.select("li.card:contains(Bibliothèque de Kidira) form[action$=/suppression]")
			.attr("action");
		assertThat(library).startsWith("/recensement/projets/p");
		author.post(library);
		WebClient.Page form = author.get("/recensement/projets/nouveau");
		author.post(form.uri(),
				project("Moulin à céréales de Goudiry").in("SN")
					.localities("Goudiry")
					.partner("Union des femmes de Goudiry", "Goudiry", "SN")
					.domains("activites-generatrices-revenus")
					.nature("CONSTRUCTION_EQUIPMENT")
					.fields()
					.toArray(String[]::new));
		assertThat(author.post("/recensement/envoi", "publication", "oui", "email", typed.email()).uri())
			.isEqualTo("/recensement/merci");
		long update = this.jdbc.sql("select id from submission where actor_id = ? and status = 'SUBMITTED'")
			.param(actorId(slug))
			.query(Long.class)
			.single();
		Questionnaire.approve(this.moderator, this.jdbc, update);

		assertThat(actorsFound("Goudiry")).containsExactly(slug);
		assertThat(actorsFound("Koussanar")).containsExactly(slug);
		assertThat(actorsFound("Diboli")).isEmpty();
		assertThat(actorsFound("Tambacounda", "pays", "ML")).isEmpty();
		assertThat(actorsFound("Tambacounda", "domaine", "activites-generatrices-revenus")).containsExactly(slug);
		assertThat(projectsFound("Kidira")).isEmpty();
		assertThat(projectsFound("Goudiry")).hasSize(1);
	}

	private void assertApprovedAndFound(String value, String field, String enumValue) {
		String town = TOWNS.get(value);
		TypedActor.TypedProject project = project("Centre de santé de " + town).in("BF")
			.localities(town)
			.partner("Comité de gestion du CSPS de " + town, town, "BF")
			.domains("soins-prevention")
			.description("Construction d'une maternité et formation des accoucheuses villageoises.");
		switch (field) {
			case "kind" -> {
				project.kind(enumValue);
				if (enumValue.equals("DECENTRALISED_COOPERATION")) {
					project.partnerAuthority = "Commune de " + town;
				}
			}
			case "nature" -> project.nature(enumValue);
			default -> project.status(enumValue);
		}
		String slug = enter(actor("burkina-" + value.toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
				"Les Amis du Burkina " + value.charAt(0) + value.substring(1).toLowerCase(java.util.Locale.ROOT),
				"association-solidarite-internationale", "62000", "Arras")
			.project(project));
		assertThat(actorsFound(town)).as(town).containsExactly(slug);
		assertThat(actorsFound("CSPS de " + town)).as(town).startsWith(slug);
		assertThat(actorsFound(town, "pays", "BF")).as(town).containsExactly(slug);
		assertThat(projectsFound(town)).as(town).hasSize(1);
	}

}
