package fr.lianes.repertoire.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.lianes.repertoire.database.TestDatabaseEnvironmentPostProcessor;
import fr.lianes.repertoire.search.OpenSearchTestNode;
import fr.lianes.repertoire.testing.ApplicationProcess;
import fr.lianes.repertoire.testing.ProductionStartTest;
import fr.lianes.repertoire.testing.Questionnaire;
import fr.lianes.repertoire.testing.WebClient;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two application JVMs on different ports, as two instances behind a load balancer: one
 * PostgreSQL (a database of the test JVM's server), one OpenSearch node (the tests' own,
 * {@link OpenSearchTestNode}), the settings of README "Running several instances"
 * ({@code repertoire.cluster.enabled}, Hibernate Search's Elasticsearch backend). Each is
 * started as production starts it, the first loading the demo directory (and building the
 * index through the reindex queue), the second once the first is ready. What one instance
 * writes is searched and counted on the other; the last test stops the first in the
 * middle of a reindex, which the second finishes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterJvmsTests {

	private static final String DATABASE = "cluster_jvms";

	/** The indexes of these instances on the shared node: theirs alone. */
	private static final String INDEX_PREFIX = "jvms-";

	private static final String ADMIN = "admin@cluster-jvms.example";

	private static final String PASSWORD = "le mot de passe des deux JVM";

	private static final String REINDEX = "/moderation/administration/index";

	private static final Pattern COUNT = Pattern.compile("\"count\":(\\d+)");

	@TempDir
	static Path data;

	private static ApplicationProcess a;

	private static ApplicationProcess b;

	private static JdbcClient jdbc;

	@BeforeAll
	static void startTwoInstances() throws Exception {
		Map<String, String> datasource = TestDatabaseEnvironmentPostProcessor.datasource(DATABASE);
		DriverManagerDataSource shared = new DriverManagerDataSource(datasource.get("spring.datasource.url"),
				datasource.get("spring.datasource.username"), datasource.get("spring.datasource.password"));
		jdbc = JdbcClient.create(shared);
		// the first loads the demo directory and builds the index
		a = ApplicationProcess.start(Duration.ofMinutes(10), data.resolve("a"), settings(datasource, true, 500));
		b = ApplicationProcess.start(data.resolve("b"), settings(datasource, false, 500));
	}

	@AfterAll
	static void stopThem() {
		if (b != null) {
			b.close();
		}
		if (a != null) {
			a.close();
		}
	}

	/**
	 * The settings of an instance.
	 * @param reindexBatch entities a batch of a reindex: 500 on both (each batch has its
	 * own transaction, statements and forced refresh of the node: by 50, A's start-up
	 * rebuild through the reindex queue took 238 s and B's run 147 s under load); the
	 * whole reindex stopped after its first batch still has 3,400 of its 3,903 entities
	 * ahead, 8 batches whose each takes seconds, whatever the machine's speed
	 */
	private static String[] settings(Map<String, String> datasource, boolean demo, int reindexBatch) {
		List<String> settings = new ArrayList<>();
		datasource.forEach((key, value) -> settings.add("--" + key + "=" + value));
		settings.addAll(List.of("--spring.datasource.hikari.maximum-pool-size=8",
				"--spring.jpa.properties.hibernate.search.backend.type=elasticsearch",
				"--spring.jpa.properties.hibernate.search.backend.uris=" + OpenSearchTestNode.uri(),
				"--repertoire.search.index-prefix=" + INDEX_PREFIX, "--repertoire.cluster.enabled=true",
				"--repertoire.cluster.check-interval=200ms", "--repertoire.cluster.reindex-takeover-interval=300ms",
				"--repertoire.reindex.batch-size=" + reindexBatch, "--repertoire.demo.load-on-empty=" + demo,
				"--repertoire.admin.email=" + ADMIN, "--repertoire.admin.password=" + PASSWORD,
				"--repertoire.admin.name=Alix Administratrice", "--spring.mail.host=127.0.0.1",
				"--spring.mail.port=" + ProductionStartTest.SMTP.getSmtp().getPort()));
		return settings.toArray(String[]::new);
	}

	@Test
	@Order(1)
	void aResponseApprovedOnOneInstanceIsFoundOnTheOtherAndTheFiguresAgree() {
		String name = "Association Zéphyrine des Hauts";
		String email = "zephyrine@cluster-jvms.example";
		WebClient onB = new WebClient(b.port());
		// B has shown the list and the figures before: kept in its memory
		assertThat(listed(onB, "/acteurs?q=zephyrine")).doesNotContain(name);
		String figuresBefore = figures(b.port());
		assertThat(figures(a.port())).isEqualTo(figuresBefore);

		long writesBefore = indexWrites();
		Questionnaire.sendNewActor(new WebClient(a.port()), name, email);
		long submission = jdbc
			.sql("select id from submission where lower(author_email) = lower(?) and status = 'SUBMITTED'")
			.param(email)
			.query(Long.class)
			.single();
		WebClient moderator = signIn(a.port());
		long actor = Questionnaire.approve(moderator, jdbc, submission);
		long approved = System.nanoTime();
		assertThat(actor).isPositive();
		// counted for B's page cache once the index showed it
		assertThat(indexWrites()).isGreaterThan(writesBefore);

		// the index is OpenSearch's, shared: written by A, refreshed before A's answer,
		// read
		// by B at its next request (the page B kept before is not served again)
		assertThat(listed(onB, "/acteurs?q=zephyrine")).contains(name);
		System.out.printf("Found on B %d ms after A's approval returned%n", (System.nanoTime() - approved) / 1_000_000);
		assertThat(listed(onB, "/acteurs?q=Z%C3%A9phyrine+Hauts")).contains(name);
		String figuresOnB = figures(b.port());
		assertThat(figuresOnB).as("the new actor counted").isNotEqualTo(figuresBefore);
		assertThat(figures(a.port())).isEqualTo(figuresOnB);
	}

	@Test
	@Order(2)
	void aReindexAskedOnOneInstanceThatStopsInItsMiddleIsFinishedByTheOther() throws Exception {
		long actors = jdbc.sql("select count(*) from actor where published").query(Long.class).single();
		String actorIndex = INDEX_PREFIX + "actor-read";
		assertThat(publicCount(actorIndex)).isEqualTo(actors);
		WebClient adminOnA = signIn(a.port());
		adminOnA.get(REINDEX);
		assertThat(adminOnA.post(REINDEX).uri()).isEqualTo(REINDEX);
		long run = jdbc.sql("select max(id) from search_reindex_run where scope = 'ALL'").query(Long.class).single();

		// the public's count, read through the alias at every poll
		List<Long> seen = new ArrayList<>();
		await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50)).until(() -> {
			seen.add(publicCount(actorIndex));
			return progress(run).done() >= 100;
		});
		Progress atA = progress(run);
		a.close();
		assertThat(atA.state()).isEqualTo("RUNNING");
		assertThat(atA.done()).as("stopped in its middle").isLessThan(atA.total());

		// B, running all along, takes it up by its periodic check and finishes it
		await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200)).until(() -> {
			seen.add(publicCount(actorIndex));
			return "DONE".equals(progress(run).state());
		});
		Progress atB = progress(run);
		assertThat(atB.runBy()).as("run by another instance").isNotEqualTo(atA.runBy());
		assertThat(atB.takeovers()).isEqualTo(1);
		assertThat(atB.done()).isEqualTo(atB.total()).isEqualTo(atA.total());
		assertThat(seen).as("the public never saw a partial index").hasSizeGreaterThan(5).containsOnly(actors);
		assertThat(jdbc.sql("select complete from search_index_state").query(Boolean.class).single())
			.as("a whole pass ended")
			.isTrue();
		WebClient adminOnB = signIn(b.port());
		assertThat(Jsoup.parse(adminOnB.get(REINDEX).body()).text()).contains("Réindexation complète")
			.containsPattern("terminée le .*\\(.* fiches sur .*\\)");
		assertThat(b.readiness()).isEqualTo(200);
	}

	/** Where a run is, as the database records it. */
	private record Progress(String state, long done, long total, String runBy, int takeovers) {
	}

	private static Progress progress(long run) {
		return jdbc.sql("select state, done, total, run_by, takeovers from search_reindex_run where id = ?")
			.param(run)
			.query((row, n) -> new Progress(row.getString(1), row.getLong(2), row.getLong(3), row.getString(4),
					row.getInt(5)))
			.single();
	}

	/** The documents the public searches, through the read alias. */
	private static long publicCount(String alias) {
		Matcher count = COUNT.matcher(OpenSearchTestNode.get("/" + alias + "/_count"));
		assertThat(count.find()).isTrue();
		return Long.parseLong(count.group(1));
	}

	/** The names of the actors a list shows. */
	private static List<String> listed(WebClient browser, String path) {
		WebClient.Page page = browser.get(path);
		assertThat(page.status()).isEqualTo(200);
		return Jsoup.parse(page.body()).select(".cards .card-title").eachText();
	}

	/** Index writes of both instances, which key their kept pages. */
	private static long indexWrites() {
		return jdbc.sql("select count from search_index_writes").query(Long.class).single();
	}

	/** The figures of {@code /chiffres}, without the layout around them. */
	private static String figures(int port) {
		WebClient.Page page = new WebClient(port).get("/chiffres");
		assertThat(page.status()).isEqualTo(200);
		Element main = Jsoup.parse(page.body()).selectFirst("main");
		assertThat(main).isNotNull();
		return main.html();
	}

	private static WebClient signIn(int port) {
		WebClient admin = new WebClient(port);
		admin.get("/connexion");
		assertThat(admin.post("/connexion", "email", ADMIN, "motDePasse", PASSWORD).uri()).isEqualTo("/moderation");
		return admin;
	}

}
