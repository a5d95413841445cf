package fr.lianes.repertoire.search;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.lianes.repertoire.database.EmbeddedPostgresServer;
import fr.lianes.repertoire.testing.ApplicationProcess;
import fr.lianes.repertoire.testing.Questionnaire;
import fr.lianes.repertoire.testing.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The fault suite of the search index, with real processes: the application (in its own
 * JVM, on its own embedded PostgreSQL, as it runs in production) is stopped at about 25
 * %, 50 % and 75 % of its first index build, with SIGTERM and with SIGKILL, six times in
 * a row on the same data directory; every start after a stop must rebuild the index, and
 * the last one must find the whole directory indexed, the acknowledged questionnaire sent
 * during a build that was then killed still there.
 * <p>
 * The test holds the build where it wants it, whatever the machine's speed: it locks a
 * table that only the loading of entities reads ({@code project_country}) while it looks
 * at the pages and until its signal is sent.
 * <p>
 * Along the way: during a build the list pages say that the directory is being prepared
 * (with the progress) and readiness is out of service; a SIGTERM stops the build in one
 * log line, without stack traces, and stops the embedded PostgreSQL after the
 * application; the start ends with one line giving the directory's address.
 */
class IndexFaultTests {

	private static final Pattern PROGRESS = Pattern
		.compile("Search index: (\\d+)/(\\d+) entities indexed \\((\\d+)%\\)");

	private static final Pattern STATUS = Pattern.compile("role=\"status\"[^>]*>([^<]*)<");

	private static final String REBUILDING = "rebuilding the search index";

	private static final String BUILT = "entities read and indexed";

	private static final String STOPPED = "Search index rebuild stopped by the shutdown";

	private static final Duration PATIENCE = Duration.ofMinutes(5);

	@TempDir
	Path directory;

	private Process app;

	private int starts;

	/** When this test began, which names its logs. */
	private final long started = System.currentTimeMillis();

	@AfterEach
	void killEverything() throws Exception {
		if (this.app != null && this.app.isAlive()) {
			this.app.destroyForcibly().waitFor();
		}
		killPostmaster();
	}

	@Test
	void aBuildStoppedAtAnyPointIsRebuiltAtTheNextStartAndNothingAcknowledgedIsLost() throws Exception {
		stopDuringTheBuild(25, false, true);
		stopDuringTheBuild(50, true, false);
		stopDuringTheBuild(75, false, false);
		stopDuringTheBuild(25, true, true);
		stopDuringTheBuild(50, false, false);
		stopDuringTheBuild(75, true, false);

		// the next start rebuilds the index, whole; a questionnaire is sent meanwhile
		int port = start();
		Path log = log();
		awaitLine(log, REBUILDING);
		WebClient browser = new WebClient(port);
		sendAQuestionnaire(browser);
		awaitLine(log, "Répertoire is ready on http://localhost:" + port + "/");
		List<String> lines = Files.readAllLines(log);
		// the start's last line (the questionnaire's requests may log after it)
		List<String> start = lines.stream().filter((line) -> !line.contains("-exec-")).toList();
		assertThat(start.get(start.size() - 1)).as("the last line of the start")
			.contains("Répertoire is ready on http://localhost:" + port + "/");
		assertThat(String.join("\n", lines)).contains(BUILT).doesNotContain("ERROR").doesNotContain("\tat ");
		assertThat(readiness(port)).isEqualTo(200);
		assertThat(browser.get("/acteurs").body()).doesNotContain("en cours de préparation");
		try (Connection database = DriverManager.getConnection(databaseUrl());
				Statement statement = database.createStatement()) {
			// the registered actors, what the list shows without a status chosen
			long actors = single(statement, "select count(*) from actor where published and status <> 'CEASED'");
			assertThat(actors).isGreaterThan(1900);
			assertThat(listCount(browser, "/acteurs")).isEqualTo(actors);
			assertThat(listCount(browser, "/projets"))
				.isEqualTo(single(statement, "select count(*) from public_project"));
			assertThat(listCount(browser, "/acteurs?pays=SN")).isEqualTo(single(statement, """
					select count(distinct a.id) from actor a join actor_project ap on ap.actor_id = a.id
					join project_country pc on pc.project_id = ap.project_id
					where a.published and a.status <> 'CEASED' and pc.country_iso2 = 'SN'"""));
			assertThat(single(statement, "select count(*) from search_index_state where complete")).isOne();
		}

		// everything killed: the acknowledged questionnaire is on disk
		this.app.destroyForcibly().waitFor();
		killPostmaster();
		String url = EmbeddedPostgresServer.startOnce(this.directory.resolve("postgres"), true).jdbcUrl("repertoire");
		try (Connection database = DriverManager.getConnection(url);
				Statement statement = database.createStatement();
				ResultSet sent = statement.executeQuery(
						"select status, content->'structure'->>'name' from submission where author_email = 'pendant.indexation@asso.example'")) {
			assertThat(sent.next()).as("the questionnaire acknowledged during the rebuild").isTrue();
			assertThat(sent.getString(1)).isEqualTo("SUBMITTED");
			assertThat(sent.getString(2)).isEqualTo("Association Pendant l'Indexation");
			assertThat(sent.next()).isFalse();
		}
	}

