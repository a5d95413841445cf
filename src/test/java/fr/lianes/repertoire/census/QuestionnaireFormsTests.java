package fr.lianes.repertoire.census;

import java.util.ArrayList;
import java.util.List;

import fr.lianes.repertoire.testing.HtmlForms;
import fr.lianes.repertoire.testing.Questionnaire;
import fr.lianes.repertoire.testing.WebClient;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import fr.lianes.repertoire.testing.ProductionStartTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The questionnaire's pages as a browser without JavaScript gets and sends them (issue
 * 17): countries as checkboxes by continent and chips, optional project fields folded,
 * the step indicator. On a directory started as production starts it.
 */
class QuestionnaireFormsTests extends ProductionStartTest {

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void countriesTickedWithoutJavaScriptComeBackAsChipsAndLeaveTheirContinentsList() {
		WebClient browser = new WebClient(this.port);
		Questionnaire.start(browser, "pays@asso.example");
		WebClient.Page empty = browser.get("/recensement/projets/nouveau");
		Document page = Jsoup.parse(empty.body());
		assertThat(page.select("select[multiple]")).isEmpty();
		int african = page.select("details.continent:has(input[value=SN]) input").size();
		assertThat(page.select("details.continent > summary").eachText()).contains("Afrique (" + african + " pays)");
		assertThat(page.select("details.continent[open]")).isEmpty();
		assertThat(page.select("details.continent input[type=checkbox][name=countries]")).hasSizeGreaterThan(200);
		assertThat(page.select(".country-chips li")).isEmpty();
		assertThat(page.selectFirst(".country-none").hasAttr("hidden")).isFalse();

		// ticked in two continents, sent without a title: the page comes back with them
		// first
		WebClient.Page invalid = browser.post(empty.uri(), "title", "", "kind", "COOPERATION", "nature", "TRAINING",
				"status", "ONGOING", "countries", "SN", "countries", "VN", "domains", "education");
		assertThat(invalid.uri()).isEqualTo(empty.uri());
		page = Jsoup.parse(invalid.body());
		assertThat(page.select(".country-chips input[checked]").eachAttr("value")).containsExactly("SN", "VN");
		assertThat(page.select(".country-chips label").eachText()).containsExactly("Sénégal", "Viêt Nam");
		assertThat(page.selectFirst(".country-none").hasAttr("hidden")).isTrue();
		assertThat(page.select("details.continent input[value=SN], details.continent input[value=VN]")).isEmpty();
		assertThat(page.select("input[name=countries][value=SN]")).hasSize(1);
		assertThat(page.select("details.continent > summary").eachText())
			.contains("Afrique (" + (african - 1) + " pays)");
		assertThat(page.selectFirst("#title").parent().select(".error").text())
			.isEqualTo("Erreur : Ce champ est obligatoire.");

		// the page sent back as it is, a title typed: both countries are saved, once each
		String[] form = HtmlForms.fields(invalid.body(), "title", "Puits au Sénégal et au Viêt Nam");
		assertThat(browser.post(empty.uri(), form).uri()).isEqualTo("/recensement/projets");
		assertThat(savedCountries("pays@asso.example")).isEqualTo("[\"SN\", \"VN\"]");

		// shown again later, they are chips; one unticked goes at the next save
		WebClient.Page again = browser.get(empty.uri());
		assertThat(Jsoup.parse(again.body()).select(".country-chips input[checked]").eachAttr("value"))
			.containsExactly("SN", "VN");
		List<String> withoutVn = new ArrayList<>(List.of(HtmlForms.fields(again.body(), "title", null)));
		int vn = withoutVn.indexOf("VN");
		withoutVn.subList(vn - 1, vn + 1).clear();
		assertThat(browser.post(empty.uri(), withoutVn.toArray(String[]::new)).uri()).isEqualTo("/recensement/projets");
		assertThat(savedCountries("pays@asso.example")).isEqualTo("[\"SN\"]");
	}

