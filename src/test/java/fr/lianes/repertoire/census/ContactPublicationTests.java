package fr.lianes.repertoire.census;

import java.util.List;

import fr.lianes.repertoire.testing.Questionnaire;
import fr.lianes.repertoire.testing.WebClient;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import fr.lianes.repertoire.testing.ProductionStartTest;
import fr.lianes.repertoire.directory.NameInAddress;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the questionnaire says will be public of a contact person, its warning when an
 * address to publish spells a name that is not, and what the actor page then shows, on a
 * directory started as production starts it.
 */
class ContactPublicationTests extends ProductionStartTest {

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void eachContactFieldSaysWhatWillBePublic() {
		WebClient browser = new WebClient(this.port);
		Questionnaire.start(browser, "publicite@asso.example");
		browser.post("/recensement/structure", Questionnaire.structure("Association Publicité Claire"));
		Document page = Jsoup.parse(browser.get("/recensement/contacts").body());
		for (String field : List.of("fullName", "role", "email", "phone")) {
			String hint = "contacts0." + field + "-public";
			assertThat(page.getElementById(hint)).as(field).isNotNull();
			assertThat(page.getElementById("contacts0." + field).attr("aria-describedby")).contains(hint);
		}
		assertThat(page.getElementById("contacts0.email-public").text())
			.contains("Si le nom n’est pas publié, une adresse qui l’écrit");
	}

	@Test
	void anAddressSpellingANameNotPublishedIsWarnedOfAndNotPublished() {
		WebClient browser = new WebClient(this.port);
		String author = "nom.dans.adresse@asso.example";
		Questionnaire.start(browser, author);
		browser.post("/recensement/structure", Questionnaire.structure("Association Nom Dans Adresse"));
		String[] contacts = { "contacts[0].key", "nabc", "contacts[0].fullName", "Hélène Lefèvre", "contacts[0].role",
				"Trésorière", "contacts[0].email", "helene.lefevre@asso.example", "contacts[0].publishEmail", "true",
				"_contacts[0].publishName", "on", "_contacts[0].publishEmail", "on", "_contacts[0].publishPhone", "on",
				"contacts[1].key", "nabd", "contacts[1].fullName", "Alex Martin", "contacts[1].email",
				"secretariat@asso.example", "contacts[1].publishEmail", "true", "_contacts[1].publishName", "on",
				"_contacts[1].publishEmail", "on", "_contacts[1].publishPhone", "on", "action", "suivant" };
		WebClient.Page warned = browser.post("/recensement/contacts", contacts);
		assertThat(warned.uri()).as("the step stays to warn").isEqualTo("/recensement/contacts");
		Document page = Jsoup.parse(warned.body());
		assertThat(page.select("[role=alert]").text()).contains("contient un nom qui ne sera pas publié");
		assertThat(page.select(".name-in-address").eachText()).as("one warning, for the address spelling the name")
			.containsExactly(
					"L’adresse helene.lefevre@asso.example contient le nom de la personne, dont la publication n’est pas acceptée : elle ne sera pas publiée. Pour qu’elle le soit, acceptez la publication du nom ou donnez une adresse sans nom (contact@…).");

		String[] seen = java.util.stream.Stream
			.concat(java.util.Arrays.stream(contacts), java.util.stream.Stream.of("nomDansAdresseVu", "true"))
			.toArray(String[]::new);
		assertThat(browser.post("/recensement/contacts", seen).uri()).isEqualTo("/recensement/projets");
		// the author's recap says what will be public, the rule included
		assertThat(Jsoup.parse(browser.get("/recensement/relecture").body())
			.select("#relecture-contacts + ul li")
			.eachText())
			.satisfiesExactly((helene) -> assertThat(helene).contains(
					"Nom : non publié · E-mail : non publié (l’adresse écrit le nom, qui n’est pas publié) · Téléphone : non publié"),
					(alex) -> assertThat(alex).contains("Nom : non publié · E-mail : publié · Téléphone : non publié"));
		assertThat(browser.post("/recensement/envoi", "publication", "oui", "email", author).uri())
			.isEqualTo("/recensement/merci");
		long submission = this.jdbc.sql("select id from submission where author_email = ? and status = 'SUBMITTED'")
			.param(author)
			.query(Long.class)
			.single();
		WebClient admin = new WebClient(this.port);
		admin.get("/connexion");
		admin.post("/connexion", "email", ADMIN_EMAIL, "motDePasse", ADMIN_PASSWORD);
		// so does the staff's review, before approving
		assertThat(Jsoup.parse(admin.get("/moderation/soumissions/" + submission).body())
			.select(".consent-words")
			.eachText()).containsExactlyInAnyOrder(
					"Nom : non publié · E-mail : non publié (l’adresse écrit le nom, qui n’est pas publié) · Téléphone : non publié",
					"Nom : non publié · E-mail : publié · Téléphone : non publié");
		long actor = Questionnaire.approve(admin, this.jdbc, submission);
		String slug = this.jdbc.sql("select slug from actor where id = ?").param(actor).query(String.class).single();

		String actorPage = Jsoup.parse(new WebClient(this.port).get("/acteurs/" + slug).body()).text();
		assertThat(actorPage).contains("Association Nom Dans Adresse", "secretariat@asso.example")
			.doesNotContain("helene.lefevre@asso.example", "Hélène", "Lefèvre", "Alex Martin");
		// the same rule in the whole-list downloads, read in one streamed query (the
		// API's
		// actor reads the actor page's query)
		for (String output : new String[] { "/donnees/acteurs.json", "/donnees/acteurs.csv" }) {
			WebClient.Page data = new WebClient(this.port).get(output);
			assertThat(data.status()).as(output).isEqualTo(200);
			assertThat(data.body()).as(output)
				.contains("secretariat@asso.example")
				.doesNotContain("helene.lefevre@asso.example", "Lefèvre");
		}
	}

	@Test
	void anAddressSpellsANameWhenItHoldsOneOfItsWords() {
		NameInAddress rule = new NameInAddress();
		assertThat(rule.spells("Camille Durand", "camille.durand@asso.example")).isTrue();
		assertThat(rule.spells("Camille Durand", "cdurand@asso.example")).isTrue();
		assertThat(rule.spells("Hélène Lefèvre", "HELENE.LEFEVRE@asso.example")).isTrue();
		assertThat(rule.spells("Camille Durand", "contact@durand-conseil.example")).as("the domain is not the person")
			.isFalse();
		assertThat(rule.spells("Camille Durand", "secretariat@asso.example")).isFalse();
		assertThat(rule.spells("Jean de La Fontaine", "delarue@asso.example")).as("particles say nothing").isFalse();
		assertThat(rule.spells("Lu Li", "lu.li@asso.example")).as("words under 3 letters are not checked").isFalse();
	}

}
