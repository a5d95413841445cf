package fr.lianes.repertoire.figures;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.lianes.repertoire.testing.FreshDirectoryTest;
import fr.lianes.repertoire.testing.WebClient;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import static fr.lianes.repertoire.testing.TypedActor.TypedProject.project;
import static fr.lianes.repertoire.testing.TypedActor.actor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The key figures right after a change (issue 18), on a directory started as production
 * starts it: the first {@code /chiffres} after an approval, a moderator's status change,
 * an unpublication and a project unpublished already counts it (the figures of the whole
 * directory are updated for what the change touched, never served from before it).
 */
class FiguresChainTests extends FreshDirectoryTest {

	private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"([0-9]+)\"");

	/** Published actors that are active or dormant. */
	private static final String REGISTERED = "a.published and a.status in ('ACTIVE', 'DORMANT')";

	@Test
	void theFirstFiguresAfterEachChangeAreRight() {
		Document before = figures();
		long registered = keyFigure(before, 0);
		long niger = actorsIn(before, "ne");
		assertRight(before);

		String slug = enter(
				actor("chiffres-tahoua", "Puits de Tahoua", "association-solidarite-internationale", "59000", "Lille")
					.project(project("Forages de Tahoua").in("NE", "ML").localities("Tahoua").domains("maraichage")));
		Document approved = figures();
		assertThat(keyFigure(approved, 0)).isEqualTo(registered + 1);
		assertThat(actorsIn(approved, "ne")).isEqualTo(niger + 1);
		assertRight(approved);

		long id = actorId(slug);
		this.moderator.post("/moderation/acteurs/" + id + "/statut", "version", version("/moderation/acteurs/" + id),
				"statut", "DORMANT");
		Document dormant = figures();
		assertThat(dormantActors(dormant)).isEqualTo(count("""
				select count(*) from actor a where a.published and a.status = 'DORMANT'""")).isPositive();
		assertRight(dormant);

		long project = this.jdbc.sql("select id from project where lead_actor_id = ?")
			.param(id)
			.query(Long.class)
			.single();
		this.moderator.post("/moderation/projets/" + project + "/publication", "version",
				version("/moderation/projets/" + project), "publier", "false");
		Document withoutProject = figures();
		assertThat(keyFigure(withoutProject, 0)).isEqualTo(registered + 1);
		assertThat(actorsIn(withoutProject, "ne")).isEqualTo(niger);
		assertRight(withoutProject);

		this.moderator.post("/moderation/acteurs/" + id + "/publication", "version",
				version("/moderation/acteurs/" + id), "publier", "false");
		Document unpublished = figures();
		assertThat(keyFigure(unpublished, 0)).isEqualTo(registered);
		assertRight(unpublished);
	}

	/** The page's key figures and countries against the database's, counted apart. */
	private void assertRight(Document page) {
		assertThat(keyFigure(page, 0)).isEqualTo(count("select count(*) from actor a where " + REGISTERED));
		assertThat(actorsIn(page, "ne")).isEqualTo(count("""
				select count(distinct a.id) from actor a join actor_project ap on ap.actor_id = a.id
				join project_country pc on pc.project_id = ap.project_id
				where %s and pc.country_iso2 = 'NE'""".formatted(REGISTERED)));
	}

	private Document figures() {
		WebClient.Page page = new WebClient(this.port).get("/chiffres");
		assertThat(page.status()).isEqualTo(200);
		return Jsoup.parse(page.body());
	}

	private static long keyFigure(Document page, int index) {
		return number(page.select(".key-figures li strong").get(index).text());
	}

	/** "x actifs et y en veille" under the number of actors. */
	private static long dormantActors(Document page) {
		return number(page.select(".key-figures li .detail").get(0).text().replaceFirst(".* et ", ""));
	}

	/** The actors of a country in the table of countries (0 when it is not there). */
	private static long actorsIn(Document page, String country) {
		for (Element row : page.select("#pays table tbody tr")) {
			if (row.select("th a").attr("href").equals("/pays/" + country)) {
				return number(row.select("td").first().text());
			}
		}
		return 0;
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	private String version(String url) {
		Matcher matcher = VERSION.matcher(this.moderator.get(url).body());
		assertThat(matcher.find()).as("a version on " + url).isTrue();
		return matcher.group(1);
	}

	private static long number(String text) {
		return Long.parseLong(text.replaceAll("[^0-9]", ""));
	}

}
