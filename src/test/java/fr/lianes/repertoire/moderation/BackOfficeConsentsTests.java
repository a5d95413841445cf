package fr.lianes.repertoire.moderation;

import java.util.Arrays;

import fr.lianes.repertoire.testing.HtmlForms;
import fr.lianes.repertoire.testing.Questionnaire;
import fr.lianes.repertoire.testing.TypedActor;
import fr.lianes.repertoire.testing.WebClient;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import fr.lianes.repertoire.testing.ProductionStartTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a contact person agreed to publish, as the back office says it everywhere (issue
 * 17): « Nom : publié · E-mail : non publié · Téléphone : non publié » on the entry's
 * page, in its history and on the page of two staff edits that crossed, never « Oui » or
 * « Non ». Through the real HTTP flow, on a directory started as production starts it.
 */
class BackOfficeConsentsTests extends ProductionStartTest {

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	private WebClient admin;

	@BeforeEach
	void signIn() {
		this.admin = new WebClient(this.port);
		this.admin.get("/connexion");
		this.admin.post("/connexion", "email", ADMIN_EMAIL, "motDePasse", ADMIN_PASSWORD);
	}

	@Test
	void consentsReadInWordsOnTheEntryItsHistoryAndACrossedEdit() {
		long id = Questionnaire.enter(this.port, this.jdbc, this.admin, TypedActor.actor("consentements",
				"Association Consentements en Clair", "association-solidarite-internationale", "59000", "Lille"));
		String contacts = "/moderation/acteurs/" + id + "/contacts";

		// the entry as approved: its contact person publishes their name only
		Document entry = Jsoup.parse(this.admin.get("/moderation/acteurs/" + id).body());
		assertThat(entry.select("td.consents").eachText())
			.containsExactly("Nom : publié · E-mail : non publié · Téléphone : non publié");
		// its creation in the history: nothing before, the three consents after, on one
		// row
		Element created = entry.select(".history tr.consents").last();
		assertThat(created.select("td").eachText()).containsExactly("—",
				"Nom : publié · E-mail : non publié · Téléphone : non publié");
		assertThat(created.select("th").text()).startsWith("Ce qui est publié");

		// two staff members open the contacts; the first lets the email be published
		String first = this.admin.get(contacts).body();
		String second = this.admin.get(contacts).body();
		WebClient.Page saved = this.admin.post(contacts,
				withSave(HtmlForms.fields(first, "contacts[0].publishEmail", "true")));
		assertThat(saved.uri()).isEqualTo("/moderation/acteurs/" + id);
		Document after = Jsoup.parse(saved.body());
		assertThat(after.select("td.consents").eachText())
			.containsExactly("Nom : publié · E-mail : publié · Téléphone : non publié");
		// the change in the history: only the field it touched, in words
		assertThat(after.select(".history tr.consents").first().select("td").eachText())
			.containsExactly("E-mail : non publié", "E-mail : publié");

		// the second, from the older version, adds a phone to publish instead: both
		// versions shown, consents in words
		String[] phone = HtmlForms.fields(second, "contacts[0].phone", "03 20 00 00 00");
		phone = Arrays.copyOf(phone, phone.length + 2);
		phone[phone.length - 2] = "contacts[0].publishPhone";
		phone[phone.length - 1] = "true";
		WebClient.Page crossed = this.admin.post(contacts, withSave(phone));
		Document conflict = Jsoup.parse(crossed.body());
		assertThat(conflict.select(".conflict")).hasSize(1);
		assertThat(conflict.select(".conflict tr.consents td").eachText()).containsExactly(
				"Nom : publié · E-mail : publié · Téléphone : non publié",
				"Nom : publié · E-mail : non publié · Téléphone : publié");

		for (Element shown : new Element[] { entry.selectFirst("main"), after.selectFirst("main"),
				conflict.selectFirst(".conflict") }) {
			assertThat(shown.select("td, dd").eachText()).doesNotContain("Oui", "Non", "true", "false");
			assertThat(shown.select("table").text()).doesNotContain("J’accepte que mon");
		}
	}

	private static String[] withSave(String[] fields) {
		String[] sent = Arrays.copyOf(fields, fields.length + 2);
		sent[fields.length] = "action";
		sent[fields.length + 1] = "enregistrer";
		return sent;
	}

}
