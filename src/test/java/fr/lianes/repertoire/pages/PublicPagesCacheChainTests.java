package fr.lianes.repertoire.pages;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import fr.lianes.repertoire.search.SearchIndexer;
import fr.lianes.repertoire.search.SearchReindexer;
import fr.lianes.repertoire.testing.FreshDirectoryTest;
import fr.lianes.repertoire.testing.WebClient;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static fr.lianes.repertoire.testing.TypedActor.TypedProject.project;
import static fr.lianes.repertoire.testing.TypedActor.actor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The public pages' HTTP caching (issue 18), on a directory started as production starts
 * it: a public page is public for a minute, with an {@code ETag} and a
 * {@code Last-Modified}, and a browser that has it gets {@code 304}; a moderator's
 * approval changes the page at once (a new {@code ETag}, the new actor in it: no stale
 * page from memory), and so do a renamed reference entry and a rebuild of the search
 * index (a withdrawn consent: {@code WidgetChainTests}; an erasure:
 * {@code PersonalDataTests}); the questionnaire, the back office and the sign-in are
 * never stored.
 */
class PublicPagesCacheChainTests extends FreshDirectoryTest {

	private static final List<String> PUBLIC_PAGES = List.of("/", "/acteurs", "/projets", "/pays", "/domaines",
			"/territoires", "/domaines/maraichage", "/chiffres", "/mentions-legales");

	private static final String LISTS = "/moderation/administration/referentiels";

	private static final String PREPARING = "Le répertoire est en cours de préparation";

	private final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	private SearchIndexer indexer;

	@Autowired
	private SearchReindexer reindexer;

	@Autowired
	private DataSource dataSource;

