package fr.lianes.repertoire.moderation;

import java.util.List;

import fr.lianes.repertoire.testing.HtmlForms;
import fr.lianes.repertoire.testing.Questionnaire;
import fr.lianes.repertoire.testing.TypedActor;
import fr.lianes.repertoire.testing.WebClient;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import fr.lianes.repertoire.testing.ProductionStartTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The review of a response in the back office, as a moderator reads it (issue 17): the
 * staff layout with its menu, a new structure shown as proposed with nothing marked
 * changed, an update marking only the fields it changes, and what each contact person
 * agreed to publish in words. On a directory started as production starts it.
 */
class BackOfficeReviewTests extends ProductionStartTest {

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
	void aNewStructureIsShownAsProposedWithNothingMarkedChangedAndConsentsInWords() {
		long id = Questionnaire.send(this.port, this.jdbc, TypedActor
			.actor("revue-nouvelle", "Association Revue Nouvelle", "association-solidarite-internationale", "59000",
					"Lille")
			.project(TypedActor.TypedProject.project("Puits partagés à Kaolack").in("SN").domains("nutrition")));
		Document page = Jsoup.parse(this.admin.get("/moderation/soumissions/" + id).body());

		// the back office's own layout: no public header, the staff menu with its section
		assertThat(page.select("header.site-header")).isEmpty();
		assertThat(page.select(".staff-header").text()).contains(ADMIN_EMAIL)
			.containsPattern("[0-9]+ réponses? à relire");
		assertThat(page.select(".staff-nav > .staff-sections a[aria-current=page]").text())
			.startsWith("Réponses à relire");
		assertThat(page.select(".staff-nav > .staff-sections a[aria-current=page]")).hasSize(1);
		// on a phone, the same menu folded, the current section named beside « Menu »
		assertThat(page.select(".staff-menu-fold summary").text()).isEqualTo("Menu Réponses à relire");

		assertThat(page.select(".change-mark")).isEmpty();
		assertThat(page.select("tr.changed")).isEmpty();
		assertThat(page.text()).contains("Nouvelle structure : rien n’est encore publié");
		assertThat(page.select("h1, h2, h3").eachText()).doesNotContain("Vos projets", "Votre structure")
			.contains("La structure", "Personnes à contacter", "Projets");
		assertThat(page.select("th, dt").eachText()).filteredOn("Publication"::equals).hasSizeLessThanOrEqualTo(1);
		// a new structure: only what is proposed, its empty fields left out
		assertThat(page.select("#structure-titre + table thead th").eachText()).containsExactly("Champ", "Proposé");
		assertThat(page.select("#structure-titre + table tbody th").eachText()).contains("Nom de la structure")
			.doesNotContain("SIRET");
		assertThat(page.select("tr.consents td").text())
			.isEqualTo("Nom : publié · E-mail : non publié · Téléphone : non publié");
		assertThat(page.text()).doesNotContain("Non, Non", "Oui, Non");
	}

	@Test
	void anUpdateMarksOnlyTheFieldsItChanges() {
		TypedActor typed = TypedActor.actor("revue-maj", "Association Revue Mise à Jour",
				"association-solidarite-internationale", "59000", "Lille");
		long actorId = Questionnaire.enter(this.port, this.jdbc, this.admin, typed);

		long id = sendUpdate(this.port, this.jdbc, typed, actorId, "description",
				"Une description revue par la structure.");

		Document page = Jsoup.parse(this.admin.get("/moderation/soumissions/" + id).body());
		assertThat(page.select(".change-mark")).hasSize(1);
		assertThat(page.select("tr.changed th").text()).startsWith("Description");
		assertThat(page.select("#structure-titre + table thead th").eachText()).containsExactly("Champ",
				"Publié aujourd’hui", "Proposé");
		// the contact person unchanged: its consents in words, not marked
		assertThat(page.select("tr.consents td").eachText())
			.isEqualTo(List.of("Nom : publié · E-mail : non publié · Téléphone : non publié",
					"Nom : publié · E-mail : non publié · Téléphone : non publié"));
		assertThat(page.select("tr.consents.changed")).isEmpty();
	}

	/**
	 * The actor's update as its author sends it from the emailed link, one field of its
	 * structure changed.
	 * @return the response waiting for a decision
	 */
	static long sendUpdate(int port, JdbcClient jdbc, TypedActor typed, long actorId, String field, String value) {
		WebClient author = new WebClient(port);
		author.get("/recensement/mise-a-jour");
		author.post("/recensement/mise-a-jour", "email", typed.email());
		String link = linkIn(mailTo(typed.email(), "mettre à jour"), "/recensement/lien");
		author.get(link);
		assertThat(author.post("/recensement/lien", "jeton", link.substring(link.indexOf('=') + 1)).uri())
			.isEqualTo("/recensement/structure");
		WebClient.Page structure = author.get("/recensement/structure");
		assertThat(author.post("/recensement/structure", HtmlForms.fields(structure.body(), field, value)).uri())
			.isEqualTo("/recensement/contacts");
		assertThat(author.post("/recensement/envoi", "publication", "oui", "email", typed.email()).uri())
			.isEqualTo("/recensement/merci");
		return jdbc.sql("select id from submission where actor_id = ? and status = 'SUBMITTED'")
			.param(actorId)
			.query(Long.class)
			.single();
	}

}
