package fr.lianes.repertoire.exchange;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole-list downloads on the demo directory, their order read from the index in
 * passes of 120 entries handed over in chunks of 50 (instead of tens of thousands and
 * thousands) so that every list below crosses many pass and chunk boundaries: a list page
 * walked from its first page to its last, then the download its link offers, hold the
 * same entries in the same order; and the actors' contacts are still exactly those
 * consented to.
 */
@SpringBootTest(properties = { "repertoire.exchange.download-chunk=" + DownloadOrderTests.CHUNK,
		"repertoire.exchange.download-pass=" + DownloadOrderTests.PASS })
@AutoConfigureMockMvc
class DownloadOrderTests {

	static final int CHUNK = 50;

	/** Not a multiple of the chunk: a pass over the index ends within a chunk. */
	static final int PASS = 120;

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JdbcClient jdbc;

	private final JsonMapper json = JsonMapper.builder().build();

	@ParameterizedTest
	@ValueSource(strings = { "/projets?statut=en-cours", "/projets?tri=recent&pays=SN&pays=BJ&pays=ML",
			"/projets?q=eau", "/projets?domaine=sante" })
	void aProjectDownloadHoldsTheListPageEntriesInTheirOrder(String list) {
		List<String> shown = walk(list, "/projets/");
		assertThat(shown).as(list).hasSizeGreaterThan(CHUNK).doesNotHaveDuplicates();
		assertThat(jsonSlugs(downloadLink(list, ".json"))).as(list).isEqualTo(shown);
		assertThat(csvSlugs(downloadLink(list, ".csv"))).as(list).isEqualTo(shown);
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "/acteurs?territoire=metropole-lilloise", "/acteurs?tri=recent&pays=SN", "/acteurs?q=sante" })
	void anActorDownloadHoldsTheListPageEntriesInTheirOrder(String list) {
		List<String> shown = walk(list, "/acteurs/");
		assertThat(shown).as(list).hasSizeGreaterThan(CHUNK).doesNotHaveDuplicates();
		assertThat(jsonSlugs(downloadLink(list, ".json"))).as(list).isEqualTo(shown);
		assertThat(csvSlugs(downloadLink(list, ".csv"))).as(list).isEqualTo(shown);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/donnees/acteurs.json", "/donnees/acteurs.geojson" })
	void theWholeActorDownloadCarriesExactlyTheConsentedContactFields(String download) {
		Set<String> consented = ApiTests.consentedContactFields(this.jdbc);
		assertThat(consented).isNotEmpty();
		Set<String> exported = new HashSet<>();
		JsonNode body = body(download);
		JsonNode actors = body.has("features") ? body.get("features") : body;
		int count = 0;
		for (JsonNode entry : actors) {
			JsonNode actor = entry.has("properties") ? entry.get("properties") : entry;
			count++;
			for (JsonNode contact : actor.get("contacts")) {
				for (String[] field : new String[][] { { "name", "NAME" }, { "email", "EMAIL" },
						{ "phone", "PHONE" } }) {
					if (contact.has(field[0])) {
						exported.add(
								actor.get("slug").asString() + "|" + field[1] + "|" + contact.get(field[0]).asString());
					}
				}
			}
		}
		assertThat(count).isGreaterThan(10 * CHUNK);
		assertThat(exported).isEqualTo(consented);
	}

	/** The entries of a list page, from its first page to its last, by their links. */
	private List<String> walk(String list, String prefix) {
		List<String> slugs = new ArrayList<>();
		String page = list;
		while (page != null) {
			Document html = html(page);
			for (Element link : html.select("ul.cards > li.card h3.card-title a")) {
				String href = link.attr("href");
				assertThat(href).startsWith(prefix);
				slugs.add(href.substring(prefix.length()));
			}
			Element next = html.selectFirst("nav.pagination a[rel=next]");
			page = (next != null) ? next.attr("href") : null;
		}
		return slugs;
	}

	/** The address of the list page's download in this format. */
	private String downloadLink(String list, String extension) {
		Element link = html(list).select("p.downloads a[download]")
			.stream()
			.filter((a) -> a.attr("href").contains(extension + "?") && !a.attr("href").contains("separateur"))
			.findFirst()
			.orElseThrow(() -> new AssertionError(list + " offers no " + extension + " download"));
		return link.attr("href");
	}

	private List<String> jsonSlugs(String download) {
		List<String> slugs = new ArrayList<>();
		body(download).forEach((entry) -> slugs.add(entry.get("slug").asString()));
		return slugs;
	}

	private List<String> csvSlugs(String download) {
		String text = content(download);
		assertThat(text).startsWith("\uFEFF");
		try {
			List<CSVRecord> records = CSVFormat.DEFAULT.builder()
				.setDelimiter(';')
				.get()
				.parse(new StringReader(text.substring(1)))
				.getRecords();
			return records.stream().skip(1).map((row) -> row.get(0)).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Document html(String path) {
		return Jsoup.parse(content(path));
	}

	private JsonNode body(String path) {
		return this.json.readTree(content(path));
	}

	private String content(String path) {
		MvcTestResult result = this.mvc.get().uri(path).exchange();
		assertThat(result).as(path).hasStatusOk();
		try {
			return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
