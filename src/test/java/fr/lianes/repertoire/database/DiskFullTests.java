package fr.lianes.repertoire.database;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.lianes.repertoire.testing.ApplicationProcess;
import fr.lianes.repertoire.testing.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * The disk of the database really full: the application and its embedded PostgreSQL run
 * on a small tmpfs of their own, which a file then fills to the last byte. PostgreSQL
 * refuses to write (SQLSTATE 53100, "could not extend file"); the questionnaire then
 * answers the French 503 page, readiness goes down, reading goes on, nothing that was
 * refused is stored, and writing works again once space is freed, without a restart.
 * Needs the right to mount a tmpfs (root): skipped otherwise.
 */
class DiskFullTests {

	private static final Pattern STAMP = Pattern.compile("name=\"debut\" value=\"([^\"]+)\"");

	@TempDir
	Path directory;

	private Path disk;

	@BeforeEach
	void mountSmallDisk() throws Exception {
		this.disk = this.directory.resolve("disk");
		Files.createDirectories(this.disk);
		Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=192m", "tmpfs", this.disk.toString())
			.redirectErrorStream(true)
			.start();
		String output = new String(mount.getInputStream().readAllBytes());
		assumeThat(mount.waitFor()).as("mounting a tmpfs (needs root): " + output).isZero();
	}

	@AfterEach
	void unmount() throws Exception {
		new ProcessBuilder("umount", "-l", this.disk.toString()).inheritIO().start().waitFor();
	}

	@Test
	void aFullDiskRefusesFormsWithThe503PageStoresNothingAndRecoversWhenSpaceIsFreed() throws Exception {
		try (ApplicationProcess app = ApplicationProcess.start(this.disk.resolve("data"),
				// only PostgreSQL's own refusal counts here, not the free-space threshold
				"--repertoire.database.min-free-space=0", "--repertoire.database.disk-full-hold=2s")) {
			assertThat(start(app, "avant@asso.example").uri()).isEqualTo("/recensement/structure");

			Path filler = this.disk.resolve("filler");
			fill(filler);

			// a row fits while a page of its table has room; the first that needs the
			// file
			// to grow is refused
			List<String> accepted = new ArrayList<>();
			String refusedEmail = null;
			WebClient.Page refused = null;
			for (int i = 0; i < 2000 && refused == null; i++) {
				String email = "plein-" + i + "@asso.example";
				WebClient.Page page = start(app, email);
				if (page.uri().equals("/recensement/structure")) {
					accepted.add(email);
				}
				else {
					refused = page;
					refusedEmail = email;
				}
			}
			assertThat(refused).as("a questionnaire refused").isNotNull();
			assertThat(refused.status()).isEqualTo(503);
			assertThat(refused.body()).contains("Enregistrement momentanément impossible");
			long checksAtRefusal = app.databaseChecks();
			await().atMost(Duration.ofMinutes(1))
				.pollInterval(Duration.ofMillis(100))
				.untilAsserted(() -> assertThat(app.readiness()).isEqualTo(503));
			assertThat(app.databaseChecks()).as("checks before readiness went down")
				.isLessThanOrEqualTo(checksAtRefusal + 2);
			assertThat(app.get("/acteurs").statusCode()).as("reading goes on").isEqualTo(200);
			assertThat(app.get("/actuator/health/liveness").statusCode()).isEqualTo(200);

			Files.delete(filler);
			await().atMost(Duration.ofMinutes(1))
				.pollInterval(Duration.ofMillis(200))
				.untilAsserted(() -> assertThat(app.readiness()).isEqualTo(200));
			assertThat(start(app, "apres@asso.example").uri()).isEqualTo("/recensement/structure");

			assertThat(app.isAlive()).isTrue();
			try (Connection database = app.database()) {
				assertThat(submissions(database, "avant@asso.example")).isOne();
				// a start acknowledged is a draft and its resume link, both written
				for (String email : accepted) {
					assertThat(submissions(database, email)).as("accepted " + email).isOne();
					assertThat(resumeLinks(database, email)).as("link of " + email).isOne();
				}
				// the refused start sent no link: its author was told it was not saved
				// (an
				// empty draft may remain, which no one can reach)
				assertThat(resumeLinks(database, refusedEmail)).as("refused " + refusedEmail).isZero();
				assertThat(submissions(database, "apres@asso.example")).isOne();
			}
		}
	}

	private static WebClient.Page start(ApplicationProcess app, String email) {
		WebClient browser = new WebClient(app.port());
		WebClient.Page form = browser.get("/recensement");
		assertThat(form.status()).as(form.body()).isEqualTo(200);
		Matcher stamp = STAMP.matcher(form.body());
		assertThat(stamp.find()).isTrue();
		return browser.post("/recensement/commencer", "email", email, "debut", stamp.group(1));
	}

	/** Writes until the file system has no byte left. */
	private static void fill(Path filler) {
		byte[] block = new byte[1 << 20];
		try (OutputStream out = Files.newOutputStream(filler)) {
			while (true) {
				out.write(block);
			}
		}
		catch (IOException ex) {
			// no space left on device: the disk is full
		}
		assertThat(filler.toFile().getUsableSpace()).isLessThan(block.length);
	}

	private static int submissions(Connection database, String email) throws Exception {
		return count(database, "select count(*) from submission where author_email = ?", email);
	}

	private static int resumeLinks(Connection database, String email) throws Exception {
		return count(database,
				"select count(*) from outgoing_mail where recipient = ? and purpose = 'CENSUS_RESUME_LINK'", email);
	}

	private static int count(Connection database, String sql, String email) throws Exception {
		try (PreparedStatement statement = database.prepareStatement(sql)) {
			statement.setString(1, email);
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getInt(1);
			}
		}
	}

}
