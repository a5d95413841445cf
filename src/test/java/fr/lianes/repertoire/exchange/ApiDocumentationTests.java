package fr.lianes.repertoire.exchange;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /donnees/api}, the API's documentation served by the site: every route of the
 * generated OpenAPI document with its parameters and responses, an example of each that
 * answers, nothing loaded from elsewhere; linked from {@code /donnees}.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ApiDocumentationTests {

	@Autowired
	private MockMvcTester mvc;

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void theDocumentationPageShowsEveryRouteOfTheGeneratedDocument() {
		JsonNode doc = this.json.readTree(text("/api/v1/openapi.json", "fr"));
		List<String> paths = new ArrayList<>();
		doc.get("paths").propertyNames().forEach(paths::add);
		assertThat(paths).hasSize(8);

		Document page = Jsoup.parse(text("/donnees/api", "fr"));
		assertThat(page.select("h1").text()).isEqualTo("Documentation de l’API ouverte");
		assertThat(page.select("section.api-route h3").eachText())
			.containsExactlyInAnyOrderElementsOf(paths.stream().map((p) -> "GET " + p).toList());
		Element actors = page.select("section.api-route")
			.stream()
			.filter((s) -> s.select("h3").text().equals("GET /api/v1/acteurs"))
			.findFirst()
			.orElseThrow();
		List<String> parameters = new ArrayList<>();
		doc.at("/paths/~1api~1v1~1acteurs/get/parameters").forEach((p) -> parameters.add(p.get("name").asString()));
		assertThat(parameters).contains("pays", "curseur", "taille");
		assertThat(actors.select("table").first().select("tbody th code").eachText())
			.containsExactlyElementsOf(parameters);
		assertThat(actors.text()).contains(doc.at("/paths/~1api~1v1~1acteurs/get/summary").asString())
			.contains("Par défaut : 20.")
			.contains("application/problem+json");
		assertThat(page.select("section.api-schema h3").eachText()).contains("ApiActor", "ApiProject", "Problem");

		// every example answers
		List<String> examples = page.select("section.api-route p a[href^=/api/v1/]").eachAttr("href");
		assertThat(examples).hasSize(paths.size());
		examples.forEach((example) -> assertThat(this.mvc.get().uri(example)).as(example).hasStatusOk());
		// nothing from elsewhere: no script of its own, no third-party address
		assertThat(page.select("script[src]").eachAttr("src")).allMatch((src) -> src.startsWith("/webjars/htmx"));
		assertThat(page.select("[src^=http], link[href^=http]:not([rel=canonical])")).isEmpty();

		assertThat(Jsoup.parse(text("/donnees", "fr")).select("main a[href=/donnees/api]")).hasSize(1);
		assertThat(Jsoup.parse(text("/donnees/api", "en")).select("h1").text()).isEqualTo("Open API documentation");
	}

	private String text(String path, String language) {
		MvcTestResult result = this.mvc.get().uri(path).header("Accept-Language", language).exchange();
		assertThat(result).as(path).hasStatusOk();
		try {
			return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
