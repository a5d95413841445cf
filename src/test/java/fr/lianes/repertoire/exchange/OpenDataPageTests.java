package fr.lianes.repertoire.exchange;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /donnees} on the demo directory: linked from every page's footer and from the
 * lists' downloads, it gives the licence, the date of the data, and links every download,
 * the API and the IATI file, each of which answers.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OpenDataPageTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void theOpenDataPageLinksEveryOutputWithTheLicenceAndTheDateOfTheData() {
		Document home = page("/", "fr");
		assertThat(home.select("footer a[href=/donnees]").text()).isEqualTo("Données ouvertes");
		assertThat(page("/acteurs?pays=SN", "fr").select("p.downloads a[href=/donnees]")).hasSize(1);

		Document page = page("/donnees", "fr");
		assertThat(page.select("h1").text()).isEqualTo("Données ouvertes");
		assertThat(page.select("a[href^=https://www.etalab.gouv.fr/licence-ouverte]").text())
			.contains("Licence Ouverte / Open Licence 2.0");
		Instant last = this.jdbc.sql("""
				select greatest((select max(updated_at) from actor where published),
				                (select max(updated_at) from public_project))""").query(Instant.class).single();
		java.time.ZonedDateTime lastInParis = last.atZone(ZoneId.of("Europe/Paris"));
		// « 1er mars 2026 », « 2 mars 2026 »
		String date = ((lastInParis.getDayOfMonth() == 1) ? "1er" : String.valueOf(lastInParis.getDayOfMonth())) + " "
				+ DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRENCH).format(lastInParis);
		assertThat(page.select("p.data-date").text()).isEqualTo("Données à jour au " + date + ".");
		long projects = this.jdbc.sql("select count(*) from public_project").query(Long.class).single();
		assertThat(page.select("h3").eachText().stream().map((h) -> h.replaceAll("[^\\p{L}0-9()]", "")))
			.contains("Projets(" + projects + ")");

		List<String> links = page.select("main a[href^=/]").eachAttr("href");
		assertThat(links).contains("/donnees/acteurs.csv", "/donnees/acteurs.csv?separateur=virgule",
				"/donnees/acteurs.xlsx", "/donnees/acteurs.json", "/donnees/acteurs.geojson", "/donnees/projets.csv",
				"/donnees/projets.xlsx", "/donnees/projets.json", "/api/v1/openapi.json",
				"/donnees/iati/activites.xml");
		for (String link : links) {
			assertThat(this.mvc.get().uri(link)).as(link).hasStatusOk();
		}
	}

	@Test
	void theOpenDataPageSpeaksEnglishToWhoAsks() {
		Document page = page("/donnees", "en");
		assertThat(page.select("h1").text()).isEqualTo("Open data");
		assertThat(page.select("h2").eachText()).contains("Licence", "Downloads", "Open API", "IATI");
	}

	private Document page(String uri, String language) {
		var result = this.mvc.get().uri(uri).header("Accept-Language", language).exchange();
		assertThat(result).as(uri).hasStatusOk();
		return Jsoup
			.parse(new String(result.getResponse().getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8));
	}

}
