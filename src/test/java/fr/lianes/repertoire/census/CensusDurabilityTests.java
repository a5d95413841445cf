package fr.lianes.repertoire.census;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.lianes.repertoire.database.EmbeddedPostgresServer;
import fr.lianes.repertoire.testing.ApplicationProcess;
import fr.lianes.repertoire.testing.Questionnaire;
import fr.lianes.repertoire.testing.WebClient;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A questionnaire acknowledged to its author is on disk: the application (in its own JVM,
 * on its own embedded PostgreSQL, as {@code spring-boot:run} starts it) and its database
 * server are both killed (SIGKILL) right after the thank-you page, and the submission is
 * there when the database starts again.
 */
class CensusDurabilityTests {

	@TempDir
	Path directory;

	@Test
	void aSubmissionAcknowledgedIsStoredEvenIfEverythingIsKilledRightAfter() throws Exception {
		int port = freePort();
		Process app = startApplication(port);
		Path postgres = this.directory.resolve("postgres");
		try {
			WebClient browser = new WebClient(port);
			awaitStarted(browser, app);
			Matcher stamp = Pattern.compile("name=\"debut\" value=\"([^\"]+)\"")
				.matcher(browser.get("/recensement").body());
			assertThat(stamp.find()).isTrue();
			browser.post("/recensement/commencer", "email", "durable@asso.example", "debut", stamp.group(1));
			browser.post("/recensement/structure", Questionnaire.structure("Association Durable Test"));
			browser.post("/recensement/contacts", "contacts[0].fullName", "Claude Durable", "action", "suivant");
			browser.get("/recensement/relecture");
			WebClient.Page thanks = browser.post("/recensement/envoi", "publication", "oui", "email",
					"durable@asso.example");
			assertThat(thanks.uri()).isEqualTo("/recensement/merci");
		}
		finally {
			app.destroyForcibly().waitFor();
			killPostmaster(postgres);
		}

		String url = EmbeddedPostgresServer.startOnce(postgres, true).jdbcUrl("repertoire");
		try (Connection connection = DriverManager.getConnection(url);
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(
						"select status, content->'structure'->>'name' from submission where author_email = 'durable@asso.example'")) {
			assertThat(result.next()).isTrue();
			assertThat(result.getString(1)).isEqualTo("SUBMITTED");
			assertThat(result.getString(2)).isEqualTo("Association Durable Test");
			assertThat(result.next()).isFalse();
		}
		finally {
			killPostmaster(postgres);
		}
	}

	/**
	 * The application as it runs in production (with the options of
	 * {@link ApplicationProcess.Jvm#TEST}): the test classes (and the test database they
	 * would substitute) are left off its class path.
	 */
	private Process startApplication(int port) throws IOException {
		List<String> command = ApplicationProcess.Jvm.TEST.command();
		command.addAll(List.of("--server.port=" + port, "--repertoire.data-dir=" + this.directory,
				"--repertoire.demo.load-on-empty=false", "--repertoire.census.minimum-fill-time=0s",
				"--repertoire.census.minimum-start-time=0s", "--spring.main.banner-mode=off"));
		return new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(this.directory.resolve("app.log").toFile())
			.start();
	}

	private void awaitStarted(WebClient browser, Process app) {
		// a bound, not a measure: the start (its own PostgreSQL, the migrations) takes
		// seconds alone, minutes on a machine running several builds
		try {
			await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(500)).until(() -> {
				assertThat(app.isAlive()).as(() -> log()).isTrue();
				try {
					return browser.get("/recensement").status() == 200;
				}
				catch (IllegalStateException ex) {
					return false; // not listening yet
				}
			});
		}
		catch (ConditionTimeoutException ex) {
			throw new AssertionError("the application did not start: " + log(), ex);
		}
	}

	private String log() {
		try {
			return Files.readString(this.directory.resolve("app.log"));
		}
		catch (IOException ex) {
			return ex.toString();
		}
	}

	private static void killPostmaster(Path postgres) throws Exception {
		Path pidFile = postgres.resolve("postmaster.pid");
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
