package fr.lianes.repertoire.figures;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One definition per figure, over HTTP as a visitor reads the pages: the home page, the
 * lists and their facets, the country and territory pages and {@code /chiffres} count the
 * registered actors (published, active or dormant) under the same words, on the demo
 * directory, whose ceased actors would make them differ otherwise. And a request for
 * figures that cannot be computed in time gets the 503 page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FiguresAcrossPagesTests {

	private static final String REGISTERED = "a.published and a.status in ('ACTIVE', 'DORMANT')";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private DataSource dataSource;

	@Autowired
	private FiguresCache cache;

	@Test
	void everyPageCountsTheRegisteredActorsUnderTheSameWords() {
		long registered = count("select count(*) from actor a where " + REGISTERED);
		assertThat(count("select count(*) from actor a where a.published and a.status = 'CEASED'"))
			.as("the demo directory has ceased actors, which no count shows unless asked")
			.isPositive();
		Document home = page("/");
		Document figures = page("/chiffres");
		Document list = page("/acteurs");
		Element homeActors = home.select("ul.figures li").get(0);
		Element figuresActors = figures.select(".key-figures li").get(0);
		assertThat(number(homeActors.selectFirst("strong").text())).isEqualTo(registered);
		assertThat(number(figuresActors.selectFirst("strong").text())).isEqualTo(registered);
		assertThat(homeActors.selectFirst("span").text()).isEqualTo(figuresActors.selectFirst("span").text())
			.isEqualTo("acteurs enregistrés, actifs et en veille");
		assertThat(number(list.getElementById("result-count").text())).isEqualTo(registered);
		assertThat(list.select("fieldset.facet .hint").text())
			.isEqualTo("Sans statut choisi : les acteurs actifs et en veille.");
		// choosing the ceased ones shows them, and only then
		long ceased = number(page("/acteurs?statut=cesse").getElementById("result-count").text());
		assertThat(ceased).isEqualTo(count("select count(*) from actor a where a.published and a.status = 'CEASED'"));
		assertThat(number(list.selectFirst("label[for=f-statut-cesse] .count").text())).isEqualTo(ceased);
	}

	@Test
	void aTerritoryAndACountryHaveOneCountEverywhere() {
		String territory = "metropole-lilloise";
		long lille = count("""
				select count(*) from actor a join commune c on c.insee_code = a.commune_insee
				join epci e on e.siren = c.epci_siren join territory t on t.id = e.territory_id
				where %s and t.slug = ?""".formatted(REGISTERED), territory);
		long lilleCeased = count("""
				select count(*) from actor a join commune c on c.insee_code = a.commune_insee
				join epci e on e.siren = c.epci_siren join territory t on t.id = e.territory_id
				where a.published and a.status = 'CEASED' and t.slug = ?""", territory);
		assertThat(lilleCeased).as("ceased actors in the Métropole lilloise, counted nowhere").isPositive();
		Map<String, Long> lilleCounts = new LinkedHashMap<>();
		lilleCounts.put("/chiffres row", row(page("/chiffres"), "territoires", "/territoires/" + territory));
		lilleCounts.put("/chiffres filtered", keyActors(page("/chiffres?territoire=" + territory)));
		lilleCounts.put("/acteurs facet", facet(page("/acteurs"), "territoire", territory));
		lilleCounts.put("/acteurs filtered", listCount("/acteurs?territoire=" + territory));
		lilleCounts.put("/territoires/" + territory, number(
				page("/territoires/" + territory).selectFirst("p.result-count").text().replaceFirst(" et .*", "")));
		lilleCounts.put("/territoires", ranked(page("/territoires"), "/territoires/" + territory));
		lilleCounts.put("/ (home)", ranked(page("/"), "/territoires/" + territory));
		assertThat(lilleCounts).allSatisfy((where, value) -> assertThat(value).as(where).isEqualTo(lille));

		long senegal = count("""
				select count(*) from actor a where %s and exists (
				    select 1 from (select lead_actor_id as actor_id, id as project_id from public_project
				                   union select pa.actor_id, pa.project_id from project_actor pa
				                   join public_project p on p.id = pa.project_id) ap
				    join project_country pc on pc.project_id = ap.project_id
				    where ap.actor_id = a.id and pc.country_iso2 = 'SN')""".formatted(REGISTERED));
		Map<String, Long> senegalCounts = new LinkedHashMap<>();
		senegalCounts.put("/chiffres row", row(page("/chiffres"), "pays", "/pays/sn"));
		senegalCounts.put("/chiffres filtered", keyActors(page("/chiffres?pays=SN")));
		senegalCounts.put("/acteurs facet", facet(page("/acteurs"), "pays", "SN"));
		senegalCounts.put("/acteurs filtered", listCount("/acteurs?pays=SN"));
		senegalCounts.put("/pays/sn",
				number(page("/pays/sn").selectFirst("p.result-count").text().replaceFirst(" et .*", "")));
		senegalCounts.put("/pays",
				number(page("/pays").selectFirst("a[href=/pays/sn] + .count").text().replaceFirst(",.*", "")));
		senegalCounts.put("/ (home)", ranked(page("/"), "/pays/sn"));
		assertThat(senegalCounts).allSatisfy((where, value) -> assertThat(value).as(where).isEqualTo(senegal));
	}

	@Test
	void figuresThatCannotBeComputedInTimeGetThe503Page() throws Exception {
		// a new content version: no filter below has figures kept, old or new
		this.jdbc.sql("update actor set updated_at = updated_at where slug = 'lianes-cooperation'").update();
		CompletableFuture<HttpResponse<String>> first;
		CompletableFuture<HttpResponse<String>> second;
		try (Connection blocker = this.dataSource.getConnection(); Statement statement = blocker.createStatement()) {
			// every computation of the figures reads the campaigns: they wait for this
			// lock
			blocker.setAutoCommit(false);
			statement.execute("lock table census_campaign in access exclusive mode");
			try {
				first = this.http.sendAsync(request("/chiffres?pays=MR"), HttpResponse.BodyHandlers.ofString());
				second = this.http.sendAsync(request("/chiffres?pays=NE"), HttpResponse.BodyHandlers.ofString());
				await().atMost(Duration.ofSeconds(60))
					.until(() -> this.cache.running() == FiguresCache.MAX_COMPUTATIONS);
				HttpResponse<String> refused = this.http.send(request("/chiffres?pays=TD"),
						HttpResponse.BodyHandlers.ofString());
				assertThat(refused.statusCode()).isEqualTo(503);
				Document page = Jsoup.parse(refused.body());
				assertThat(page.select("h1").text()).isEqualTo("Une erreur est survenue");
				assertThat(page.text()).contains("réessayez dans quelques instants").doesNotContain("Exception");
			}
			finally {
				blocker.rollback();
			}
		}
		assertThat(first.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
		assertThat(second.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
		assertThat(this.http.send(request("/chiffres?pays=TD"), HttpResponse.BodyHandlers.ofString()).statusCode())
			.as("computed once the others are done")
			.isEqualTo(200);
	}

	/** The count of a row of a chart's table on /chiffres, by the row's link. */
	private static long row(Document figures, String chart, String href) {
		Element row = figures.select("#" + chart + " table tbody tr")
			.stream()
			.filter((tr) -> tr.selectFirst("a[href=" + href + "]") != null)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no row " + href + " in " + chart));
		return number(row.select("td").get(0).text());
	}

	private static long keyActors(Document figures) {
		return number(figures.select(".key-figures li strong").get(0).text());
	}

	/** The count beside a value of a list's facet. */
	private static long facet(Document list, String name, String value) {
		return number(list.selectFirst("label[for=f-" + name + "-" + value + "] .count").text());
	}

	/** The count beside a link of a ranked list (home page, territories). */
	private static long ranked(Document page, String href) {
		return number(page.selectFirst("ul.ranked a[href=" + href + "] + .count").text().replaceFirst(",.*", ""));
	}

	private long listCount(String path) {
		return number(page(path).getElementById("result-count").text());
	}

	private Document page(String path) {
		try {
			HttpResponse<String> response = this.http.send(request(path), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			return Jsoup.parse(response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private HttpRequest request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept", "text/html,application/xhtml+xml")
			.header("Accept-Language", "fr")
			.timeout(Duration.ofSeconds(90))
			.build();
	}

	private long count(String sql, Object... params) {
		return this.jdbc.sql(sql).params(List.of(params)).query(Long.class).single();
	}

	private static long number(String text) {
		return Long.parseLong(text.replaceAll("[^0-9]", ""));
	}

}
