package fr.lianes.repertoire.census;

import java.util.ArrayList;
import java.util.List;

import org.jsoup.Jsoup;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The census chain as people go through it, over HTTP and without JavaScript: an author
 * fills the questionnaire with a {@link TypedActor} and sends it; a moderator opens the
 * response and approves it.
 */
final class Questionnaire {

	private Questionnaire() {
	}

	/**
	 * Fills every step of the questionnaire for a new actor in a browser of its own and
	 * sends it, publication agreed.
	 * @return the submission waiting for moderation
	 */
	static long send(int port, JdbcClient jdbc, TypedActor actor) {
		WebClient browser = new WebClient(port);
		CensusFlowTests.start(browser, actor.email());
		List<String> structure = new ArrayList<>(List.of("name", actor.name, "acronym", actor.acronym, "actorType",
				actor.type, "siret", "", "rna", actor.rna, "addressLine", "", "postalCode", actor.postalCode,
				"communeName", actor.commune, "communeInsee", "", "website", "", "email", actor.email(), "phone", "",
				"description", actor.description, "foundingYear", "", "pasUnDoublon", "true"));
		actor.networks.forEach((slug) -> structure.addAll(List.of("networks", slug)));
		expect(browser.post("/recensement/structure", structure.toArray(String[]::new)), "/recensement/contacts",
				actor);
		expect(browser.post("/recensement/contacts", "contacts[0].key", "nabc", "contacts[0].fullName",
				"Camille Durand", "contacts[0].role", "Chargée de mission", "contacts[0].email", actor.email(),
				"contacts[0].publishName", "true", "_contacts[0].publishName", "on", "_contacts[0].publishEmail", "on",
				"_contacts[0].publishPhone", "on", "action", "suivant"), "/recensement/projets", actor);
		for (TypedActor.TypedProject project : actor.projects) {
			WebClient.Page form = browser.get("/recensement/projets/nouveau");
			expect(browser.post(form.uri(), project.fields().toArray(String[]::new)), "/recensement/projets",
					project.title);
		}
		expect(browser.post("/recensement/envoi", "publication", "oui", "email", actor.email()), "/recensement/merci",
				actor);
		return jdbc.sql("""
				select id from submission where lower(author_email) = lower(?) and status = 'SUBMITTED'
				order by id desc limit 1""").param(actor.email()).query(Long.class).single();
	}

	/**
	 * Approves a response as its moderator sees it, from its review page.
	 * @return the actor it wrote
	 */
	static long approve(WebClient moderator, JdbcClient jdbc, long submission) {
		WebClient.Page review = moderator.get("/moderation/soumissions/" + submission);
		assertThat(review.status()).as("review of %d", submission).isEqualTo(200);
		WebClient.Page queue = moderator.post("/moderation/soumissions/" + submission + "/approuver",
				HtmlForms.hidden(review.body(), "/approuver"));
		assertThat(queue.status()).as("approval of %d", submission).isEqualTo(200);
		assertThat(queue.uri()).as("approval of %d: %s", submission, Jsoup.parse(queue.body()).text())
			.isEqualTo("/moderation");
		assertThat(queue.body()).contains("est approuvée");
		return jdbc.sql("select actor_id from submission where id = ? and status = 'APPROVED'")
			.param(submission)
			.query(Long.class)
			.single();
	}

	/** Sends the actor's questionnaire and approves it. */
	static long enter(int port, JdbcClient jdbc, WebClient moderator, TypedActor actor) {
		return approve(moderator, jdbc, send(port, jdbc, actor));
	}

	private static void expect(WebClient.Page page, String uri, Object what) {
		assertThat(page.uri()).as(() -> what + ": " + Jsoup.parse(page.body()).select(".error-summary, .error").text())
			.isEqualTo(uri);
	}

}
