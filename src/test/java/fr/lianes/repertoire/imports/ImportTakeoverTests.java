package fr.lianes.repertoire.imports;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import fr.lianes.repertoire.RepertoireApplication;
import fr.lianes.repertoire.testing.WebClient;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import static fr.lianes.repertoire.imports.ImportAssertions.number;
import static fr.lianes.repertoire.imports.ImportAssertions.text;
import static fr.lianes.repertoire.imports.ImportAssertions.word;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances on one database, both running: an import started on the first is run by
 * the first alone (the second, whose periodic check looks for unclaimed jobs every 200
 * ms, leaves it alone); the first stops while the import is under way, its claim going
 * with its connection, and the second, which keeps running and is not restarted, takes
 * the job up by itself from the last batch the first committed and finishes it, every row
 * imported exactly once. Each instance is started as production starts it, with its own
 * web server; their uploads in one shared folder.
 */
class ImportTakeoverTests {

	private static final String ADMIN = "admin@import-takeover.example";

	private static final String PASSWORD = "un mot de passe de test assez long";

	private static final String PATH = "/moderation/administration/import";

	private static final int ACTORS = 80;

	@TempDir
	Path uploads;

	@Test
	void aRunningInstanceTakesUpTheJobOfAnInstanceThatStopped() throws Exception {
		StringBuilder export = new StringBuilder(
				"Identifiant;Nom;Type de structure;Code postal;Commune;Titre du projet;Pays;Domaines;Nature de l'action\n");
		for (int i = 1; i <= ACTORS; i++) {
			export.append(
					"T%d;Association %s %d;Association de solidarité internationale;59000;Lille;Projet %s;Bénin;Santé;Formation\n"
						.formatted(i, word(i + 5000), i, word(i + 7000)));
		}
		ConfigurableApplicationContext first = start();
		ConfigurableApplicationContext second = null;
		try {
			second = start();
			Environment environment = first.getEnvironment();
			String url = environment.getProperty("spring.datasource.url");
			String user = environment.getProperty("spring.datasource.username");
			String password = environment.getProperty("spring.datasource.password", "");
			ImportJobs secondJobs = second.getBean(ImportJobs.class);

			WebClient admin = signIn(first);
			String token = ImportWebTests.sendFile(admin, port(first), "export.csv",
					export.toString().getBytes(StandardCharsets.UTF_8));
			Document mapping = Jsoup.parse(admin.get(PATH + "/" + token).body());
			List<String> form = ImportWebTests.formOf(mapping);
			assertThat(admin.post(PATH + "/" + token + "/essai", form.toArray(String[]::new)).status()).isEqualTo(200);
			assertThat(admin.post(PATH + "/" + token + "/import").uri()).isEqualTo(PATH + "/" + token + "/rapport");
			long id = first.getBean(ImportJobs.class).latest(token).orElseThrow().id();
			await().atMost(Duration.ofMinutes(2))
				.pollInterval(Duration.ofMillis(20))
				.until(() -> number(url, user, password, "select written from import_job") >= 3);
			assertThat(first.getBean(ImportJobs.class).active(id)).as("run by the first").isTrue();
			assertThat(secondJobs.active(id)).as("left alone by the second while the first holds it").isFalse();

			first.close();
			long written = number(url, user, password, "select written from import_job");
			assertThat(text(url, user, password, "select state from import_job")).isEqualTo("RUNNING");
			assertThat(written).as("stopped in the middle").isBetween(3L, 2L * ACTORS - 1);

			// the second, running all along, takes it up by its periodic check
			await().atMost(Duration.ofMinutes(2))
				.until(() -> secondJobs.active(id)
						|| "DONE".equals(text(url, user, password, "select state from import_job")));
			WebClient other = signIn(second);
			ImportAssertions.importedExactlyOnce(ImportWebTests.finished(other, token),
					new ImportAssertions.Database(url, user, password), ACTORS);
			assertThat(Files.list(this.uploads)).as("one upload, shared").hasSize(1);
		}
		finally {
			first.close();
			if (second != null) {
				second.close();
			}
		}
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(RepertoireApplication.class).run("--server.port=0",
				"--repertoire.embedded-db.database=import_takeover", "--repertoire.demo.load-on-empty=false",
				"--repertoire.imports.batch-size=1", "--repertoire.imports.takeover-interval=200ms",
				"--repertoire.imports.directory=" + this.uploads, "--repertoire.admin.email=" + ADMIN,
				"--repertoire.admin.password=" + PASSWORD, "--repertoire.admin.name=Alix");
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private static WebClient signIn(ConfigurableApplicationContext context) {
		WebClient admin = new WebClient(port(context));
		admin.get("/connexion");
		assertThat(admin.post("/connexion", "email", ADMIN, "motDePasse", PASSWORD).uri()).isEqualTo("/moderation");
		return admin;
	}

}
