package fr.lianes.repertoire.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import fr.lianes.repertoire.testing.ProductionStartTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The FR | EN switch: on every kind of page, French for a browser that asks for neither,
 * the browser's English otherwise, and the choice made with the switch remembered over
 * the browser's preference.
 */
class LanguageSwitchTests extends ProductionStartTest {

	@LocalServerPort
	private int port;

	private final CookieManager cookies = new CookieManager();

	private final HttpClient http = HttpClient.newBuilder().cookieHandler(this.cookies).build();

	@Test
	void everyKindOfPageShowsTheSwitchAndABrowserAskingForNeitherGetsFrench() throws Exception {
		for (String path : List.of("/", "/acteurs?q=eau&type=association", "/projets", "/pays", "/chiffres",
				"/recensement", "/connexion", "/donnees-personnelles", "/donnees-personnelles/demande",
				"/mentions-legales", "/page-qui-n-existe-pas")) {
			Document page = page(path, "de-DE,de;q=0.9");
			assertThat(page.selectFirst("html").attr("lang")).as(path).isEqualTo("fr");
			Element english = page.selectFirst("nav.language-switch a[hreflang=en]");
			assertThat(english).as("the switch on " + path).isNotNull();
			assertThat(english.text()).isEqualTo("EN – English");
			assertThat(english.attr("href")).as("the switch of %s keeps the page and its query", path)
				.contains("lang=en")
				.startsWith(path.startsWith("/page-qui") ? "?lang=en" : path.replaceAll("\\?.*", ""));
			assertThat(page.selectFirst("nav.language-switch a[hreflang=fr]").attr("aria-current")).isEqualTo("true");
		}
		Element english = page("/acteurs?q=eau&type=association", null).selectFirst("a[hreflang=en]");
		assertThat(english.attr("href")).isEqualTo("/acteurs?q=eau&type=association&lang=en");
	}

	@Test
	void theLanguageChosenIsRememberedOverTheBrowsers() throws Exception {
		assertThat(page("/", "en-GB,en;q=0.9").selectFirst("html").attr("lang")).isEqualTo("en");
		Document french = page("/acteurs?lang=fr", "en-GB,en;q=0.9");
		assertThat(french.selectFirst("html").attr("lang")).isEqualTo("fr");
		assertThat(this.cookies.getCookieStore().getCookies())
			.anyMatch((c) -> c.getName().equals("repertoire-langue") && c.isHttpOnly());
		Document next = page("/projets", "en-GB,en;q=0.9");
		assertThat(next.selectFirst("html").attr("lang")).as("remembered").isEqualTo("fr");
		assertThat(next.selectFirst("a[hreflang=fr]").attr("aria-current")).isEqualTo("true");

		assertThat(page("/projets?lang=en", "fr").selectFirst("html").attr("lang")).isEqualTo("en");
		assertThat(page("/donnees-personnelles", "fr").select("h1").text()).isEqualTo("Personal data");
		assertThat(page("/projets?lang=xx", "fr").selectFirst("html").attr("lang"))
			.as("a language the site does not have changes nothing")
			.isEqualTo("en");
	}

	private Document page(String path, String acceptLanguage) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept", "text/html");
		if (acceptLanguage != null) {
			request.header("Accept-Language", acceptLanguage);
		}
		HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path).isIn(200, 404);
		return Jsoup.parse(response.body());
	}

}
