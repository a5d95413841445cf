package fr.lianes.repertoire.exchange;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMailUtil;
import fr.lianes.repertoire.testing.FreshDirectoryTest;
import fr.lianes.repertoire.testing.TypedActor;
import fr.lianes.repertoire.testing.WebClient;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static fr.lianes.repertoire.testing.TypedActor.TypedProject.project;
import static fr.lianes.repertoire.testing.TypedActor.actor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The downloads on a directory started as production starts it: an actor entered through
 * the questionnaire and approved by a moderator is in every file its list page links to,
 * its contact person with what they agreed to publish; once the person withdraws their
 * consent from the link of their mail, no file carries them any more.
 */
class OpenDataChainTests extends FreshDirectoryTest {

	private static final Pattern WITHDRAW = Pattern.compile("/recensement/retrait\\?jeton=[A-Za-z0-9_\\-]+");

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void anApprovedEntryIsDownloadedWithItsConsentedContactUntilTheConsentIsWithdrawn() throws Exception {
		TypedActor typed = actor("donnees", "Solidarité Donnees Ouvertes Kaolack",
				"association-solidarite-internationale", "59200", "Tourcoing")
			.description("=HYPERLINK(\"http://piege.example\") une description piégée")
			.project(project("Jardins scolaires à Kaolack").in("SN").localities("Kaolack").domains("education"));
		String slug = enter(typed);
		String filter = "?q=" + java.net.URLEncoder.encode("Donnees Ouvertes Kaolack", StandardCharsets.UTF_8);

		// the list page links each format of the list as it is filtered
		Document list = Jsoup.parse(new WebClient(this.port).get("/acteurs" + filter).body());
		assertThat(list.select("p.downloads").text()).startsWith("Télécharger cet acteur");
		String csvLink = list.select("p.downloads a").first().attr("href");
		assertThat(csvLink).isEqualTo("/donnees/acteurs.csv" + filter.replace("+", "+"));
		assertThat(list.select("p.downloads a").eachAttr("href")).contains("/donnees/acteurs.xlsx" + filter,
				"/donnees/acteurs.json" + filter, "/donnees/acteurs.geojson" + filter);

		String csv = await().atMost(Duration.ofSeconds(20))
			.until(() -> text("/donnees/acteurs.csv" + filter), (body) -> body.contains(slug));
		assertThat(csv).startsWith("\uFEFFIdentifiant;Adresse de la fiche;Nom;");
		assertThat(csv.lines().count()).as("header and one actor").isEqualTo(2);
		assertThat(csv).contains("Camille Durand, Chargée de mission")
			.contains(";\"'=HYPERLINK(\"\"http://piege.example\"\") une description piégée\";")
			.doesNotContain(";=HYPERLINK");
		assertThat(text("/donnees/acteurs.csv" + filter + "&separateur=virgule")).startsWith("\uFEFFIdentifiant,");
		assertThat(text("/donnees/acteurs.json" + filter)).contains("\"slug\":\"" + slug + "\"")
			.contains("\"name\":\"Camille Durand\"")
			.contains("\"role\":\"Chargée de mission\"")
			.doesNotContain("\"contacts\":[{\"name\":\"Camille Durand\",\"role\":\"Chargée de mission\",\"email\"");
		assertThat(text("/donnees/acteurs.geojson" + filter)).startsWith("{\"type\":\"FeatureCollection\"")
			.contains("\"id\":\"" + slug + "\"")
			.contains("Camille Durand");
		assertThat(xlsx("/donnees/acteurs.xlsx" + filter)).contains("Camille Durand, Chargée de mission")
			.contains("'=HYPERLINK");
		assertThat(text("/donnees/projets.csv" + filter.replace("Donnees+Ouvertes+Kaolack", "Jardins+scolaires")))
			.contains("Jardins scolaires à Kaolack")
			.contains("Solidarité Donnees Ouvertes Kaolack");

		// the person withdraws from the link of the confirmation mail
		String mail = GreenMailUtil.getBody(mailTo(typed.email(), "bien été reçue"))
			.replace("=\r\n", "")
			.replace("=3D", "=");
		Matcher withdraw = WITHDRAW.matcher(mail);
		assertThat(withdraw.find()).isTrue();
		String token = withdraw.group().substring(withdraw.group().indexOf('=') + 1);
		WebClient person = new WebClient(this.port);
		person.get(withdraw.group());
		assertThat(person.post("/recensement/retrait", "jeton", token).status()).isEqualTo(200);

		for (String format : new String[] { "csv", "json", "geojson" }) {
			String file = text("/donnees/acteurs." + format + filter);
			assertThat(file).as(format)
				.contains(slug)
				.doesNotContain("Camille Durand")
				.doesNotContain("Chargée de mission");
		}
		assertThat(xlsx("/donnees/acteurs.xlsx" + filter)).contains(slug).doesNotContain("Camille Durand");
		assertThat(new WebClient(this.port).get("/acteurs/" + slug).body()).doesNotContain("Camille Durand");
	}

	private String text(String path) throws IOException, InterruptedException {
		HttpResponse<byte[]> response = download(path);
		return new String(response.body(), StandardCharsets.UTF_8);
	}

	private String xlsx(String path) throws IOException, InterruptedException {
		HttpResponse<byte[]> response = download(path);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow())
			.isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		StringBuilder cells = new StringBuilder();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
			for (Row row : workbook.getSheetAt(0)) {
				for (Cell cell : row) {
					cells.append(cell.getStringCellValue()).append('\t');
				}
				cells.append('\n');
			}
		}
		return cells.toString();
	}

	private HttpResponse<byte[]> download(String path) throws IOException, InterruptedException {
		HttpResponse<byte[]> response = this.http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).GET().build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).as(path)
			.startsWith("attachment;");
		return response;
	}

}
