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
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import fr.lianes.repertoire.RepertoireApplication;
import fr.lianes.repertoire.testing.ApplicationProcess;
import fr.lianes.repertoire.testing.Questionnaire;
import fr.lianes.repertoire.testing.TypedActor;
import fr.lianes.repertoire.testing.WebClient;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static fr.lianes.repertoire.testing.TypedActor.TypedProject.project;
import static fr.lianes.repertoire.testing.TypedActor.actor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Backup and restore of a directory started as production starts it (its own empty
 * database, no demo data, no campaign, the first administrator from the settings, the
 * search index on disk), filled through the questionnaire and the moderation over HTTP:
 * the administrator backs it up and downloads the backup from the back office, the
 * database is lost, {@code restore} puts it back, and the application started again
 * serves the same rows, the same figures, the same actor page, finds the actor in its
 * rebuilt search index and still has the response waiting for moderation.
 */
class FreshDirectoryBackupTests {

	private static final String DATABASE = "backup_fresh";

	private static final String ADMIN = "admin@sauvegarde.example";

	private static final String PASSWORD = "le mot de passe de l administrateur";

	private static final String PAGE = "/moderation/administration/sauvegardes";

	private static final List<String> FIGURES = List.of("territoires", "types", "domaines", "natures", "pays",
			"campagnes");

	@TempDir
	Path directory;

	/** The server's maintenance database, to drop the directory's. */
	private String postgresUrl;

	private String username;

