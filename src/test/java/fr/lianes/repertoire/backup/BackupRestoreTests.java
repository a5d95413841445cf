package fr.lianes.repertoire.backup;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import fr.lianes.repertoire.RepertoireApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * A backup of the demo directory, taken and downloaded by an administrator, survives the
 * loss of its database: the database is dropped, {@code restore} puts the backup back,
 * and an application started on it finds every table with the same rows and shows the
 * same key figures.
 */
@SpringBootTest(properties = { "repertoire.embedded-db.database=backup_restore", "repertoire.backup.enabled=true",
		"repertoire.backup.start-delay=1h", "repertoire.backup.directory=target/backup-restore-tests" })
@AutoConfigureMockMvc
class BackupRestoreTests {

	private static final String PAGE = "/moderation/administration/sauvegardes";

	private static final List<String> FIGURES = List.of("territoires", "familles", "types", "domaines", "sous-domaines",
			"natures", "genres", "pays", "regions", "campagnes", "continents");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	DataSource dataSource;

	@Autowired
	Backups backups;

	@TempDir
	Path directory;

	@Test
	void aBackupOfTheDemoDirectoryRestoresToTheSameRowsAndFiguresAfterTheDatabaseIsDropped() throws Exception {
		Map<String, Long> rows = new Restore(this.dataSource).rowsPerTable();
		assertThat(rows.get("actor")).isGreaterThan(1000);
		Map<String, String> figures = new LinkedHashMap<>();
		for (String figure : FIGURES) {
			MvcTestResult csv = this.mvc.get().uri("/chiffres/" + figure + ".csv").exchange();
			assertThat(csv).hasStatusOk();
			figures.put(figure, csv.getResponse().getContentAsString());
		}

		// an administrator takes a backup by hand and downloads it
		assertThat(this.mvc.post().uri(PAGE).with(admin()).with(csrf())).hasStatus3xxRedirection();
		await().atMost(Duration.ofMinutes(2))
			.until(() -> this.backups.latest().isPresent() && !this.backups.isRunning());
		assertThat(this.mvc.get().uri(PAGE).with(admin())).hasStatusOk()
			.bodyText()
			.contains(this.backups.latest().get().name(), this.backups.latest().get().sha256());
		MvcTestResult download = this.mvc.get()
			.uri(PAGE + "/" + this.backups.latest().get().name())
			.with(admin())
			.exchange();
		assertThat(download).hasStatusOk().hasHeader("X-Checksum-SHA256", this.backups.latest().get().sha256());
		byte[] bytes = download.getResponse().getContentAsByteArray();
		assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)))
			.isEqualTo(this.backups.latest().get().sha256());
		Path file = Files.write(this.directory.resolve("downloaded.zip"), bytes);
		assertThat(this.mvc.get()
			.uri(PAGE + "/" + this.backups.latest().get().name())
			.with(user("m@lianes.example").roles("MODERATOR"))).hasStatus(403);
		assertThat(this.mvc.get().uri(PAGE + "/manifest.tsv").with(admin())).as("only backups are served")
			.hasStatus(404);

		dropDatabase();

		assertThat(RepertoireApplication.runCommand("restore", file.toString(), "--yes",
				"--repertoire.embedded-db.database=backup_restore",
				"--repertoire.backup.directory=" + this.directory.resolve("safety")))
			.isZero();

		try (ConfigurableApplicationContext restored = new SpringApplicationBuilder(RepertoireApplication.class).run(
				"--server.port=0", "--repertoire.embedded-db.database=backup_restore",
				"--repertoire.demo.load-on-empty=false", "--spring.main.banner-mode=off")) {
			assertThat(new Restore(restored.getBean(DataSource.class)).rowsPerTable()).isEqualTo(rows);
			HttpClient http = HttpClient.newHttpClient();
			String base = "http://localhost:" + restored.getEnvironment().getProperty("local.server.port");
			for (String figure : FIGURES) {
				HttpResponse<String> csv = http.send(
						HttpRequest.newBuilder(URI.create(base + "/chiffres/" + figure + ".csv")).build(),
						HttpResponse.BodyHandlers.ofString());
				assertThat(csv.statusCode()).isEqualTo(200);
				assertThat(csv.body()).as(figure).isEqualTo(figures.get(figure));
			}
		}
	}

	@Test
	void nothingIsRestoredWithoutTheConfirmation() throws Exception {
		Backups.Backup backup = this.backups.take();
		Map<String, Long> rows = new Restore(this.dataSource).rowsPerTable();
		java.io.InputStream in = System.in;
		try {
			System.setIn(new java.io.ByteArrayInputStream("non\n".getBytes()));
			assertThat(RepertoireApplication.runCommand("restore", backup.file().toString(),
					"--repertoire.embedded-db.database=backup_restore",
					"--repertoire.backup.directory=" + this.directory.resolve("unconfirmed")))
				.isEqualTo(1);
		}
		finally {
			System.setIn(in);
		}
		assertThat(this.directory.resolve("unconfirmed")).as("not even the safety copy").doesNotExist();
		assertThat(new Restore(this.dataSource).rowsPerTable()).isEqualTo(rows);
	}

	@Test
	void aBackupTakenAfterAMigrationThisVersionDoesNotHaveIsRefused() throws Exception {
		BackupArchive.Manifest manifest = new BackupArchive.Manifest(java.time.Instant.now(), "99", List.of(),
				List.of(), List.of(new BackupArchive.Migration("99", 1, "from the future")));
		Path file = this.directory.resolve("future.zip");
		try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
			zip.putNextEntry(new java.util.zip.ZipEntry(BackupArchive.MANIFEST));
			zip.write(manifest.write().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
		}
		assertThat(RepertoireApplication.runCommand("restore", file.toString(), "--yes",
				"--repertoire.embedded-db.database=backup_restore_refused"))
			.isEqualTo(3);
	}

	private void dropDatabase() throws Exception {
		String url;
		try (Connection connection = this.dataSource.getConnection()) {
			url = connection.getMetaData().getURL().replace("/backup_restore", "/postgres");
		}
		try (Connection connection = DriverManager.getConnection(url, "postgres", "");
				Statement statement = connection.createStatement()) {
			statement.execute("drop database backup_restore with (force)");
		}
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor admin() {
		return user("admin@lianes.example").roles("ADMIN");
	}

}
