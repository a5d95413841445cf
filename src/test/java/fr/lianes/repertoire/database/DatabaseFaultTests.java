package fr.lianes.repertoire.database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.lianes.repertoire.testing.ApplicationProcess;
import fr.lianes.repertoire.testing.Questionnaire;
import fr.lianes.repertoire.testing.WebClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The embedded PostgreSQL killed (SIGKILL) while people send questionnaires: readiness
 * goes down at the next check of the database (one a second), pages answer the French 503
 * page instead of hanging, the application starts its database again by itself and is
 * back to normal at the next check after it, and every questionnaire acknowledged with
 * the thank-you page is in the database, once.
 */
class DatabaseFaultTests {

	private static final Pattern STAMP = Pattern.compile("name=\"debut\" value=\"([^\"]+)\"");

	/** The title of the 503 page of an unreachable database. */
	private static final String UNAVAILABLE = "Service momentanément indisponible";

	@TempDir
	Path directory;

	@Test
	void aKilledDatabaseIsReportedRefusedAndStartedAgainWithoutLosingAnAcknowledgedQuestionnaire() throws Exception {
		// left dead long enough for the outage to be seen from outside
		try (ApplicationProcess app = ApplicationProcess.start(this.directory,
				"--repertoire.database.restart-delay=4s")) {
			Load load = new Load(app.port());
			try {
				await().atMost(Duration.ofMinutes(2)).until(() -> load.acknowledged.size() >= 3);

				ProcessHandle killed = app.postmaster();
				killed.destroyForcibly();
				killed.onExit().join();
				long checksAtDeath = app.databaseChecks();

				// readiness down at the next check (one a second: within 5 s in
				// production;
				// counted in checks so that a slow machine cannot make it fail)
				await().atMost(Duration.ofMinutes(1))
					.pollInterval(Duration.ofMillis(100))
					.untilAsserted(() -> assertThat(app.readiness()).isEqualTo(503));
				assertThat(app.databaseChecks()).as("checks before readiness went down")
					.isLessThanOrEqualTo(checksAtDeath + 2);
				var page = app.get("/acteurs");
				assertThat(page.statusCode()).isEqualTo(503);
				assertThat(page.body()).contains(UNAVAILABLE);
				assertThat(page.headers().firstValue("Retry-After")).isPresent();
				assertThat(app.get("/actuator/health/liveness").statusCode()).isEqualTo(200);

				// the application starts its database again, by itself, once its last
				// processes are gone...
				await().atMost(Duration.ofMinutes(1))
					.pollInterval(Duration.ofMillis(100))
					.until(() -> isRunningAnew(app, killed));
				long checksAtRestart = app.databaseChecks();
				// ... and is back to normal at the next check (within 5 s in production)
				await().atMost(Duration.ofMinutes(1))
					.pollInterval(Duration.ofMillis(100))
					.untilAsserted(() -> assertThat(app.readiness()).isEqualTo(200));
				assertThat(app.databaseChecks()).as("checks before readiness was up again")
					.isLessThanOrEqualTo(checksAtRestart + 2);
				assertThat(app.get("/acteurs").statusCode()).isEqualTo(200);
				int before = load.acknowledged.size();
				await().atMost(Duration.ofMinutes(1)).until(() -> load.acknowledged.size() > before + 2);
			}
			finally {
				load.stop();
			}
			assertThat(load.refused.get()).as("questionnaire requests refused while the database was down")
				.isPositive();
			assertThat(load.failures).as("answers other than a page or the 503 page").isEmpty();
			assertThat(app.isAlive()).as("the application itself was never restarted").isTrue();
			assertThat(app.log()).contains("starting it again");
			try (Connection database = app.database()) {
				for (String email : load.acknowledged) {
					assertThat(submissions(database, email)).as(email).containsExactly("SUBMITTED");
				}
			}
		}
	}

