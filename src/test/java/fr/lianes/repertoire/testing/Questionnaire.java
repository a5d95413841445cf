package fr.lianes.repertoire.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The census chain as people go through it, over HTTP and without JavaScript: an author
 * fills the questionnaire with a {@link TypedActor} and sends it; a moderator opens the
 * response and approves it.
 */
public final class Questionnaire {

	private Questionnaire() {
	}

	/**
	 * Fills every step of the questionnaire for a new actor in a browser of its own and
	 * sends it, publication agreed.
	 * @return the submission waiting for moderation
	 */
	public static long send(int port, JdbcClient jdbc, TypedActor actor) {
		WebClient browser = new WebClient(port);
		start(browser, actor.email());
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
	public static long approve(WebClient moderator, JdbcClient jdbc, long submission) {
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
	public static long enter(int port, JdbcClient jdbc, WebClient moderator, TypedActor actor) {
		return approve(moderator, jdbc, send(port, jdbc, actor));
	}

	private static void expect(WebClient.Page page, String uri, Object what) {
		assertThat(page.uri()).as(() -> what + ": " + Jsoup.parse(page.body()).select(".error-summary, .error").text())
			.isEqualTo(uri);
	}

	public static void start(WebClient browser, String email) {
		browser.get("/recensement");
		WebClient.Page structure = browser.post("/recensement/commencer", "email", email, "debut", stamp(browser));
		assertThat(structure.uri()).isEqualTo("/recensement/structure");
	}

	private static String stamp(WebClient browser) {
		Matcher matcher = Pattern.compile("name=\"debut\" value=\"([^\"]+)\"")
			.matcher(browser.get("/recensement").body());
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

	/**
	 * Sends a whole questionnaire for a new actor (one contact, one project, publication
	 * agreed), as its author would.
	 * @return the thank-you page it lands on
	 */
	public static WebClient.Page sendNewActor(WebClient browser, String name, String email,
			String... structureChanges) {
		start(browser, email);
		List<String> structure = new ArrayList<>(List.of(structure(name)));
		for (int i = 0; i < structureChanges.length; i += 2) {
			int at = structure.indexOf(structureChanges[i]);
			if (at >= 0 && at % 2 == 0) {
				structure.set(at + 1, structureChanges[i + 1]);
			}
			else {
				structure.add(structureChanges[i]);
				structure.add(structureChanges[i + 1]);
			}
		}
		assertThat(browser.post("/recensement/structure", structure.toArray(String[]::new)).uri())
			.isEqualTo("/recensement/contacts");
		assertThat(browser
			.post("/recensement/contacts", "contacts[0].key", "nabc", "contacts[0].fullName", "Dominique Auteur",
					"contacts[0].role", "Président", "contacts[0].email", email, "contacts[0].publishName", "true",
					"_contacts[0].publishName", "on", "_contacts[0].publishEmail", "on", "_contacts[0].publishPhone",
					"on", "action", "suivant")
			.uri()).isEqualTo("/recensement/projets");
		addProject(browser, "Projet de " + name, "SN");
		WebClient.Page thanks = browser.post("/recensement/envoi", "publication", "oui", "email", email);
		assertThat(thanks.uri()).isEqualTo("/recensement/merci");
		return thanks;
	}

	public static void addProject(WebClient browser, String title, String country) {
		WebClient.Page form = browser.get("/recensement/projets/nouveau");
		assertThat(form.uri()).startsWith("/recensement/projets/n");
		WebClient.Page list = browser.post(form.uri(), "title", title, "kind", "COOPERATION", "nature",
				"CONSTRUCTION_EQUIPMENT", "status", "ONGOING", "countries", country, "domains", "education",
				"startYear", "2024", "localities", "Tanguiéta\nNatitingou", "partners[0].name",
				"Association Partenaire", "partners[0].city", "Cotonou", "partners[0].country", country, "action",
				"enregistrer");
		assertThat(list.uri()).isEqualTo("/recensement/projets");
		assertThat(list.body()).contains(title);
	}

	public static String[] structure(String name) {
		return new String[] { "name", name, "acronym", "", "actorType", "association-solidarite-internationale",
				"siret", "", "rna", "", "addressLine", "1 rue de la Paix", "postalCode", "59000", "communeName",
				"Lille", "communeInsee", "", "website", "www.asso.example", "email", "", "phone", "03 20 00 00 00",
				"description", "Une association de test.", "foundingYear", "1998" };
	}

}
