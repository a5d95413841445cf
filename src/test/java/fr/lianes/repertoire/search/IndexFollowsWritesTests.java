package fr.lianes.repertoire.search;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.lianes.repertoire.testing.FreshDirectoryTest;
import fr.lianes.repertoire.testing.HtmlForms;
import fr.lianes.repertoire.testing.WebClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static fr.lianes.repertoire.testing.TypedActor.TypedProject.project;
import static fr.lianes.repertoire.testing.TypedActor.actor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The search follows every write, whatever path made it: for each way the network's staff
 * change an entry (an actor's fields, a project, a project's or an actor's publication,
 * an actor's status, a merge, a renamed domain, actor type or territory), one fact is
 * changed and the next search finds the new fact and no longer the old one. Nobody asks
 * for a reindex; a renamed reference entry reindexes its entries in the background, which
 * the test waits for.
 */
class IndexFollowsWritesTests extends FreshDirectoryTest {

	private static final String LISTS = "/moderation/administration/referentiels";

	private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"([0-9]+)\"");

	@Autowired
	private SearchReindexer reindexer;

	@Test
	void anActorsNameAndDescriptionEditedByTheStaff() {
		String slug = enter(actor("kalana", "Association Kalana Solidarité", "association-solidarite-internationale",
				"59100", "Roubaix")
			.description("Soutien scolaire aux enfants de la commune de Kalana.")
			.project(project("Cantine scolaire").in("ML").localities("Yanfolila").domains("nutrition")));
		long id = actorId(slug);
		assertThat(actorsFound("Kalana")).containsExactly(slug);

		WebClient.Page form = this.moderator.get("/moderation/acteurs/" + id + "/modifier");
		List<String> fields = new ArrayList<>(
				List.of(HtmlForms.fields(form.body(), "name", "Association Wassoulou Solidarité")));
		set(fields, "description", "Soutien scolaire aux enfants du Wassoulou.");
		assertThat(this.moderator.post("/moderation/acteurs/" + id + "/modifier", fields.toArray(String[]::new)).uri())
			.isEqualTo("/moderation/acteurs/" + id);

		assertThat(actorsFound("Wassoulou")).containsExactly(slug);
		assertThat(actorsFound("Kalana")).isEmpty();
	}

	@Test
	void aProjectEditedByTheStaff() {
		String slug = enter(
				actor("kaedi", "Amitié Roubaix Gorgol", "association-solidarite-internationale", "59100", "Roubaix")
					.project(project("Maraîchage et petit élevage").in("MR")
						.localities("Kaédi")
						.partner("Coopérative des femmes de Kaédi", "Kaédi", "MR")
						.domains("maraichage")
						.description("Clôture des périmètres et puits maraîchers.")));
		long project = projectOf(slug);
		assertThat(actorsFound("Kaédi")).containsExactly(slug);

		String url = "/moderation/projets/" + project + "/modifier";
		List<String> fields = new ArrayList<>(
				List.of(HtmlForms.fields(this.moderator.get(url).body(), "localities", "Sélibabi")));
		set(fields, "description", "Clôture des périmètres et forages solaires.");
		fields.addAll(List.of("action", "enregistrer"));
		assertThat(this.moderator.post(url, fields.toArray(String[]::new)).uri())
			.isEqualTo("/moderation/projets/" + project);

		assertThat(actorsFound("Sélibabi")).containsExactly(slug);
		assertThat(actorsFound("forages solaires")).containsExactly(slug);
		assertThat(projectsFound("Sélibabi")).hasSize(1);
		// the partner still names Kaédi; the locality and the wells are gone
		assertThat(actorsFound("Kaédi")).containsExactly(slug);
		assertThat(actorsFound("puits")).isEmpty();
		assertThat(projectsFound("puits")).isEmpty();
	}

	@Test
	void aProjectUnpublishedAndPublishedAgain() {
		String slug = enter(
				actor("dosso", "Collectif Dosso Nord", "association-solidarite-internationale", "59300", "Valenciennes")
					.project(project("Greniers de sécurité alimentaire").in("NE")
						.localities("Dogondoutchi")
						.domains("agriculture")));
		long project = projectOf(slug);
		assertThat(actorsFound("Dogondoutchi")).containsExactly(slug);

		projectPublication(project, false);
		assertThat(actorsFound("Dogondoutchi")).isEmpty();
		assertThat(actorsFound("Dogondoutchi greniers")).isEmpty();
		assertThat(actorsFound("Dosso", "pays", "NE")).isEmpty();
		assertThat(actorsFound("Dosso")).containsExactly(slug);

		projectPublication(project, true);
		assertThat(actorsFound("Dogondoutchi")).containsExactly(slug);
		assertThat(actorsFound("Dosso", "pays", "NE")).containsExactly(slug);
	}

	@Test
	void anActorsStatusAndPublication() {
		String slug = enter(actor("ouidah", "Les Amis de Ouidah", "association-solidarite-internationale", "59200",
				"Tourcoing")
			.project(project("Route des esclaves : guides").in("BJ").localities("Ouidah").domains("patrimoine")));
		long id = actorId(slug);
		assertThat(actorsFound("Ouidah", "statut", "actif")).containsExactly(slug);

		this.moderator.post("/moderation/acteurs/" + id + "/statut", "version", version("/moderation/acteurs/" + id),
				"statut", "DORMANT");
		assertThat(actorsFound("Ouidah", "statut", "actif")).isEmpty();
		assertThat(actorsFound("Ouidah", "statut", "en-veille")).containsExactly(slug);

		this.moderator.post("/moderation/acteurs/" + id + "/publication", "version",
				version("/moderation/acteurs/" + id), "publier", "false");
		assertThat(actorsFound("Ouidah")).isEmpty();
		assertThat(projectsFound("Ouidah")).isEmpty();
		this.moderator.post("/moderation/acteurs/" + id + "/publication", "version",
				version("/moderation/acteurs/" + id), "publier", "true");
		assertThat(actorsFound("Ouidah")).containsExactly(slug);
		assertThat(projectsFound("Ouidah")).hasSize(1);
	}

	@Test
	void aMergeGivesTheSurvivorTheOthersProjects() {
		String kept = enter(actor("kaolack-a", "Association Lille Kaolack", "association-solidarite-internationale",
				"59000", "Lille")
			.project(project("Case de santé").in("SN").localities("Ndoffane").domains("soins-prevention")));
		String merged = enter(
				actor("kaolack-b", "Jappo Lille-Kaolack", "association-solidarite-internationale", "59000", "Lille")
					.project(project("Classes vertes").in("SN").localities("Latmingué").domains("echanges-scolaires")));
		long keptId = actorId(kept);
		long mergedId = actorId(merged);
		assertThat(actorsFound("Latmingué")).containsExactly(merged);

		WebClient.Page compare = this.moderator.get("/moderation/doublons/fusion?a=" + keptId + "&b=" + mergedId);
		List<String> fields = new ArrayList<>(List.of(HtmlForms.hidden(compare.body(), "/moderation/doublons/fusion")));
		fields.addAll(List.of("survivor", String.valueOf(keptId)));
		this.moderator.post("/moderation/doublons/fusion", fields.toArray(String[]::new));
		assertThat(this.jdbc.sql("select count(*) from actor where id = ?").param(mergedId).query(Long.class).single())
			.isZero();

		assertThat(actorsFound("Latmingué")).containsExactly(kept);
		assertThat(actorsFound("Ndoffane")).containsExactly(kept);
		assertThat(actorsFound("Jappo")).isEmpty();
		assertThat(actorsFound("Kaolack", "domaine", "echanges-scolaires")).containsExactly(kept);
	}

	@Test
	void aRenamedDomainActorTypeAndTerritory() {
		WebClient admin = signedIn(this.port, ADMIN);
		admin.get(LISTS + "/domaines");
		admin.post(LISTS + "/domaines", "name", "Apiculture", "slug", "apiculture", "parent", "developpement-rural");
		admin.get(LISTS + "/types-acteurs");
		admin.post(LISTS + "/types-acteurs", "name", "Coopérative agricole", "code", "cooperative-agricole", "family",
				"ECONOMIC", "iatiOrgType", "70");
		String slug = enter(
				actor("ruches", "Les Ruchers d'Avesnes", "cooperative-agricole", "59440", "Avesnes-sur-Helpe")
					.project(project("Ruches pédagogiques").in("TG").localities("Kpalimé").domains("apiculture")));
		assertThat(actorsFound("apiculture")).containsExactly(slug);
		assertThat(actorsFound("coopérative agricole")).containsExactly(slug);
		assertThat(actorsFound("Sambre-Avesnois")).containsExactly(slug);
		try {
			admin.get(LISTS + "/domaines/apiculture");
			admin.post(LISTS + "/domaines/apiculture", "name", "Production de miel");
			admin.get(LISTS + "/types-acteurs/cooperative-agricole");
			admin.post(LISTS + "/types-acteurs/cooperative-agricole", "name", "Société coopérative", "family",
					"ECONOMIC", "iatiOrgType", "70");
			admin.get(LISTS + "/territoires/sambre-avesnois");
			admin.post(LISTS + "/territoires/sambre-avesnois", "name", "Hainaut français");
			awaitReindexed();

			assertThat(actorsFound("miel")).containsExactly(slug);
			assertThat(actorsFound("apiculture")).isEmpty();
			assertThat(actorsFound("société coopérative")).containsExactly(slug);
			assertThat(actorsFound("agricole")).isEmpty();
			assertThat(actorsFound("Hainaut")).containsExactly(slug);
			assertThat(actorsFound("Sambre")).isEmpty();
		}
		finally {
			admin.get(LISTS + "/territoires/sambre-avesnois");
			admin.post(LISTS + "/territoires/sambre-avesnois", "name", "Sambre-Avesnois");
			awaitReindexed();
		}
	}

	private void awaitReindexed() {
		await().atMost(Duration.ofMinutes(2)).until(() -> !this.reindexer.isBusy());
	}

	private long projectOf(String actorSlug) {
		return this.jdbc.sql("select p.id from project p join actor a on a.id = p.lead_actor_id where a.slug = ?")
			.param(actorSlug)
			.query(Long.class)
			.single();
	}

	private void projectPublication(long project, boolean publish) {
		this.moderator.post("/moderation/projets/" + project + "/publication", "version",
				version("/moderation/projets/" + project), "publier", String.valueOf(publish));
		assertThat(this.jdbc.sql("select published from project where id = ?")
			.param(project)
			.query(Boolean.class)
			.single()).isEqualTo(publish);
	}

	/** The version in the page's forms, as the moderator's browser sends it back. */
	private String version(String url) {
		Matcher matcher = VERSION.matcher(this.moderator.get(url).body());
		assertThat(matcher.find()).as("a version on " + url).isTrue();
		return matcher.group(1);
	}

	private static void set(List<String> fields, String name, String value) {
		int at = fields.indexOf(name);
		assertThat(at % 2).as(name).isZero();
		fields.set(at + 1, value);
	}

}
