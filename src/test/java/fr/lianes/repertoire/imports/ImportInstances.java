package fr.lianes.repertoire.imports;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import fr.lianes.repertoire.RepertoireApplication;
import fr.lianes.repertoire.testing.WebClient;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static fr.lianes.repertoire.imports.ImportAssertions.word;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Instances of the application started as production starts them, in the test JVM (each
 * with its own web server, no demo data, imports by batches of one row), for the tests
 * that stop one in the middle of an import; and the import started over HTTP.
 */
final class ImportInstances {

	private static final String PASSWORD = "un mot de passe de test assez long";

	private static final String PATH = "/moderation/administration/import";

	private ImportInstances() {
	}

	/**
	 * Starts an instance on this database, with this administrator.
	 * @param settings more {@code --name=value} arguments
	 */
	static ConfigurableApplicationContext start(String database, String admin, String... settings) {
		List<String> arguments = new ArrayList<>(List.of("--server.port=0",
				"--repertoire.embedded-db.database=" + database, "--repertoire.demo.load-on-empty=false",
				"--repertoire.imports.batch-size=1", "--repertoire.admin.email=" + admin,
				"--repertoire.admin.password=" + PASSWORD, "--repertoire.admin.name=Alix"));
		arguments.addAll(List.of(settings));
		return new SpringApplicationBuilder(RepertoireApplication.class).run(arguments.toArray(String[]::new));
	}

	static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	/** The administrator signed in through the sign-in form. */
	static WebClient signIn(ConfigurableApplicationContext context, String admin) {
		WebClient browser = new WebClient(port(context));
		browser.get("/connexion");
		assertThat(browser.post("/connexion", "email", admin, "motDePasse", PASSWORD).uri()).isEqualTo("/moderation");
		return browser;
	}

	/**
	 * An export of {@code actors} rows, one actor and its project each, identified
	 * {@code prefix1}, {@code prefix2}…, named and titled by
	 * {@link ImportAssertions#word} from {@code names} and {@code titles} on.
	 */
	static String export(String prefix, int actors, int names, int titles) {
		StringBuilder export = new StringBuilder(
				"Identifiant;Nom;Type de structure;Code postal;Commune;Titre du projet;Pays;Domaines;Nature de l'action\n");
		for (int i = 1; i <= actors; i++) {
			export.append((prefix
					+ "%d;Association %s %d;Association de solidarité internationale;59000;Lille;Projet %s;Bénin;Santé;Formation\n")
				.formatted(i, word(i + names), i, word(i + titles)));
		}
		return export.toString();
	}

	/**
	 * Sends the export, keeps the columns as proposed, tries it, then starts the import.
	 * @return the import's token
	 */
	static String startImport(WebClient admin, ConfigurableApplicationContext context, String export) throws Exception {
		String token = ImportWebTests.sendFile(admin, port(context), "export.csv",
				export.getBytes(StandardCharsets.UTF_8));
		Document mapping = Jsoup.parse(admin.get(PATH + "/" + token).body());
		List<String> form = ImportWebTests.formOf(mapping);
		assertThat(admin.post(PATH + "/" + token + "/essai", form.toArray(String[]::new)).status()).isEqualTo(200);
		assertThat(admin.post(PATH + "/" + token + "/import").uri()).isEqualTo(PATH + "/" + token + "/rapport");
		return token;
	}

}
