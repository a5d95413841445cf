package fr.lianes.repertoire.exchange;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import fr.lianes.repertoire.testing.FreshDirectoryTest;
import fr.lianes.repertoire.testing.Questionnaire;
import fr.lianes.repertoire.testing.TypedActor;
import fr.lianes.repertoire.testing.WebClient;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import static fr.lianes.repertoire.testing.TypedActor.TypedProject.project;
import static fr.lianes.repertoire.testing.TypedActor.actor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Atom feeds on a directory started as production starts it: an actor and its project
 * sent through the questionnaire enter the feeds of their lists once a moderator approves
 * them, and not before; the list page links its feed, and the sitemap names its page.
 */
class FeedChainTests extends FreshDirectoryTest {

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void anApprovedEntryEntersTheFeedsOfItsLists() throws Exception {
		TypedActor typed = actor("flux", "Santé Partagée Ziguinchor", "association-solidarite-internationale", "59000",
				"Lille")
			.project(project("Maternité rurale de Ziguinchor").in("SN").domains("equipement-sanitaire"));
		long submission = Questionnaire.send(this.port, this.jdbc, typed);
		String actors = "/donnees/acteurs.atom?q=Ziguinchor&pays=SN";
		String projects = "/donnees/projets.atom?q=Ziguinchor&domaine=equipement-sanitaire";
		assertThat(feed(actors).entries()).as("not public before approval").isEmpty();
		assertThat(feed(projects).entries()).isEmpty();

		String slug = slug(Questionnaire.approve(this.moderator, this.jdbc, submission));
		AtomFeed actorFeed = await().atMost(Duration.ofSeconds(20))
			.until(() -> feed(actors), (feed) -> !feed.entries().isEmpty());
		assertThat(actorFeed.entries()).singleElement().satisfies((entry) -> {
			assertThat(entry.title()).isEqualTo("Santé Partagée Ziguinchor");
			assertThat(entry.link()).endsWith("/acteurs/" + slug);
			assertThat(entry.summary()).contains("Lille");
		});
		assertThat(actorFeed.alternate()).endsWith("/acteurs?q=Ziguinchor&pays=SN");
		AtomFeed projectFeed = await().atMost(Duration.ofSeconds(20))
			.until(() -> feed(projects), (feed) -> !feed.entries().isEmpty());
		assertThat(projectFeed.entries()).singleElement().satisfies((entry) -> {
			assertThat(entry.title()).isEqualTo("Maternité rurale de Ziguinchor");
			assertThat(entry.summary()).startsWith("Santé Partagée Ziguinchor");
		});
		assertThat(feed("/donnees/acteurs.atom?q=Ziguinchor&pays=ML").entries()).isEmpty();

		String list = new WebClient(this.port).get("/acteurs?q=Ziguinchor&pays=SN").body();
		assertThat(Jsoup.parse(list).select("p.feed a").attr("href"))
			.isEqualTo("/donnees/acteurs.atom?q=Ziguinchor&pays=SN");
		assertThat(feed(Jsoup.parse(list).select("p.feed a").attr("href")).links())
			.containsExactly(actorFeed.entries().get(0).link());

		// and the sitemap names its page, for the search engines robots.txt sends there
		assertThat(text("/robots.txt")).contains("/sitemap.xml");
		assertThat(text("/sitemap.xml")).contains("/sitemap-acteurs-1.xml");
		assertThat(text("/sitemap-acteurs-1.xml")).contains("/acteurs/" + slug + "</loc>");
	}

	private String text(String path) throws Exception {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}

	private AtomFeed feed(String path) throws Exception {
		HttpResponse<byte[]> response = this.http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).GET().build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/atom+xml");
		return AtomFeed.parse(response.body());
	}

}