	@Test
	void aPublicPageIsPublicForAMinuteWithAnEtagAndA304() {
		for (String path : PUBLIC_PAGES) {
			HttpResponse<String> page = get(path);
			assertThat(page.statusCode()).as(path).isEqualTo(200);
			assertThat(page.headers().firstValue("Cache-Control")).as(path).hasValue("max-age=60, public");
			assertThat(page.headers().allValues("Set-Cookie")).as(path).isEmpty();
			assertThat(page.headers().firstValue("Last-Modified")).as(path).isPresent();
			String etag = page.headers().firstValue("ETag").orElseThrow();
			// again: the same page, from memory, with the security headers of the first
			HttpResponse<String> again = get(path);
			assertThat(again.body()).as(path).isEqualTo(page.body());
			assertThat(again.headers().firstValue("ETag")).as(path).hasValue(etag);
			assertThat(again.headers().firstValue("Content-Security-Policy")).as(path)
				.isEqualTo(page.headers().firstValue("Content-Security-Policy"))
				.isPresent();
			assertThat(again.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
			assertThat(again.headers().firstValue("Content-Type")).as(path).hasValue("text/html;charset=UTF-8");
			// a browser that has it
			HttpResponse<String> notModified = get(path, "If-None-Match", etag);
			assertThat(notModified.statusCode()).as(path).isEqualTo(304);
			assertThat(notModified.body()).as(path).isEmpty();
			assertThat(notModified.headers().firstValue("ETag")).as(path).hasValue(etag);
			HttpResponse<String> sinceThen = get(path, "If-Modified-Since",
					page.headers().firstValue("Last-Modified").orElseThrow());
			assertThat(sinceThen.statusCode()).as(path).isEqualTo(304);
			assertThat(get(path, "If-None-Match", "W/\"autre\"").statusCode()).as(path).isEqualTo(200);
		}
	}

	@Test
	void aPublicPageGoesCompressedToWhoeverTakesGzip() throws IOException {
		for (int round = 0; round < 2; round++) {
			HttpResponse<String> plain = get("/acteurs");
			HttpResponse<byte[]> compressed = getBytes("/acteurs", "Accept-Encoding", "gzip, deflate, br");
			assertThat(compressed.statusCode()).isEqualTo(200);
			assertThat(compressed.headers().firstValue("Content-Encoding")).hasValue("gzip");
			assertThat(compressed.headers().firstValue("Vary").orElseThrow()).containsIgnoringCase("accept-encoding");
			try (var gzip = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(compressed.body()))) {
				assertThat(new String(gzip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
					.isEqualTo(plain.body());
			}
			assertThat(compressed.body().length)
				.isLessThan(plain.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
			assertThat(getBytes("/acteurs", "Accept-Encoding", "gzip;q=0, identity").headers()
				.firstValue("Content-Encoding")).isEmpty();
		}
	}

	@Test
	void eachLanguageHasItsOwnPage() {
		HttpResponse<String> french = get("/acteurs", "Accept-Language", "fr-FR,fr;q=0.9");
		HttpResponse<String> english = get("/acteurs", "Accept-Language", "en-GB,en;q=0.9");
		assertThat(french.headers().firstValue("Content-Language")).hasValue("fr");
		assertThat(english.headers().firstValue("Content-Language")).hasValue("en");
		assertThat(english.body()).isNotEqualTo(french.body());
		assertThat(english.headers().firstValue("ETag")).isNotEqualTo(french.headers().firstValue("ETag"));
		// and again, from memory, each its own
		assertThat(get("/acteurs", "Accept-Language", "en").body()).isEqualTo(english.body());
		assertThat(get("/acteurs", "Accept-Language", "fr").body()).isEqualTo(french.body());
		assertThat(get("/acteurs").headers().firstValue("Vary").orElseThrow()).containsIgnoringCase("accept-language");
	}

	@Test
	void anApprovalChangesThePagesAtOnce() {
		List<String> pages = List.of("/", "/acteurs?q=Zinder", "/pays", "/chiffres");
		List<String> etags = pages.stream()
			.map((path) -> get(path).headers().firstValue("ETag").orElseThrow())
			.toList();
		// twice: the pages are in memory now
		pages.forEach((path) -> assertThat(get(path).body()).doesNotContain("Caravane de Zinder"));

		String slug = enter(
				actor("zinder-cache", "Caravane de Zinder", "association-solidarite-internationale", "59000", "Lille")
					.project(
							project("Puits maraîchers de Zinder").in("NE").localities("Zinder").domains("maraichage")));

		for (int i = 0; i < pages.size(); i++) {
			String path = pages.get(i);
			HttpResponse<String> page = get(path, "If-None-Match", etags.get(i));
			assertThat(page.statusCode()).as(path).isEqualTo(200);
			assertThat(page.headers().firstValue("ETag")).as(path).isPresent().isNotEqualTo(etags.get(i));
		}
		assertThat(get("/acteurs?q=Zinder").body()).contains("/acteurs/" + slug);
		assertThat(get("/pays/ne").body()).contains("/acteurs/" + slug);
		assertThat(get("/acteurs/" + slug).body()).contains("Caravane de Zinder");
		assertThat(get("/acteurs/" + slug).headers().firstValue("Cache-Control")).hasValue("max-age=60, public");
	}

	@Test
	void aRenamedDomainChangesThePagesAtOnce() {
		String slug = enter(actor("fourmies-cache", "Jardins partagés de Fourmies",
				"association-solidarite-internationale", "59610", "Fourmies")
			.project(project("Potagers de Kpalimé").in("TG").localities("Kpalimé").domains("maraichage")));
		String projectPage = Jsoup.parse(get("/acteurs/" + slug).body()).select("a[href^=/projets/]").attr("href");
		assertThat(projectPage).startsWith("/projets/");
		List<String> pages = List.of("/domaines", "/domaines/maraichage", projectPage);
		List<String> etags = pages.stream().map((path) -> {
			HttpResponse<String> page = get(path);
			assertThat(page.body()).as(path).contains("Maraîchage").doesNotContain("Cultures maraîchères");
			String etag = page.headers().firstValue("ETag").orElseThrow();
			// kept: the same page again
			assertThat(get(path).headers().firstValue("ETag")).as(path).hasValue(etag);
			return etag;
		}).toList();
		WebClient admin = signedIn(this.port, ADMIN);
		try {
			admin.get(LISTS + "/domaines/maraichage");
			admin.post(LISTS + "/domaines/maraichage", "name", "Cultures maraîchères");
			for (int i = 0; i < pages.size(); i++) {
				HttpResponse<String> page = get(pages.get(i));
				assertThat(page.body()).as(pages.get(i)).contains("Cultures maraîchères");
				assertThat(page.headers().firstValue("ETag")).as(pages.get(i)).isPresent().isNotEqualTo(etags.get(i));
			}
		}
		finally {
			awaitReindexed();
			admin.get(LISTS + "/domaines/maraichage");
			admin.post(LISTS + "/domaines/maraichage", "name", "Maraîchage");
			awaitReindexed();
		}
		assertThat(get("/domaines/maraichage").body()).doesNotContain("Cultures maraîchères");
	}

	@Test
	void aStoredListIsNotServedWhileTheIndexIsRebuilt() throws Exception {
		HttpResponse<String> kept = get("/acteurs");
		assertThat(kept.headers().firstValue("Cache-Control")).hasValue("max-age=60, public");
		assertThat(get("/acteurs").headers().firstValue("ETag")).isEqualTo(kept.headers().firstValue("ETag"));
		CompletableFuture<Void> rebuild;
		try (Connection holder = this.dataSource.getConnection()) {
			// the rebuild held at its first step, whatever the speed of the machine
			holder.setAutoCommit(false);
			try (Statement statement = holder.createStatement()) {
				statement.execute("select complete from search_index_state for update");
			}
			rebuild = this.indexer.reindexAll().toCompletableFuture();
			HttpResponse<String> during = get("/acteurs");
			assertThat(during.body()).contains(PREPARING);
			assertThat(during.headers().firstValue("Cache-Control"))
				.hasValueSatisfying((value) -> assertThat(value).contains("no-store").doesNotContain("public"));
			holder.rollback();
		}
		rebuild.get(5, TimeUnit.MINUTES);
		HttpResponse<String> after = get("/acteurs");
		assertThat(after.body()).doesNotContain(PREPARING).isEqualTo(kept.body());
		assertThat(after.headers().firstValue("Cache-Control")).hasValue("max-age=60, public");
	}

	private void awaitReindexed() {
		await().atMost(Duration.ofMinutes(2)).until(() -> !this.reindexer.isBusy());
	}

	@Test
	void theQuestionnaireTheBackOfficeAndTheSignInAreNeverStored() {
		for (String path : List.of("/recensement", "/connexion", "/recensement/mise-a-jour")) {
			HttpResponse<String> page = get(path);
			assertThat(page.headers().firstValue("Cache-Control")).as(path)
				.hasValueSatisfying((value) -> assertThat(value).contains("no-store").doesNotContain("public"));
			assertThat(page.headers().firstValue("ETag")).as(path).isEmpty();
		}
		WebClient.Page queue = this.moderator.get("/moderation");
		assertThat(queue.status()).isEqualTo(200);
		assertThat(queue.header("Cache-Control")).contains("no-store");
		// a signed-in moderator's public page is rendered for them alone
		WebClient.Page list = this.moderator.get("/acteurs");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.header("Cache-Control")).contains("no-store").doesNotContain("public");
	}

	private HttpResponse<byte[]> getBytes(String path, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept", "text/html");
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		try {
			return this.http.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private HttpResponse<String> get(String path, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept", "text/html");
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		try {
			return this.http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
