package fr.lianes.repertoire.imports;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import fr.lianes.repertoire.testing.WebClient;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The back office's import over HTTP, without JavaScript, on a directory started as
 * production starts it: an administrator uploads a Windows-1252 export (one row per
 * project repeating its actor), checks the columns, maps an unknown actor type, tries,
 * imports in the background (the report page follows its progress), downloads the report;
 * the actors are then on the public pages. Undoing the import removes what it created but
 * an actor a moderator edited since. It runs first: the other tests add entries to the
 * same database.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "repertoire.embedded-db.database=import_web", "repertoire.demo.load-on-empty=false" })
class ImportWebTests {

	private static final String ADMIN = "admin@import.example";

	private static final String PASSWORD = "un mot de passe de test assez long";

	private static final String PATH = "/moderation/administration/import";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Test
	@Order(1)
	void uploadMapTryImportAndReport() throws Exception {
		WebClient admin = signedInAdministrator();

		WebClient.Page upload = admin.get(PATH);
		assertThat(upload.status()).isEqualTo(200);
		assertThat(Jsoup.parse(upload.body()).select("form[enctype=multipart/form-data] input[type=file]")).hasSize(1);

		String export = """
				Identifiant;Nom;Type de structure;Code postal;Commune;Titre du projet;Pays;Domaines;Nature de l'action
				A1;Association Tiléla;Association de solidarité internationale;59000;Lille;Puits à Tanguiéta;Bénin;Santé;Construction
				A1;Association Tiléla;Association de solidarité internationale;59000;Lille;École de Natitingou;Benin;Education;Formation

				A2;Amicale du quartier;Asso de quartier;59100;Roubaix;Jumelage avec Thiès;Sénégal (Dakar);Jeunesse;Échanges
				""";
		String token = sendFile(admin, this.port, "ancien-repertoire.csv",
				export.getBytes(Charset.forName("windows-1252")));
		assertThat(token).matches("[0-9a-f]{32}");

		Document mapping = Jsoup.parse(admin.get(PATH + "/" + token).body());
		assertThat(mapping.select("select#charset-0 option[selected]").text()).isEqualTo("windows-1252");
		assertThat(mapping.select("select#separateur-0 option[selected]").val()).isEqualTo(";");
		assertThat(mapping.select("select#colonne-0-1 option[selected]").val()).isEqualTo("NAME");
		assertThat(mapping.select("select#colonne-0-5 option[selected]").val()).isEqualTo("TITLE");

		WebClient.Page tried = admin.post(PATH + "/" + token + "/essai", formOf(mapping).toArray(String[]::new));
		assertThat(tried.status()).isEqualTo(200);
		Document preview = Jsoup.parse(tried.body());
		assertThat(preview.select("[role=status]").text()).contains("rien n’a été écrit");
		assertThat(preview.text()).contains("Type de structure inconnu : « Asso de quartier »");
		assertThat(preview.select("table caption:contains(Lignes refusées)").text())
			.as("every row listed: the caption does not speak of the first ones")
			.matches("Lignes refusées ou à vérifier : \\d+");
		Element valueToMap = preview.selectFirst("select[name^=valeur-TYPE-]");
		assertThat(valueToMap).isNotNull();
		assertThat(count("select count(*) from actor")).isZero();

		List<String> form = formOf(preview);
		form.addAll(List.of(valueToMap.attr("name"), "association-autre", "publier", "on"));
		tried = admin.post(PATH + "/" + token + "/essai", form.toArray(String[]::new));
		preview = Jsoup.parse(tried.body());
		assertThat(preview.select("table caption:contains(Ce que l’import ferait) ~ tbody tr").first().text())
			.isEqualTo("Structures 2 0 0 0 0");
		assertThat(count("select count(*) from actor")).as("a trial writes nothing").isZero();

		WebClient.Page report = admin.post(PATH + "/" + token + "/import");
		assertThat(report.uri()).isEqualTo(PATH + "/" + token + "/rapport");
		assertThat(Jsoup.parse(report.body()).select("h2#avancement-titre").text())
			.isEqualTo("Import de ancien-repertoire.csv par " + ADMIN);
		Document done = finished(admin, token);
		assertThat(done.select("[role=status]").text()).startsWith("Import terminé");
		assertThat(done.select("#avancement li").eachText())
			.as("the report says what the history of each entry says, the real file and person")
			.containsExactly("« import de ancien-repertoire.csv par " + ADMIN + " »");
		assertThat(done.select("table caption:contains(Fiches importées) ~ tbody tr").eachText())
			.containsExactly("Structures 2 0 0 0 0", "Projets 3 0 0 0 0");
		assertThat(count("select count(*) from actor where published")).isEqualTo(2);
		assertThat(this.jdbc.sql("select distinct note from change_log where action = 'IMPORTED'")
			.query(String.class)
			.list()).containsExactly("import de ancien-repertoire.csv par " + ADMIN);

		WebClient.Page csv = admin.get(PATH + "/" + token + "/rapport.csv");
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.header("Content-Type")).startsWith("text/csv");
		assertThat(csv.body()).startsWith("\ufefffichier;ligne;fiche;gravité;motif");

