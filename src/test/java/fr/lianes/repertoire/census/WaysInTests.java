package fr.lianes.repertoire.census;

import java.util.List;

import fr.lianes.repertoire.testing.FreshDirectoryTest;
import fr.lianes.repertoire.testing.HtmlForms;
import fr.lianes.repertoire.testing.TypedActor;
import fr.lianes.repertoire.testing.WebClient;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static fr.lianes.repertoire.testing.TypedActor.TypedProject.project;
import static fr.lianes.repertoire.testing.TypedActor.actor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How an actor finds the way to enter or update itself, over HTTP and without JavaScript:
 * « Référencer votre structure » on the home page, the list of actors and every page's
 * footer; « Mettre à jour cette fiche » on each actor's page, which asks for the update
 * link of that actor and sends it only to that actor's own addresses.
 */
class WaysInTests extends FreshDirectoryTest {

	@Test
	void theQuestionnaireIsLinkedFromTheHomePageTheListOfActorsAndEveryFooter() {
		WebClient visitor = new WebClient(this.port);
		for (String path : List.of("/", "/acteurs")) {
			Document page = Jsoup.parse(visitor.get(path).body());
			assertThat(page.select("main a[href=/recensement]").eachText()).as(path)
				.contains("Référencer votre structure");
		}
		for (String path : List.of("/", "/acteurs", "/projets", "/pays", "/domaines", "/chiffres",
				"/recensement/mise-a-jour", "/mentions-legales")) {
			Document page = Jsoup.parse(visitor.get(path).body());
			assertThat(page.select("footer a[href=/recensement]").text()).as(path)
				.isEqualTo("Référencer votre structure");
			assertThat(page.select("footer a[href=/recensement/mise-a-jour]").text()).as(path)
				.isEqualTo("Mettre à jour une fiche");
		}
		WebClient.Page questionnaire = visitor.get("/recensement");
		assertThat(questionnaire.status()).isEqualTo(200);
		assertThat(Jsoup.parse(questionnaire.body()).select("form[action=/recensement/commencer] input[name=email]"))
			.hasSize(1);
	}

	@Test
	void anActorsPageLeadsToTheUpdateRequestOfThatActorWhichOnlyItsOwnAddressesReceive() {
		TypedActor kept = actor("lome", "Amitié Tourcoing Lomé", "association-solidarite-internationale", "59200",
				"Tourcoing")
			.project(project("Bibliothèque de quartier à Bè").in("TG").localities("Lomé").domains("lecture-publique"));
		TypedActor other = actor("sokode", "Les Amis de Sokodé", "association-solidarite-internationale", "59200",
				"Tourcoing")
			.project(project("Moulin à karité").in("TG").localities("Sokodé").domains("artisanat"));
		String slug = enter(kept);
		enter(other);

		WebClient visitor = new WebClient(this.port);
		Document entry = Jsoup.parse(visitor.get("/acteurs/" + slug).body());
		assertThat(entry.select("a:contains(Mettre à jour cette fiche)").attr("href"))
			.isEqualTo("/recensement/mise-a-jour?acteur=" + slug);
		WebClient.Page request = visitor.get("/recensement/mise-a-jour?acteur=" + slug);
		assertThat(Jsoup.parse(request.body()).text()).contains("mettre à jour la fiche « Amitié Tourcoing Lomé »");
		assertThat(HtmlForms.hidden(request.body(), "/recensement/mise-a-jour")).contains("acteur", slug);

		// another actor's address, or an unknown one: the same answer, and no link for
		// this
		// actor
		String answer = visitor.post("/recensement/mise-a-jour", "email", other.email(), "acteur", slug).body();
		assertThat(answer.replace(other.email(), "X"))
			.isEqualTo(visitor.post("/recensement/mise-a-jour", "email", "personne@inconnu.example", "acteur", slug)
				.body()
				.replace("personne@inconnu.example", "X"));
		assertThat(updateLinksTo(other.email())).isZero();
		assertThat(updateLinksTo("personne@inconnu.example")).isZero();

		// its own address: the link opens its entry
		visitor.post("/recensement/mise-a-jour", "email", kept.email(), "acteur", slug);
		assertThat(updateLinksTo(kept.email())).isOne();
		String link = linkIn(mailTo(kept.email(), "mettre à jour"));
		WebClient author = new WebClient(this.port);
		author.get(link);
		WebClient.Page structure = author.post("/recensement/lien", "jeton", link.substring(link.indexOf('=') + 1));
		assertThat(structure.uri()).isEqualTo("/recensement/structure");
		assertThat(Jsoup.parse(structure.body()).select("#name").val()).isEqualTo("Amitié Tourcoing Lomé");

		// an unknown or unpublished actor leaves the request as it is without one
		assertThat(Jsoup.parse(visitor.get("/recensement/mise-a-jour?acteur=inconnue").body()).text())
			.doesNotContain("mettre à jour la fiche «");
	}

	private long updateLinksTo(String email) {
		return this.jdbc.sql(
				"select count(*) from outgoing_mail where lower(recipient) = lower(?) and purpose = 'CENSUS_UPDATE_LINK'")
			.param(email)
			.query(Long.class)
			.single();
	}

}