	/**
	 * Starts the application, waits until its index build passes {@code percent}, then
	 * stops it with SIGKILL or SIGTERM.
	 */
	private void stopDuringTheBuild(int percent, boolean kill, boolean lookAtThePages) throws Exception {
		int port = start();
		Path log = log();
		// every start after a stopped build rebuilds; the first finds no index
		awaitLine(log, REBUILDING);
		WebClient browser = new WebClient(port);
		if (lookAtThePages) {
			try (Connection hold = holdTheBuild()) {
				assertThat(readiness(port)).as("readiness during the build").isEqualTo(503);
				// (every page that reads the index: DirectoryPreparationTests)
				for (String url : List.of("/acteurs", "/projets", "/")) {
					WebClient.Page page = browser.get(url);
					assertThat(page.status()).isEqualTo(200);
					assertThat(page.body()).as(url)
						.contains("<h1>Le répertoire est en cours de préparation</h1>")
						.doesNotContain("Aucun acteur ne correspond")
						.doesNotContain("Aucun projet ne correspond");
				}
			}
		}
		awaitProgress(log, percent);
		Connection hold = holdTheBuild();
		if (lookAtThePages) {
			assertThat(browser.get("/acteurs").body()).as("/acteurs at " + percent + " %")
				.contains("<h1>Le répertoire est en cours de préparation</h1>")
				.containsPattern("<progress id=\"preparing-progress\" max=\"\\d+\" value=\"\\d+\">")
				.containsPattern("\\d+ fiches indexées sur [\\d\\s\\u00a0\\u202f]+ \\(\\d+ %\\)");
		}
		if (kill) {
			this.app.destroyForcibly();
			assertThat(this.app.waitFor(2, TimeUnit.MINUTES)).isTrue();
			hold.close();
			assertThat(Files.readString(log)).as("killed during the build").doesNotContain(BUILT);
		}
		else {
			long before = Files.readAllLines(log).size();
			this.app.destroy();
			// the build goes on from where it was held until the shutdown stops it
			hold.close();
			assertThat(this.app.waitFor(2, TimeUnit.MINUTES)).as("stopped by SIGTERM").isTrue();
			List<String> lines = Files.readAllLines(log);
			List<String> after = lines.subList((int) before, lines.size());
			assertThat(String.join("\n", lines)).as("stopped during the build").doesNotContain(BUILT);
			assertThat(after.stream().filter((line) -> line.contains(STOPPED))).as(String.join("\n", after)).hasSize(1);
			assertThat(after).as("the shutdown's lines")
				.hasSizeLessThan(20)
				.noneMatch((line) -> line.startsWith("\tat ") || line.contains("ERROR") || line.contains("Exception"));
			// the embedded PostgreSQL was stopped after the application, not killed under
			// it
			assertThat(this.directory.resolve("postgres/postmaster.pid")).doesNotExist();
		}
	}

	/**
	 * Holds the index build until the connection is closed: the loading of entities reads
	 * the countries of projects, which this connection locks (the loading of identifiers
	 * does not, so the build cannot be waiting on the test while the test waits on it).
	 */
	private Connection holdTheBuild() throws Exception {
		Connection hold = DriverManager.getConnection(databaseUrl());
		hold.setAutoCommit(false);
		try (Statement statement = hold.createStatement()) {
			statement.execute("lock table project_country in access exclusive mode");
		}
		return hold;
	}