		String slug = this.jdbc.sql("select slug from actor where name = 'Association Tiléla'")
			.query(String.class)
			.single();
		WebClient.Page page = new WebClient(this.port).get("/acteurs/" + slug);
		assertThat(page.status()).isEqualTo(200);
		assertThat(Jsoup.parse(page.body()).text()).contains("Puits à Tanguiéta").contains("École de Natitingou");
		assertThat(Jsoup.parse(new WebClient(this.port).get("/acteurs?pays=SN").body()).text())
			.contains("Amicale du quartier");

		// the undo: an actor edited since (unpublished by a moderator) is kept and
		// listed, the rest the import created is removed
		long amicale = this.jdbc.sql("select id from actor where name = 'Amicale du quartier'")
			.query(Long.class)
			.single();
		Document moderation = Jsoup.parse(admin.get("/moderation/acteurs/" + amicale).body());
		// the entry's history page: every field the import created, from this file, by
		// this staff member
		Element history = moderation.selectFirst("section.history");
		assertThat(history).isNotNull();
		assertThat(history.select("li > p strong").eachText()).containsExactly("Import depuis l’ancien répertoire");
		assertThat(history.select("li > p:not(:has(strong))").eachText())
			.containsExactly("import de ancien-repertoire.csv par " + ADMIN);
		assertThat(history.select("table.comparison tbody tr th").eachText()).contains("Nom de la structure");
		assertThat(history.text()).doesNotContain("<fichier>", "<personne>");
		long puits = this.jdbc.sql("select id from project where title = 'Puits à Tanguiéta'")
			.query(Long.class)
			.single();
		Document projectPage = Jsoup.parse(admin.get("/moderation/projets/" + puits).body());
		assertThat(projectPage.select("section.history li > p:not(:has(strong))").eachText())
			.containsExactly("import de ancien-repertoire.csv par " + ADMIN);
		Element publication = moderation.selectFirst("form[action$=/publication]");
		assertThat(publication).isNotNull();
		assertThat(admin
			.post(publication.attr("action"), "version", publication.selectFirst("input[name=version]").val(),
					"publier", "false")
			.status()).isEqualTo(200);
		assertThat(done.select("form[action$=/annuler] button").text()).isEqualTo("Annuler cet import");
		WebClient.Page undone = admin.post(PATH + "/" + token + "/annuler");
		assertThat(undone.uri()).isEqualTo(PATH + "/" + token + "/rapport");
		Document afterUndo = Jsoup.parse(undone.body());
		assertThat(afterUndo.select("[role=status]").text()).startsWith("Import annulé le");
		assertThat(afterUndo.select("#avancement li").eachText()).containsExactly("Structure « Amicale du quartier »");
		assertThat(afterUndo.select("form[action$=/annuler]")).isEmpty();
		assertThat(this.jdbc.sql("select name from actor").query(String.class).list())
			.containsExactly("Amicale du quartier");
		assertThat(count("select count(*) from project")).isZero();
		assertThat(new WebClient(this.port).get("/acteurs/" + slug).status()).isEqualTo(404);
		assertThat(count("select count(*) from change_log where action = 'IMPORT_UNDONE'")).isEqualTo(4);
		assertThat(Jsoup.parse(admin.post(PATH + "/" + token + "/annuler").body()).select("[role=alert]").text())
			.startsWith("Cet import ne peut pas être annulé");

