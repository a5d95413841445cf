package fr.lianes.repertoire.directory;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public pages on the demo directory, on a real PostgreSQL.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PublicPagesTests {

	private static final Pattern STATUS = Pattern.compile("role=\"status\"[^>]*>([^<]*)<");

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JdbcClient jdbc;

	@ParameterizedTest
	@ValueSource(strings = { "/", "/acteurs", "/acteurs/lianes-cooperation", "/projets", "/pays", "/pays/sn",
			"/pays/SN", "/pays/bj", "/domaines", "/domaines/education", "/domaines/acces-eau", "/territoires",
			"/territoires/metropole-lilloise", "/territoires/dunkerquois", "/accessibilite", "/donnees-personnelles",
			"/donnees", "/mentions-legales" })
	void everyPublicPageAnswersWithItsContent(String url) {
		assertThat(this.mvc.get().uri(url)).hasStatusOk()
			.bodyText()
			.contains("<main id=\"contenu\"")
			.contains("<h1")
			.contains("href=\"/mentions-legales\"")
			.doesNotContain("??");
	}

	@Test
	void actorListAnnouncesTheRegisteredActorsInAStatusElement() throws Exception {
		long registered = this.jdbc.sql("select count(*) from actor where published and status <> 'CEASED'")
			.query(Long.class)
			.single();
		assertThat(registered).isGreaterThanOrEqualTo(1900);
		assertThat(statusCount(this.mvc.get().uri("/acteurs").exchange())).isEqualTo(registered);
	}

	@Test
	void projectPageShowsItsLeadActorAndCountries() {
		String slug = this.jdbc.sql("""
				select p.slug from public_project p where p.kind = 'DECENTRALISED_COOPERATION'
				and p.partner_authority = 'Commune de Tanguiéta'""").query(String.class).single();
		assertThat(this.mvc.get().uri("/projets/" + slug)).hasStatusOk()
			.bodyText()
			.contains("Tanguiéta")
			.contains("Bénin")
			.contains("Accord de coopération décentralisée");
	}

	@Test
	void filtersCombineAndCountExactlyWhatTheDatabaseHas() throws Exception {
		long expected = this.jdbc
			.sql("""
					select count(*) from actor a where a.published and a.status = 'ACTIVE'
					and a.id in (select ap.actor_id from actor_project ap
					             join project_country pc on pc.project_id = ap.project_id where pc.country_iso2 = 'SN')
					and a.id in (select ap.actor_id from actor_project ap
					             join project_domain pd on pd.project_id = ap.project_id
					             join domain d on d.id = pd.domain_id join domain top on top.id = coalesce(d.parent_id, d.id)
					             where top.slug = 'education')
					""")
			.query(Long.class)
			.single();
		assertThat(expected).isPositive();
		MvcTestResult result = this.mvc.get().uri("/acteurs?pays=SN&domaine=education&statut=actif").exchange();
		assertThat(statusCount(result)).isEqualTo(expected);
		assertThat(result).bodyText().containsPattern("name=\"pays\" value=\"SN\"[^>]*checked=\"checked\"");
	}

	@Test
	void countryPageIgnoresTheCaseOfItsCode() throws Exception {
		String lower = this.mvc.get().uri("/pays/sn").exchange().getResponse().getContentAsString();
		// the same page, but for its language links, which keep the address as it was
		// typed
		String upper = this.mvc.get()
			.uri("/pays/SN")
			.exchange()
			.getResponse()
			.getContentAsString()
			.replace("/pays/SN?lang=", "/pays/sn?lang=");
		assertThat(lower).contains("<h1>Sénégal</h1>").isEqualTo(upper);
	}

	@Test
	void unknownSlugsAnswerAFrenchNotFoundPage() {
		for (String url : new String[] { "/acteurs/nexiste-pas", "/projets/nexiste-pas", "/pays/zz", "/domaines/nope",
				"/territoires/nope", "/nimporte/quoi" }) {
			assertThat(this.mvc.get().uri(url)).hasStatus(HttpStatus.NOT_FOUND)
				.bodyText()
				.contains("Page introuvable")
				.contains("lang=\"fr\"");
		}
	}

	@Test
	void malformedFilterValuesAnswerAPageNotAnError() {
		assertThat(this.mvc.get().uri("/acteurs?pays=ZZZ&page=-3")).hasStatusOk()
			.bodyText()
			.contains("Valeur inconnue ignorée : ZZZ");
		assertThat(this.mvc.get().uri("/acteurs?page=abc&tri=nimporte&type=&statut=%00%01")).hasStatusOk();
		assertThat(this.mvc.get().uri("/projets?page=999999")).hasStatusOk()
			.bodyText()
			.contains("aria-current=\"page\"");
		assertThat(this.mvc.get().uri("/acteurs?q=" + "%22*~(AND".repeat(100))).hasStatusOk();
	}

	@Test
	void suggestionsComeAsAFragmentForHtmxAndAsAPageWithoutJavaScript() {
		assertThat(this.mvc.get().uri("/suggestions?q=tangu").header("HX-Request", "true")).hasStatusOk()
			.bodyText()
			.contains("Tanguiéta")
			.contains("role=\"status\"")
			.doesNotContain("<html");
		assertThat(this.mvc.get().uri("/suggestions?q=sénég")).hasStatusOk()
			.bodyText()
			.contains("<main id=\"contenu\"")
			.contains("href=\"/pays/sn\"")
			.contains("href=\"/acteurs?q=s%C3%A9n%C3%A9g\"");
		assertThat(this.mvc.get().uri("/suggestions?q=" + "x".repeat(500))).hasStatusOk();
		assertThat(this.mvc.get().uri("/suggestions")).hasStatusOk();
	}

	@Test
	void searchedWordsAreMarkedInTheResults() {
		assertThat(this.mvc.get().uri("/acteurs?q=lianes")).hasStatusOk()
			.bodyText()
			.contains("<mark>Lianes</mark>")
			.contains("pertinence");
		assertThat(this.mvc.get().uri("/acteurs?q=%3Cscript%3Ealert(1)%3C/script%3E")).hasStatusOk()
			.bodyText()
			.doesNotContain("<script>alert");
	}

	@Test
	void englishIsServedToBrowsersThatPreferIt() {
		assertThat(this.mvc.get().uri("/acteurs").header("Accept-Language", "en-GB,en;q=0.9")).hasStatusOk()
			.bodyText()
			.contains("lang=\"en\"")
			.contains("actors match");
		assertThat(this.mvc.get().uri("/acteurs").header("Accept-Language", "de")).bodyText().contains("lang=\"fr\"");
	}

	@Test
	void pagesForbidThirdPartyContent() {
		assertThat(this.mvc.get().uri("/")).headers()
			.hasValue("Content-Security-Policy",
					"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
							+ "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'")
			.hasValue("X-Content-Type-Options", "nosniff");
	}

	@Test
	void healthReportsTheDatabase() {
		assertThat(this.mvc.get().uri("/actuator/health")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.components.db.status")
			.isEqualTo("UP");
	}

	static long statusCount(MvcTestResult result) throws Exception {
		Matcher matcher = STATUS.matcher(result.getResponse().getContentAsString());
		assertThat(matcher.find()).as("a role=status element").isTrue();
		String digits = matcher.group(1).replaceAll("[^0-9]", "");
		return digits.isEmpty() ? 0 : Long.parseLong(digits);
	}

}
