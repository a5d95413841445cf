package fr.lianes.repertoire.imports;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import fr.lianes.repertoire.RepertoireApplication;
import fr.lianes.repertoire.testing.WebClient;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

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
 * An import through a real restart: the application is started as production starts it
 * (its own web server, no demo data), an administrator starts an import over HTTP, the
 * application is stopped while the import is under way (some batches committed, not all)
 * and started again on the same database: the job goes on by itself and finishes with
 * every row imported exactly once.
 */
class ImportRestartTests {

	private static final String ADMIN = "admin@import-restart.example";

	private static final String PASSWORD = "un mot de passe de test assez long";

	private static final String PATH = "/moderation/administration/import";

	private static final int ACTORS = 80;

	@Test
	void anImportStoppedByAShutdownFinishesAfterTheNextStart() throws Exception {
		StringBuilder export = new StringBuilder(
				"Identifiant;Nom;Type de structure;Code postal;Commune;Titre du projet;Pays;Domaines;Nature de l'action\n");
		for (int i = 1; i <= ACTORS; i++) {
			export.append(
					"R%d;Association %s %d;Association de solidarité internationale;59000;Lille;Projet %s;Bénin;Santé;Formation\n"
						.formatted(i, word(i), i, word(i + 1000)));
		}
		String token;
		String url;
		String user;
		String password;
		ConfigurableApplicationContext first = start();
		try {
			Environment environment = first.getEnvironment();
			url = environment.getProperty("spring.datasource.url");
			user = environment.getProperty("spring.datasource.username");
			password = environment.getProperty("spring.datasource.password", "");
			WebClient admin = signIn(first);
			token = ImportWebTests.sendFile(admin, port(first), "export.csv",
					export.toString().getBytes(StandardCharsets.UTF_8));
			Document mapping = Jsoup.parse(admin.get(PATH + "/" + token).body());
			List<String> form = ImportWebTests.formOf(mapping);
			assertThat(admin.post(PATH + "/" + token + "/essai", form.toArray(String[]::new)).status()).isEqualTo(200);
			assertThat(admin.post(PATH + "/" + token + "/import").uri()).isEqualTo(PATH + "/" + token + "/rapport");
			// some batches of one row committed: stop the application
			await().atMost(Duration.ofMinutes(2))
				.pollInterval(Duration.ofMillis(20))
				.until(() -> number(url, user, password, "select coalesce(max(written), 0) from import_job") >= 3);
		}
		finally {
			first.close();
		}
		long written = number(url, user, password, "select written from import_job");
		assertThat(text(url, user, password, "select state from import_job")).isEqualTo("RUNNING");
		assertThat(written).as("stopped in the middle").isBetween(3L, 2L * ACTORS - 1);
		assertThat(number(url, user, password, "select count(*) from change_log where action = 'IMPORTED'"))
			.as("what the stopped run committed is there")
			.isEqualTo(written);

		ConfigurableApplicationContext second = start();
		try {
			WebClient admin = signIn(second);
			ImportAssertions.importedExactlyOnce(ImportWebTests.finished(admin, token),
					new ImportAssertions.Database(url, user, password), ACTORS);
		}
		finally {
			second.close();
		}
	}

	private static ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(RepertoireApplication.class).run("--server.port=0",
				"--repertoire.embedded-db.database=import_restart", "--repertoire.demo.load-on-empty=false",
				"--repertoire.imports.batch-size=1", "--repertoire.admin.email=" + ADMIN,
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
