package fr.lianes.repertoire.exchange;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import fr.lianes.repertoire.testing.FreshDirectoryTest;
import fr.lianes.repertoire.testing.Questionnaire;
import fr.lianes.repertoire.testing.TypedActor;
import fr.lianes.repertoire.testing.WebClient;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import static fr.lianes.repertoire.testing.TypedActor.TypedProject.project;
import static fr.lianes.repertoire.testing.TypedActor.actor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The IATI activity file on a directory started as production starts it: a project
 * entered through the questionnaire is in it only once a moderator approves it, as an
 * activity valid against the IATI 2.03 schemas, every code known to the IATI lists, with
 * its actor (identified by its RNA number), partner and funder, countries, DAC sectors of
 * its domains, status and dates.
 */
class IatiChainTests extends FreshDirectoryTest {

	private static final String TITLE = "Forages partagés de Thiès";

	private static final String FILE = "/donnees/iati/activites.xml?q="
			+ URLEncoder.encode("Forages partagés Thiès", StandardCharsets.UTF_8);

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void anApprovedProjectIsAValidIatiActivity() throws Exception {
		TypedActor typed = actor("iati", "Eau Solidaire Roubaix Thiès", "association-solidarite-internationale",
				"59100", "Roubaix")
			.rna("W593000123")
			.project(project(TITLE).in("SN", "ML")
				.domains("infrastructures-scolaires", "equipement-sanitaire")
				.years("2024", "2028")
				.partner("Association des usagers de Thiès", "Thiès", "SN")
				.funders("Région Hauts-de-France")
				.description("Trois forages et leur comité de gestion."));
		long submission = Questionnaire.send(this.port, this.jdbc, typed);
		assertThat(IatiFile.parse(get(FILE)).activities()).as("not public before approval").isEmpty();
		long actorId = Questionnaire.approve(this.moderator, this.jdbc, submission);

		byte[] xml = await().atMost(Duration.ofSeconds(20))
			.until(() -> get(FILE), (body) -> new String(body, StandardCharsets.UTF_8).contains(TITLE));
		assertThat(IatiFile.schemaErrors(xml)).isEmpty();
		IatiFile file = IatiFile.parse(xml);
		assertThat(file.unknownCodes()).isEmpty();
		assertThat(file.root().getAttribute("version")).isEqualTo("2.03");
		assertThat(file.activities()).hasSize(1);
		Element activity = file.activities().get(0);
		String projectSlug = this.jdbc
			.sql("select p.slug from project p join actor_project ap on ap.project_id = p.id where ap.actor_id = ?")
			.param(actorId)
			.query(String.class)
			.single();
		assertThat(IatiFile.describe(activity, "iati-identifier")).containsExactly("lianes-cooperation-" + projectSlug);
		assertThat(IatiFile.describe(activity, "reporting-org"))
			.containsExactly("ref=lianes-cooperation,type=22 Lianes coopération");
		assertThat(IatiFile.describe(activity, "title")).containsExactly(" " + TITLE);
		String leadType = this.jdbc
			.sql("select iati_org_type from actor_type where code = 'association-solidarite-internationale'")
			.query(String.class)
			.single();
		assertThat(IatiFile.describe(activity, "participating-org")).containsExactly(
				"ref=FR-RNA-W593000123,role=4,type=" + leadType + " Eau Solidaire Roubaix Thiès",
				"role=4 Association des usagers de Thiès", "role=1 Région Hauts-de-France");
		assertThat(IatiFile.describe(activity, "activity-status")).containsExactly("code=2");
		assertThat(IatiFile.describe(activity, "activity-date")).containsExactly("iso-date=2024-01-01,type=2",
				"iso-date=2028-12-31,type=3");
		assertThat(file.values("recipient-country", "code")).containsExactlyInAnyOrder("SN", "ML");
		assertThat(file.values("recipient-country", "percentage")).containsExactly("50", "50");
		List<String> dac = this.jdbc.sql("""
				select distinct s.dac_code from domain_dac_sector s join domain d on d.id = s.domain_id
				where d.slug in ('infrastructures-scolaires', 'equipement-sanitaire') order by 1""")
			.query(String.class)
			.list();
		assertThat(dac).isNotEmpty();
		assertThat(file.values("sector", "code")).containsExactlyInAnyOrderElementsOf(dac);
		assertThat(file.values("sector", "vocabulary")).containsOnly("1");

		// the open-data page of this directory links the file and dates its data
		org.jsoup.nodes.Document openData = org.jsoup.Jsoup.parse(new WebClient(this.port).get("/donnees").body());
		assertThat(openData.select("p.data-date").text()).startsWith("Données à jour au ");
		assertThat(openData.select("main a[href=/donnees/iati/activites.xml]")).hasSize(1);
	}

	private byte[] get(String path) throws Exception {
		HttpResponse<byte[]> response = this.http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).GET().build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/xml");
		return response.body();
	}

}