		// another person's browser cannot see an upload it did not make without the
		// token,
		// and the public none of it
		assertThat(new WebClient(this.port).get(PATH + "/" + token).uri()).startsWith("/connexion");
		assertThat(admin.get(PATH + "/" + "0".repeat(32)).status()).isEqualTo(404);
	}

	/**
	 * A mapping saved under a name with the columns changed by hand and an unknown value
	 * mapped, applied to the next export of the same tool: the columns and the value come
	 * back, and the trial finds nothing left to map.
	 */
	@Test
	void aMappingSavedUnderANameIsUsedAgain() throws Exception {
		WebClient admin = signedInAdministrator();
		String export = """
				Réf. interne;Appellation;Forme;CP;Ville
				Z1;Collectif Sahel;Collectif informel;59000;Lille
				""";
		String token = sendFile(admin, this.port, "outil-x.csv", export.getBytes(StandardCharsets.UTF_8));
		Document mapping = Jsoup.parse(admin.get(PATH + "/" + token).body());
		assertThat(mapping.select("select#colonne-0-0 option[selected]").val()).isEmpty();
		assertThat(mapping.select("select#colonne-0-1 option[selected]").val()).isEmpty();
		assertThat(mapping.select("select#correspondance")).as("nothing saved yet").isEmpty();
		List<String> form = formOf(mapping);
		set(form, "colonne-0-0", "LEGACY_ID");
		set(form, "colonne-0-1", "NAME");
		set(form, "colonne-0-2", "TYPE");
		form.addAll(List.of("nomCorrespondance", "x".repeat(101)));
		Document refused = Jsoup.parse(admin.post(PATH + "/" + token + "/essai", form.toArray(String[]::new)).body());
		assertThat(refused.select("#nomCorrespondance-erreur").text())
			.isEqualTo("Le nom de la correspondance est trop long (100 caractères au plus).");
		assertThat(refused.select("input#nomCorrespondance").attr("aria-describedby"))
			.isEqualTo("nomCorrespondance-erreur");
		String valueName = refused.selectFirst("select[name^=valeur-TYPE-]").attr("name");
		form = formOf(refused);
		form.addAll(List.of(valueName, "association-autre", "nomCorrespondance", "Outil X"));
		Document saved = Jsoup.parse(admin.post(PATH + "/" + token + "/essai", form.toArray(String[]::new)).body());
		assertThat(saved.select("[role=status]").text())
			.contains("Correspondance enregistrée sous le nom « Outil X ».");
		assertThat(saved.select("table caption:contains(Ce que l’import ferait) ~ tbody tr").first().text())
			.isEqualTo("Structures 1 0 0 0 0");

		String next = sendFile(admin, this.port, "outil-x-2026.csv", """
				Réf. interne;Appellation;Forme;CP;Ville
				Z2;Amis du Niger;Collectif informel;59100;Roubaix
				""".getBytes(StandardCharsets.UTF_8));
		Document fresh = Jsoup.parse(admin.get(PATH + "/" + next).body());
		assertThat(fresh.select("select#correspondance option").eachText()).containsExactly("Outil X");
		Document applied = Jsoup.parse(admin.get(PATH + "/" + next + "?correspondance=Outil%20X").body());
		assertThat(applied.select("[role=status]").text()).contains("Correspondance « Outil X » appliquée");
		assertThat(applied.select("select#colonne-0-0 option[selected]").val()).isEqualTo("LEGACY_ID");
		assertThat(applied.select("select#colonne-0-1 option[selected]").val()).isEqualTo("NAME");
		assertThat(applied.select("select#colonne-0-2 option[selected]").val()).isEqualTo("TYPE");
		assertThat(applied.select("input[type=hidden][name=" + valueName + "]").val()).isEqualTo("association-autre");
		List<String> again = formOf(applied);
		for (Element hidden : applied.select("form[method=post] input[type=hidden][name^=valeur-]")) {
			again.addAll(List.of(hidden.attr("name"), hidden.val()));
		}
		Document tried = Jsoup.parse(admin.post(PATH + "/" + next + "/essai", again.toArray(String[]::new)).body());
		assertThat(tried.select("select[name^=valeur-]")).as("nothing left to map").isEmpty();
		assertThat(tried.select("table caption:contains(Ce que l’import ferait) ~ tbody tr").first().text())
			.isEqualTo("Structures 1 0 0 0 0");
		assertThat(Jsoup.parse(admin.get(PATH + "/" + next + "?correspondance=Inconnue").body())
			.select("[role=alert]")
			.text()).isEqualTo("Aucune correspondance enregistrée sous ce nom.");
	}

	/**
	 * An OpenDocument spreadsheet (LibreOffice's own format): its first sheet read,
	 * tried, imported in the background, the actor on the public pages.
	 */
	@Test
	void anOdsSpreadsheetIsImported() throws Exception {
		WebClient admin = signedInAdministrator();
		StringBuilder rows = new StringBuilder();
		for (List<String> row : List.of(List.of("Identifiant", "Nom", "Type de structure", "Code postal", "Commune"),
				List.of("O1", "Maison de l’Afrique en Artois", "Association de solidarité internationale", "62000",
						"Arras"))) {
			rows.append("<table:table-row>");
			row.forEach((cell) -> rows.append("<table:table-cell><text:p>")
				.append(cell)
				.append("</text:p></table:table-cell>"));
			rows.append("</table:table-row>");
		}
		String token = sendFile(admin, this.port, "structures.ods",
				ImportFormatsTests.ods("<table:table table:name=\"Feuille1\">" + rows + "</table:table>"));
		Document mapping = Jsoup.parse(admin.get(PATH + "/" + token).body());
		assertThat(mapping.text()).contains("Classeur ODS : la première feuille est lue.");
		assertThat(mapping.select("select#colonne-0-1 option[selected]").val()).isEqualTo("NAME");
		Document preview = Jsoup
			.parse(admin.post(PATH + "/" + token + "/essai", formOf(mapping).toArray(String[]::new)).body());
		assertThat(preview.select("table caption:contains(Ce que l’import ferait) ~ tbody tr").first().text())
			.isEqualTo("Structures 1 0 0 0 0");
		admin.post(PATH + "/" + token + "/import");
		assertThat(finished(admin, token).select("table caption:contains(Fiches importées) ~ tbody tr").first().text())
			.isEqualTo("Structures 1 0 0 0 0");
		assertThat(count("select count(*) from actor where name = 'Maison de l’Afrique en Artois'")).isEqualTo(1);
	}

	/**
	 * A file of actors only (no project title) with « Pays » and « Domaines » filled: the
	 * trial and its CSV report warn, on that row's line, that these project columns are
	 * left out; the row is still imported, and a row with them empty is not warned about.
	 */
	@Test
	void projectColumnsOnARowWithoutAProjectAreWarnedAbout() throws Exception {
		WebClient admin = signedInAdministrator();
		String export = """
				Identifiant;Nom;Type de structure;Code postal;Commune;Pays;Domaines
				P1;Solidarité Mali Béthune;Association de solidarité internationale;62400;Béthune;;
				P2;Les Amis de Ouahigouya;Association de solidarité internationale;62300;Lens;Burkina Faso;Santé
				""";
		String token = sendFile(admin, this.port, "structures-seules.csv", export.getBytes(StandardCharsets.UTF_8));
		Document mapping = Jsoup.parse(admin.get(PATH + "/" + token).body());
		assertThat(mapping.select("select#colonne-0-5 option[selected]").val()).isEqualTo("COUNTRIES");
		assertThat(mapping.select("select#colonne-0-6 option[selected]").val()).isEqualTo("DOMAINS");
		Document preview = Jsoup
			.parse(admin.post(PATH + "/" + token + "/essai", formOf(mapping).toArray(String[]::new)).body());
		assertThat(preview.select("table caption:contains(Ce que l’import ferait) ~ tbody tr").first().text())
			.as("both rows would be imported")
			.isEqualTo("Structures 2 0 0 0 0");
		String warning = "Colonnes de projet renseignées sur une ligne sans projet (le fichier n’a pas de colonne de "
				+ "titre de projet) : Pays, Domaines. Ces valeurs ne sont pas importées ; la structure l’est.";
		assertThat(preview.select("tr.problem-warning").eachText())
			.containsExactly("structures-seules.csv 3 structure à vérifier " + warning);
		WebClient.Page csv = admin.get(PATH + "/" + token + "/rapport.csv?essai=true");
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.body().lines().skip(1).toList())
			.containsExactly("structures-seules.csv;3;structure;à vérifier;\"" + warning + "\"");
		assertThat(count("select count(*) from actor where name = 'Les Amis de Ouahigouya'"))
			.as("a trial writes nothing")
			.isZero();
		admin.post(PATH + "/" + token + "/import");
		assertThat(finished(admin, token).select("table caption:contains(Fiches importées) ~ tbody tr").first().text())
			.isEqualTo("Structures 2 0 0 0 0");
		assertThat(count("select count(*) from actor where name = 'Les Amis de Ouahigouya'")).isEqualTo(1);
	}

	private static void set(List<String> pairs, String name, String value) {
		int at = pairs.indexOf(name);
		assertThat(at).as(name).isNotNegative();
		pairs.set(at + 1, value);
	}

	/**
	 * The report page once the import is done: asked again as htmx does while the import
	 * runs.
	 */
	static Document finished(WebClient admin, String token) {
		await().atMost(Duration.ofMinutes(2)).until(() -> {
			WebClient.Page fragment = admin.htmx(PATH + "/" + token + "/rapport");
			assertThat(fragment.body()).startsWith("<section").doesNotContain("<html");
			return Jsoup.parse(fragment.body()).select("progress").isEmpty();
		});
		return Jsoup.parse(admin.get(PATH + "/" + token + "/rapport").body());
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	/** The names and chosen values of a page's selects, as its form sends them. */
	static List<String> formOf(Document page) {
		List<String> pairs = new ArrayList<>();
		for (Element select : page.select("form select")) {
			Element chosen = select.selectFirst("option[selected]");
			pairs.add(select.attr("name"));
			pairs.add((chosen != null) ? chosen.val() : select.select("option").first().val());
		}
		return pairs;
	}

	/** Sends a file as the upload form does (multipart); the upload's token. */
	static String sendFile(WebClient browser, int port, String name, byte[] content) throws Exception {
		String boundary = "----repertoire" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + browser.csrf()
				+ "\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"fichiers\"; filename=\"" + name
				+ "\"\r\nContent-Type: text/csv\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.write(content);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpClient http = HttpClient.newBuilder().cookieHandler(browser.cookies()).build();
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + PATH))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(302);
		String location = response.headers().firstValue("Location").orElseThrow();
		return location.substring(location.lastIndexOf('/') + 1);
	}

	/** An administrator (created if missing) signed in through the sign-in form. */
	private WebClient signedInAdministrator() {
		this.jdbc.sql("""
				insert into staff_user (email, display_name, password_hash, role) values (?, ?, ?, 'ADMIN')
				on conflict ((lower(email))) do nothing""")
			.params(ADMIN, "Camille", this.encoder.encode(PASSWORD))
			.update();
		WebClient admin = new WebClient(this.port);
		admin.get("/connexion");
		assertThat(admin.post("/connexion", "email", ADMIN, "motDePasse", PASSWORD).uri()).isEqualTo("/moderation");
		return admin;
	}

}