	/** The questionnaire, sent while the index is being built: acknowledged, so kept. */
	private void sendAQuestionnaire(WebClient browser) {
		Matcher stamp = Pattern.compile("name=\"debut\" value=\"([^\"]+)\"")
			.matcher(browser.get("/recensement").body());
		assertThat(stamp.find()).isTrue();
		browser.post("/recensement/commencer", "email", "pendant.indexation@asso.example", "debut", stamp.group(1));
		browser.post("/recensement/structure", Questionnaire.structure("Association Pendant l'Indexation"));
		browser.post("/recensement/contacts", "contacts[0].fullName", "Camille Indexation", "action", "suivant");
		browser.get("/recensement/relecture");
		WebClient.Page thanks = browser.post("/recensement/envoi", "publication", "oui", "email",
				"pendant.indexation@asso.example");
		assertThat(thanks.uri()).isEqualTo("/recensement/merci");
	}

	/**
	 * The application as it runs in production, in its own JVM (with the options of
	 * {@link ApplicationProcess.Jvm#TEST}): the test classes (and the test database they
	 * would substitute) are left off its class path. The first start loads the demo
	 * directory; the others find it.
	 */
	private int start() throws IOException {
		int port = freePort();
		this.starts++;
		List<String> command = ApplicationProcess.Jvm.TEST.command();
		command.addAll(List.of("--server.port=" + port, "--repertoire.data-dir=" + this.directory,
				"--repertoire.census.minimum-fill-time=0s", "--repertoire.census.minimum-start-time=0s",
				"--spring.main.banner-mode=off"));
		this.app = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log().toFile()).start();
		return port;
	}

	/**
	 * The log of the current start, kept with the other applications' in
	 * {@code target/application-logs} (where the time of each start can be read).
	 */
	private Path log() throws IOException {
		return Files.createDirectories(Path.of("target", "application-logs"))
			.resolve("index-fault-" + ProcessHandle.current().pid() + "-" + this.started + "-" + this.starts + ".log");
	}

	private void awaitLine(Path log, String text) {
		await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50)).until(() -> {
			String content = Files.readString(log);
			assertThat(this.app.isAlive() || content.contains(text)).as(() -> "the application ended:\n" + content)
				.isTrue();
			return content.contains(text);
		});
	}

	/** Waits for the first progress line at or past {@code percent}. */
	private void awaitProgress(Path log, int percent) {
		await().atMost(PATIENCE).pollInterval(Duration.ofMillis(20)).until(() -> {
			String content = Files.readString(log);
			assertThat(this.app.isAlive()).as(() -> "the application ended:\n" + content).isTrue();
			assertThat(content).as("the build ended before " + percent + " %").doesNotContain(BUILT);
			Matcher progress = PROGRESS.matcher(content);
			while (progress.find()) {
				if (Integer.parseInt(progress.group(3)) >= percent) {
					return true;
				}
			}
			return false;
		});
	}

	private static int readiness(int port) throws IOException, InterruptedException {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness")).build(),
					HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

	private static long listCount(WebClient browser, String url) {
		Matcher matcher = STATUS.matcher(browser.get(url).body());
		assertThat(matcher.find()).as("a role=status element on " + url).isTrue();
		return Long.parseLong(matcher.group(1).replaceAll("[^0-9]", ""));
	}

	private static long single(Statement statement, String sql) throws SQLException {
		try (ResultSet result = statement.executeQuery(sql)) {
			assertThat(result.next()).isTrue();
			return result.getLong(1);
		}
	}

	/** The application's embedded PostgreSQL, by the port its postmaster wrote down. */
	private String databaseUrl() throws IOException {
		List<String> pid = Files.readAllLines(this.directory.resolve("postgres/postmaster.pid"));
		return "jdbc:postgresql://localhost:" + pid.get(3).strip() + "/repertoire?user=postgres";
	}

	private void killPostmaster() throws IOException {
		Path pidFile = this.directory.resolve("postgres/postmaster.pid");
		if (Files.exists(pidFile)) {
			long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
			ProcessHandle.of(pid).ifPresent((postmaster) -> {
				postmaster.destroyForcibly();
				postmaster.onExit().join();
			});
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