	@Test
	void optionalProjectFieldsAreFoldedUnlessTheyHoldAValueOrAnError() {
		WebClient browser = new WebClient(this.port);
		Questionnaire.start(browser, "replie@asso.example");
		WebClient.Page empty = browser.get("/recensement/projets/nouveau");
		Document page = Jsoup.parse(empty.body());
		assertThat(page.select("details.fold").eachAttr("id")).contains("dates", "partenaires", "financement");
		assertThat(page.select("details.fold[open]")).isEmpty();
		assertThat(page.select("#kind input, #status input, #title, #nature, #domains input"))
			.allSatisfy((field) -> assertThat(field.parents()
				.stream()
				.noneMatch((p) -> p.tagName().equals("details") && !p.hasClass("sub-domains"))).as(field.id())
				.isTrue());

		// a wrong year opens its fold with its message; a funder opens its own
		WebClient.Page invalid = browser.post(empty.uri(), "title", "Repliages", "kind", "COOPERATION", "nature",
				"TRAINING", "status", "ONGOING", "countries", "SN", "domains", "nutrition", "endYear", "vingt",
				"funders", "La Région");
		page = Jsoup.parse(invalid.body());
		assertThat(page.select("details.fold[open]").eachAttr("id")).containsExactlyInAnyOrder("dates", "financement");
		Element endYear = page.selectFirst("#dates #endYear").parent();
		assertThat(endYear.hasClass("has-error")).isTrue();
		assertThat(endYear.select(".error").text()).isEqualTo("Erreur : Saisissez une année sur quatre chiffres.");
		assertThat(page.select(".error-summary a[href=#endYear]")).hasSize(1);
		// the domain chosen opens the fold of its parent domain, and only that one
		assertThat(page.select("details.sub-domains[open] input[checked]").eachAttr("value"))
			.containsExactly("nutrition");

		// partner lines asked for: their fold is open
		List<String> form = new ArrayList<>(List.of(HtmlForms.fields(invalid.body(), "title", null)));
		form.addAll(List.of("action", "partenaires"));
		WebClient.Page rows = browser.post(empty.uri(), form.toArray(String[]::new));
		assertThat(rows.uri()).startsWith(empty.uri());
		assertThat(Jsoup.parse(rows.body()).select("details.fold[open]").eachAttr("id")).contains("partenaires");
	}

	@Test
	void theStepIndicatorIsAnOrderedListThatMarksTheCurrentAndTheDoneSteps() {
		WebClient browser = new WebClient(this.port);
		Questionnaire.start(browser, "etapes@asso.example");
		Document structure = Jsoup.parse(browser.get("/recensement/structure").body());
		Element steps = structure.selectFirst("nav.steps");
		assertThat(steps.attr("aria-label")).isEqualTo("Étapes du questionnaire");
		assertThat(steps.selectFirst(".steps-count").text()).isEqualTo("Étape 1 sur 4 : Votre structure");
		assertThat(steps.select("ol > li")).hasSize(4);
		assertThat(steps.select("li[aria-current=step]").text()).contains("Votre structure");
		assertThat(steps.select("li[aria-current=step] a")).isEmpty();
		assertThat(steps.select("li.done")).isEmpty();
		assertThat(steps.select("li a").eachAttr("href")).containsExactly("/recensement/contacts",
				"/recensement/projets", "/recensement/relecture");

		WebClient.Page contacts = browser.post("/recensement/structure", "name", "Les Étapes Franchies", "actorType",
				"association-solidarite-internationale", "postalCode", "59000", "communeName", "Lille", "pasUnDoublon",
				"true");
		assertThat(contacts.uri()).isEqualTo("/recensement/contacts");
		steps = Jsoup.parse(contacts.body()).selectFirst("nav.steps");
		assertThat(steps.selectFirst(".steps-count").text()).isEqualTo("Étape 2 sur 4 : Personnes à contacter");
		assertThat(steps.select("li[aria-current=step]").text()).contains("Personnes à contacter");
		assertThat(steps.select("li.done").text()).isEqualTo("1 Votre structure (étape complète)");
		assertThat(steps.select("li:not(.done)")).hasSize(3);
	}

	private String savedCountries(String email) {
		return this.jdbc.sql("""
				select (content->'projects'->0->'countries')::text from submission
				where author_email = ? and status = 'DRAFT'""").param(email).query(String.class).single();
	}

}
