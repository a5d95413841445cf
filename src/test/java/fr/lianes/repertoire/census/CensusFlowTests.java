package fr.lianes.repertoire.census;

import java.util.List;

import fr.lianes.repertoire.testing.CensusWebTest;
import fr.lianes.repertoire.testing.WebClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static fr.lianes.repertoire.testing.Questionnaire.addProject;
import static fr.lianes.repertoire.testing.Questionnaire.start;
import static fr.lianes.repertoire.testing.Questionnaire.structure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The questionnaire through HTTP, as a browser without JavaScript uses it: cookies, CSRF
 * tokens, redirects after each step.
 */
class CensusFlowTests extends CensusWebTest {

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	private WebClient browser;

	@BeforeEach
	void newBrowser() {
		this.browser = new WebClient(this.port);
	}

	@Test
	void aNewActorFillsEveryStepAndSendsOnce() {
		start(this.browser, "nouvel.acteur@asso.example");
		WebClient.Page contacts = this.browser.post("/recensement/structure", structure("Les Amis de Tanguiéta Test"));
		assertThat(contacts.uri()).isEqualTo("/recensement/contacts");
		WebClient.Page projects = this.browser.post("/recensement/contacts", "contacts[0].key", "nabc",
				"contacts[0].fullName", "Camille Martin", "contacts[0].role", "Présidente", "contacts[0].email",
				"camille@asso.example", "contacts[0].publishName", "true", "_contacts[0].publishName", "on",
				"_contacts[0].publishEmail", "on", "_contacts[0].publishPhone", "on", "action", "suivant");
		assertThat(projects.uri()).isEqualTo("/recensement/projets");
		addProject(this.browser, "Puits à Tanguiéta", "BJ");
		addProject(this.browser, "Classe numérique à Kaolack", "SN");
		WebClient.Page review = this.browser.get("/recensement/relecture");
		assertThat(review.body()).contains("Puits à Tanguiéta", "Classe numérique à Kaolack", "Camille Martin")
			.doesNotContain("error-summary");

		WebClient.Page thanks = this.browser.post("/recensement/envoi", "publication", "oui", "email",
				"nouvel.acteur@asso.example");
		assertThat(thanks.uri()).isEqualTo("/recensement/merci");
		assertThat(thanks.body()).contains("Merci", "Puits à Tanguiéta");
		this.browser.post("/recensement/envoi", "publication", "oui", "email", "nouvel.acteur@asso.example");

		List<String> statuses = this.jdbc
			.sql("select status from submission where author_email = 'nouvel.acteur@asso.example'")
			.query(String.class)
			.list();
		assertThat(statuses).containsExactly("SUBMITTED");
		String content = this.jdbc
			.sql("select content::text from submission where author_email = 'nouvel.acteur@asso.example'")
			.query(String.class)
			.single();
		assertThat(content).contains("Puits à Tanguiéta", "Classe numérique à Kaolack", "59350",
				"\"publicationConsent\": true");
		jakarta.mail.internet.MimeMessage confirmation = mailTo("nouvel.acteur@asso.example", "bien été reçue");
		assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(confirmation)).contains("Puits")
			.contains("/recensement/retrait?jeton=");
		assertThat(this.jdbc.sql("select campaign_id is not null from submission where author_email = ?")
			.param("nouvel.acteur@asso.example")
			.query(Boolean.class)
			.single()).isTrue();
	}

	@Test
	void aStepWithErrorsKeepsWhatWasTypedAndSaysWhatIsWrong() {
		start(this.browser, "erreurs@asso.example");
		WebClient.Page page = this.browser.post("/recensement/structure", "name", "Association Erreurs Test",
				"actorType", "association-solidarite-internationale", "siret", "12345678901234", "postalCode", "59000",
				"communeName", "Lille", "foundingYear", "deux mille", "website", "pas un site");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.uri()).isEqualTo("/recensement/structure");
		assertThat(page.body()).contains("error-summary", "href=\"#siret\"", "SIRET (14 chiffres)",
				"value=\"12345678901234\"", "value=\"deux mille\"", "aria-invalid=\"true\"");
		String content = this.jdbc.sql("select content::text from submission where author_email = ?")
			.param("erreurs@asso.example")
			.query(String.class)
			.single();
		assertThat(content).contains("12345678901234", "deux mille", "Association Erreurs Test");

		WebClient.Page review = this.browser.get("/recensement/relecture");
		assertThat(review.body()).contains("href=\"/recensement/structure?verifier=true\"");
		assertThat(this.browser.get("/recensement/structure?verifier=true").body()).contains("error-summary",
				"href=\"#siret\"");
	}

	@Test
	void theThankYouPageIsShownOnceAndItsDraftLeavesTheBrowser() {
		start(this.browser, "merci@asso.example");
		this.browser.post("/recensement/structure", structure("Association Merci Test"));
		this.browser.post("/recensement/contacts", "contacts[0].fullName", "Dominique Merci", "action", "suivant");
		assertThat(this.browser.post("/recensement/envoi", "publication", "non", "email", "merci@asso.example").uri())
			.isEqualTo("/recensement/merci");
		assertThat(this.browser.get("/recensement/merci").uri()).isEqualTo("/recensement");
	}

	@Test
	void anOpenDraftsAuthorWhoLostTheLinkGetsANewOneFromTheUpdatePage() {
		start(this.browser, "oubli@asso.example");
		this.browser.post("/recensement/structure", structure("Association Oubli Test"));
		mailTo("oubli@asso.example", "reprendre");
		long before = java.util.Arrays.stream(SMTP.getReceivedMessages())
			.filter((m) -> subject(m).contains("reprendre"))
			.count();
		WebClient asking = new WebClient(this.port);
		asking.get("/recensement/mise-a-jour");
		asking.post("/recensement/mise-a-jour", "email", "oubli@asso.example");
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(20))
			.until(() -> java.util.Arrays.stream(SMTP.getReceivedMessages())
				.filter((m) -> subject(m).contains("reprendre"))
				.count() > before);
		WebClient other = new WebClient(this.port);
		String link = linkIn(mailTo("oubli@asso.example", "reprendre"));
		other.get(link);
		assertThat(other.post("/recensement/lien", "jeton", link.substring(link.indexOf("jeton=") + 6)).body())
			.contains("Association Oubli Test");
	}

	@Test
	void aBrowserThatLostItsDraftKeepsWhatItSends() {
		start(this.browser, "perdu@asso.example");
		this.browser.cookies().getCookieStore().removeAll();
		this.browser.get("/recensement");
		WebClient.Page page = this.browser.post("/recensement/structure", structure("Association Sans Cookie Test"));
		assertThat(page.uri()).isEqualTo("/recensement/contacts");
		assertThat(this.jdbc.sql("select count(*) from submission where content->'structure'->>'name' = ?")
			.param("Association Sans Cookie Test")
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aKnownAddressGetsAnUpdateLinkThatOpensThePrefilledEntryOnce() {
		String email = this.jdbc.sql(
				"select email from actor where published and email is not null and status = 'ACTIVE' order by id limit 1")
			.query(String.class)
			.single();
		String name = this.jdbc
			.sql("select name from actor where email = ? order by published desc, updated_at desc limit 1")
			.param(email)
			.query(String.class)
			.single();
		this.browser.get("/recensement/mise-a-jour");
		WebClient.Page known = this.browser.post("/recensement/mise-a-jour", "email", email);
		WebClient.Page unknown = this.browser.post("/recensement/mise-a-jour", "email", "personne@inconnu.example");
		assertThat(known.body().replace(email, "X")).isEqualTo(unknown.body().replace("personne@inconnu.example", "X"));
		long actorId = this.jdbc
			.sql("select id from actor where email = ? order by published desc, updated_at desc limit 1")
			.param(email)
			.query(Long.class)
			.single();
		this.jdbc
			.sql("insert into contact_person (actor_id, full_name, email, phone) "
					+ "values (?, 'Personne Discrète', 'discrete@prive.example', '03 99 99 99 99')")
			.param(actorId)
			.update();
		String link = linkIn(mailTo(email, "mettre à jour"));

		WebClient.Page confirm = this.browser.get(link);
		assertThat(confirm.header("Referrer-Policy")).isEqualTo("no-referrer");
		assertThat(confirm.body()).contains(name, "Continuer");
		String token = link.substring(link.indexOf("jeton=") + 6);
		WebClient.Page structure = this.browser.post("/recensement/lien", "jeton", token);
		assertThat(structure.uri()).isEqualTo("/recensement/structure");
		// form fields carry their values HTML-escaped
		assertThat(structure.body()).contains(org.springframework.web.util.HtmlUtils.htmlEscape(name));
		assertThat(this.browser.post("/recensement/lien", "jeton", token).status()).isEqualTo(410);
		// the other contact persons' unpublished details are not shown to whoever holds
		// the link
		assertThat(this.browser.get("/recensement/contacts").body()).contains("Personne Discrète")
			.doesNotContain("discrete@prive.example")
			.doesNotContain("03 99 99 99 99");
	}

	@Test
	void aDraftContinuesFromTheEmailedLinkInAnotherBrowser() {
		start(this.browser, "reprise@asso.example");
		this.browser.post("/recensement/structure", structure("Association Reprise Test"));
		String link = linkIn(mailTo("reprise@asso.example", "reprendre"));

		WebClient other = new WebClient(this.port);
		WebClient.Page confirm = other.get(link);
		assertThat(confirm.header("Referrer-Policy")).isEqualTo("no-referrer");
		WebClient.Page structure = other.post("/recensement/lien", "jeton", link.substring(link.indexOf("jeton=") + 6));
		assertThat(structure.uri()).isEqualTo("/recensement/structure");
		assertThat(structure.body()).contains("Association Reprise Test", "1 rue de la Paix");
	}

	@Test
	void aPostalCodeOfSeveralCommunesOffersThemToChooseFrom() {
		String postalCode = this.jdbc
			.sql("select code from (select unnest(postal_codes) as code from commune) c "
					+ "group by code having count(*) > 2 order by code limit 1")
			.query(String.class)
			.single();
		List<String> names = this.jdbc.sql("select name from commune where ? = any(postal_codes)")
			.param(postalCode)
			.query(String.class)
			.list();
		WebClient.Page fragment = this.browser.htmx("/recensement/communes?postalCode=" + postalCode);
		assertThat(fragment.body()).startsWith("<div id=\"communes\"").contains("<select id=\"communeInsee\"");
		assertThat(fragment.body().split("<option ").length - 2).isEqualTo(names.size());
		assertThat(this.browser.htmx("/recensement/communes?postalCode=59000&communeName=Lille").body())
			.contains("Lille (59000)", "value=\"59350\"")
			.doesNotContain("<select");
		assertThat(this.browser.get("/recensement/communes?postalCode=" + postalCode).body()).contains("<h1>",
				names.get(0));
	}

	@Test
	void robotsAreQuietlyRefused() {
		start(this.browser, "robot@asso.example");
		this.browser.post("/recensement/structure", structure("Association Robot Test"));
		WebClient.Page page = this.browser.post("/recensement/envoi", "publication", "oui", "email",
				"robot@asso.example", CensusController.HONEYPOT, "http://spam.example");
		assertThat(page.status()).isEqualTo(200);
		assertThat(this.jdbc.sql("select status from submission where author_email = 'robot@asso.example'")
			.query(String.class)
			.single()).isEqualTo("DRAFT");
	}

	@Test
	void aPublishedActorsIdentifierPointsToItsEntry() {
		var actor = this.jdbc
			.sql("select siren_siret, name, slug from actor where published and siren_siret is not null limit 1")
			.query((rs, i) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) })
			.single();
		start(this.browser, "doublon@asso.example");
		List<String> values = new java.util.ArrayList<>(List.of(structure("Un Autre Nom Test")));
		values.set(values.indexOf("siret") + 1, actor[0]);
		WebClient.Page page = this.browser.post("/recensement/structure", values.toArray(String[]::new));
		assertThat(page.uri()).isEqualTo("/recensement/structure");
		assertThat(page.body()).contains("/acteurs/" + actor[2], "pasUnDoublon");
		assertThat(this.browser.get("/recensement/doublon?siret=" + actor[0]).body()).contains("/acteurs/" + actor[2]);
	}

}
