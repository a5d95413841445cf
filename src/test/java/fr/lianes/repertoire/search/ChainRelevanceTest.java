package fr.lianes.repertoire.search;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import fr.lianes.repertoire.testing.CensusWebTest;
import fr.lianes.repertoire.testing.Questionnaire;
import fr.lianes.repertoire.testing.TypedActor;
import fr.lianes.repertoire.testing.WebClient;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The relevance suite through the real chain: the {@link RelevanceActors} are entered
 * with the questionnaire over HTTP and approved with the moderation over HTTP (a few at a
 * time, as several authors and moderators would), then each of the {@link RelevanceCases}
 * is typed into /acteurs and the order of the listed actors checked. No reindex is asked
 * for. Subclasses say which directory it runs on; each keeps its application and database
 * for all its cases.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext
abstract class ChainRelevanceTest extends CensusWebTest {

	private static final String MODERATOR = "moderation@relevance.example";

	private static final int AUTHORS_AT_ONCE = 3;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	private PasswordEncoder encoder;

	/** The suite's actors, key by slug. */
	private Map<String, String> keys;

	/** Whether this is the demo directory, where namesakes may share the first ranks. */
	abstract boolean demo();

	@BeforeAll
	void enterTheActors() throws Exception {
		// the demo directory and its index are built once the application has started
		awaitReady();
		staffAccount(this.jdbc, this.encoder, MODERATOR, "MODERATOR");
		List<TypedActor> missing = RelevanceActors.all().stream().filter((actor) -> slugOf(actor) == null).toList();
		ExecutorService authors = Executors.newFixedThreadPool(AUTHORS_AT_ONCE);
		try {
			List<Future<Long>> entered = new ArrayList<>();
			for (int i = 0; i < AUTHORS_AT_ONCE; i++) {
				List<TypedActor> share = new ArrayList<>();
				for (int j = i; j < missing.size(); j += AUTHORS_AT_ONCE) {
					share.add(missing.get(j));
				}
				entered.add(authors.submit(() -> {
					WebClient moderator = signedIn(this.port, MODERATOR);
					for (TypedActor actor : share) {
						Questionnaire.enter(this.port, this.jdbc, moderator, actor);
					}
					return (long) share.size();
				}));
			}
			for (Future<Long> done : entered) {
				done.get();
			}
		}
		finally {
			authors.shutdown();
		}
		this.keys = RelevanceActors.all().stream().collect(Collectors.toMap(this::slugOf, (actor) -> actor.key));
		assertThat(this.keys).hasSize(RelevanceActors.all().size()).doesNotContainKey(null);
	}

	static Stream<RelevanceCases.Case> cases() {
		return RelevanceCases.all();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void findsWhatIsMeant(RelevanceCases.Case test) {
		WebClient.Page page = new WebClient(this.port)
			.get("/acteurs?q=" + URLEncoder.encode(test.query, StandardCharsets.UTF_8));
		assertThat(page.status()).isEqualTo(200);
		List<org.jsoup.nodes.Element> links = Jsoup.parse(page.body()).select("ul.cards > li.card > h3.card-title > a");
		List<String> ranked = links.stream()
			.map((a) -> this.keys.getOrDefault(a.attr("href").substring(a.attr("href").lastIndexOf('/') + 1), "·"))
			.toList();
		// the names of the others, to say what came first
		List<String> named = new ArrayList<>();
		for (int i = 0; i < ranked.size(); i++) {
			named.add(ranked.get(i).equals("·") ? "« " + links.get(i).text() + " »" : ranked.get(i));
		}
		test.check(ranked, named, demo());
	}

	/** Waits until the application says it is ready for traffic (its index built). */
	private void awaitReady() {
		HttpClient http = HttpClient.newHttpClient();
		HttpRequest readiness = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/health/readiness"))
			.build();
		await().atMost(Duration.ofMinutes(5))
			.until(() -> http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
	}

	/** The slug of the actor entered for this one, once approved. */
	private String slugOf(TypedActor actor) {
		return this.jdbc.sql("""
				select a.slug from submission s join actor a on a.id = s.actor_id
				where lower(s.author_email) = lower(?) and s.status = 'APPROVED' order by s.id desc limit 1""")
			.param(actor.email())
			.query(String.class)
			.optional()
			.orElse(null);
	}

}