	/** A new postmaster runs and accepts connections (its recovery is over). */
	private static boolean isRunningAnew(ApplicationProcess app, ProcessHandle killed) {
		try (Connection database = app.database()) {
			return app.postmaster().pid() != killed.pid() && database.isValid(1);
		}
		catch (Exception ex) {
			return false;
		}
	}

	private static List<String> submissions(Connection database, String email) throws Exception {
		try (PreparedStatement statement = database
			.prepareStatement("select status from submission where author_email = ? and status <> 'DRAFT'")) {
			statement.setString(1, email);
			List<String> statuses = new ArrayList<>();
			try (ResultSet result = statement.executeQuery()) {
				while (result.next()) {
					statuses.add(result.getString(1));
				}
			}
			return statuses;
		}
	}

	/**
	 * Two people sending questionnaires one after the other and one reading the lists,
	 * without a pause, until stopped.
	 */
	private static final class Load {

		final Set<String> acknowledged = ConcurrentHashMap.newKeySet();

		final Set<String> failures = ConcurrentHashMap.newKeySet();

		final AtomicInteger refused = new AtomicInteger();

		private final AtomicBoolean running = new AtomicBoolean(true);

		private final AtomicInteger sequence = new AtomicInteger();

		private final ExecutorService threads = Executors.newFixedThreadPool(3);

		private final List<Future<?>> tasks = new ArrayList<>();

		private final int port;

		Load(int port) {
			this.port = port;
			for (int i = 0; i < 2; i++) {
				this.tasks.add(this.threads.submit(this::sendQuestionnaires));
			}
			this.tasks.add(this.threads.submit(this::readLists));
		}

		private void sendQuestionnaires() {
			while (this.running.get()) {
				String email = "charge-" + this.sequence.incrementAndGet() + "@asso.example";
				try {
					if (sendOne(new WebClient(this.port), email)) {
						this.acknowledged.add(email);
					}
				}
				catch (IllegalStateException ex) {
					// no answer: the connection was cut
					this.refused.incrementAndGet();
				}
			}
		}

		private boolean sendOne(WebClient browser, String email) {
			WebClient.Page start = browser.get("/recensement");
			if (!expected(start, "/recensement")) {
				return false;
			}
			Matcher stamp = STAMP.matcher(start.body());
			if (!stamp.find()) {
				this.failures.add("no start stamp: " + start.body());
				return false;
			}
			return expected(browser.post("/recensement/commencer", "email", email, "debut", stamp.group(1)),
					"/recensement/structure")
					&& expected(browser.post("/recensement/structure", Questionnaire.structure("Association " + email)),
							"/recensement/contacts")
					&& expected(browser.post("/recensement/contacts", "contacts[0].fullName", "Camille Charge",
							"action", "suivant"), "/recensement/projets")
					&& expected(browser.get("/recensement/relecture"), "/recensement/relecture")
					&& expected(browser.post("/recensement/envoi", "publication", "oui", "email", email),
							"/recensement/merci");
		}

		/** The page expected, or the 503 page (counted); anything else is a failure. */
		private boolean expected(WebClient.Page page, String uri) {
			if (page.status() == 503 && page.body().contains(UNAVAILABLE)) {
				this.refused.incrementAndGet();
				return false;
			}
			if (page.status() != 200 || !page.uri().equals(uri)) {
				this.failures.add(page.status() + " " + page.uri() + " instead of " + uri);
				return false;
			}
			return true;
		}

		private void readLists() {
			WebClient browser = new WebClient(this.port);
			while (this.running.get()) {
				try {
					WebClient.Page page = browser.get("/acteurs");
					if (page.status() != 200 && !(page.status() == 503 && page.body().contains(UNAVAILABLE))) {
						this.failures.add(page.status() + " on /acteurs");
					}
				}
				catch (IllegalStateException ex) {
					// no answer: the connection was cut
				}
			}
		}

		void stop() throws Exception {
			this.running.set(false);
			this.threads.shutdown();
			assertThat(this.threads.awaitTermination(1, TimeUnit.MINUTES)).as("the load stopped").isTrue();
			for (Future<?> task : this.tasks) {
				task.get();
			}
		}

	}

}