	@Test
	void aDirectoryFilledThroughItsPagesIsBackedUpDownloadedAndRestoredWhole() throws Exception {
		Path index = this.directory.resolve("index");
		Path backups = this.directory.resolve("backups");
		TypedActor published = actor("sauvegarde-publie", "Association Sauvegardée du Ponant",
				"association-solidarite-internationale", "59000", "Lille")
			.description("Des puits et des cantines.")
			.project(project("Puits villageois de Podor").in("SN").domains("nutrition"));
		TypedActor pending = actor("sauvegarde-attente", "Comité Restauré des Dunes",
				"association-solidarite-internationale", "62100", "Calais");

		Map<String, Long> rows;
		Map<String, String> figures = new LinkedHashMap<>();
		String actorPage;
		String slug;
		long pendingSubmission;
		Path file = this.directory.resolve("downloaded.zip");
		try (ConfigurableApplicationContext app = start(index, backups)) {
			int port = port(app);
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			assertThat(jdbc.sql("select count(*) from actor").query(Long.class).single()).as("an empty directory")
				.isZero();
			assertThat(app.getBeansOfType(RestoreCommand.class)).as("a command is not part of the web application")
				.isEmpty();
			WebClient admin = signedIn(port);
			long actorId = Questionnaire.enter(port, jdbc, admin, published);
			pendingSubmission = Questionnaire.send(port, jdbc, pending);
			slug = jdbc.sql("select slug from actor where id = ?").param(actorId).query(String.class).single();
			await().atMost(Duration.ofMinutes(1)).until(() -> actorsFound(port, "Ponant").contains(slug));
			actorPage = mainOf(new WebClient(port).get("/acteurs/" + slug));
			for (String figure : FIGURES) {
				WebClient.Page csv = new WebClient(port).get("/chiffres/" + figure + ".csv");
				assertThat(csv.status()).as(figure).isEqualTo(200);
				figures.put(figure, csv.body());
			}
			rows = rowsPerTable(app.getBean(DataSource.class));
			try (Connection connection = app.getBean(DataSource.class).getConnection()) {
				this.postgresUrl = connection.getMetaData().getURL().replace("/" + DATABASE, "/postgres");
				this.username = connection.getMetaData().getUserName();
			}

			// the administrator backs up by hand and downloads the backup
			WebClient.Page started = admin.post(PAGE);
			assertThat(started.uri()).isEqualTo(PAGE);
			await().atMost(Duration.ofMinutes(2)).until(() -> admin.get(PAGE).body().contains(".zip</a>"));
			String link = Jsoup.parse(admin.get(PAGE).body())
				.select("a[href^=" + PAGE + "/repertoire-]")
				.first()
				.attr("href");
			HttpResponse<byte[]> download = HttpClient.newBuilder()
				.cookieHandler(admin.cookies())
				.build()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + link)).build(),
						HttpResponse.BodyHandlers.ofByteArray());
			assertThat(download.statusCode()).isEqualTo(200);
			assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(download.body())))
				.as("the checksum the page and the header give")
				.isEqualTo(download.headers().firstValue("X-Checksum-SHA256").orElseThrow());
			Files.write(file, download.body());
		}

		// the machine is lost: the database with it; a new one, empty, is given
		dropDatabase();
		assertThat(Files.exists(index)).isTrue();

		// as an operator runs it: a JVM of its own, the database given by the standard
		// settings, nothing of the tests on its class path (no test clock, no test
		// database)
		ApplicationProcess.Finished restored = ApplicationProcess.command("restore", file.toString(), "--yes",
				"--spring.datasource.url=" + this.postgresUrl.replace("/postgres", "/" + DATABASE),
				"--spring.datasource.username=" + this.username, "--repertoire.backup.directory=" + backups,
				"--spring.jpa.properties.hibernate.search.backend.directory.root=" + index);
		assertThat(restored.exitCode()).as(restored.output()).isZero();
		assertThat(restored.output()).doesNotContain("Usage:").contains("Restored", "Search index deleted");
		assertThat(index).as("the search index is left to be rebuilt").doesNotExist();
		try (Connection connection = DriverManager.getConnection(this.postgresUrl.replace("/postgres", "/" + DATABASE),
				this.username, "");
				Statement statement = connection.createStatement();
				ResultSet state = statement.executeQuery("select complete from search_index_state")) {
			assertThat(state.next()).isTrue();
			assertThat(state.getBoolean(1)).as("the index recorded incomplete, whatever the backup said").isFalse();
		}

		try (ConfigurableApplicationContext app = start(index, backups)) {
			int port = port(app);
			assertThat(rowsPerTable(app.getBean(DataSource.class))).isEqualTo(rows);
			await().atMost(Duration.ofMinutes(1)).until(() -> actorsFound(port, "Ponant").contains(slug));
			assertThat(mainOf(new WebClient(port).get("/acteurs/" + slug))).isEqualTo(actorPage);
			for (String figure : FIGURES) {
				assertThat(new WebClient(port).get("/chiffres/" + figure + ".csv").body()).as(figure)
					.isEqualTo(figures.get(figure));
			}
			WebClient admin = signedIn(port);
			assertThat(admin.get("/moderation/soumissions/" + pendingSubmission).body())
				.as("the response waiting for moderation")
				.contains("Comité Restauré des Dunes");
		}
	}

	private ConfigurableApplicationContext start(Path index, Path backups) {
		return new SpringApplicationBuilder(RepertoireApplication.class).run("--server.port=0",
				"--repertoire.embedded-db.database=" + DATABASE, "--repertoire.demo.load-on-empty=false",
				"--repertoire.admin.email=" + ADMIN, "--repertoire.admin.password=" + PASSWORD,
				"--repertoire.admin.name=Alex Administrateur", "--repertoire.backup.enabled=true",
				"--repertoire.backup.start-delay=1h", "--repertoire.backup.directory=" + backups,
				"--spring.jpa.properties.hibernate.search.backend.directory.root=" + index,
				"--repertoire.test.index-on-disk=true", "--repertoire.census.minimum-fill-time=0s",
				"--repertoire.census.minimum-start-time=0s", "--repertoire.census.starts-per-hour=100000",
				"--repertoire.census.submissions-per-hour=100000", "--repertoire.census.link-requests-per-hour=100000",
				"--repertoire.census.links-per-hour=100000", "--spring.datasource.hikari.maximum-pool-size=4",
				"--spring.main.banner-mode=off");
	}

	private static int port(ConfigurableApplicationContext app) {
		return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
	}

	private static WebClient signedIn(int port) {
		WebClient admin = new WebClient(port);
		admin.get("/connexion");
		WebClient.Page home = admin.post("/connexion", "email", ADMIN, "motDePasse", PASSWORD);
		assertThat(home.uri()).as("sign-in").isEqualTo("/moderation");
		return admin;
	}

	private static List<String> actorsFound(int port, String q) {
		WebClient.Page page = new WebClient(port).get("/acteurs?q=" + q);
		List<String> slugs = new ArrayList<>();
		Jsoup.parse(page.body())
			.select("ul.cards > li.card > h3.card-title > a")
			.forEach((a) -> slugs.add(a.attr("href").substring(a.attr("href").lastIndexOf('/') + 1)));
		return slugs;
	}

	/** The page's main content (the layout carries versioned addresses and tokens). */
	private static String mainOf(WebClient.Page page) {
		assertThat(page.status()).isEqualTo(200);
		return Jsoup.parse(page.body()).select("main").text();
	}

	private static Map<String, Long> rowsPerTable(DataSource dataSource) throws Exception {
		Map<String, Long> rows = new TreeMap<>();
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			List<String> tables = new ArrayList<>();
			try (ResultSet result = statement
				.executeQuery("select tablename from pg_tables where schemaname = 'public' order by tablename")) {
				while (result.next()) {
					tables.add(result.getString(1));
				}
			}
			// the migrations' own history is the restore's to rewrite
			tables.remove("flyway_schema_history");
			for (String table : tables) {
				try (ResultSet result = statement.executeQuery("select count(*) from \"" + table + "\"")) {
					result.next();
					rows.put(table, result.getLong(1));
				}
			}
		}
		assertThat(rows).containsKey("actor");
		return rows;
	}

	private void dropDatabase() throws Exception {
		try (Connection connection = DriverManager.getConnection(this.postgresUrl, this.username, "");
				Statement statement = connection.createStatement()) {
			statement.execute("drop database " + DATABASE + " with (force)");
			// the new server's empty database, as its operator creates it (createdb)
			statement.execute("create database " + DATABASE);
		}
	}

}
