package fr.lianes.repertoire.census;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.lianes.repertoire.testing.CensusWebTest;
import fr.lianes.repertoire.testing.Questionnaire;
import fr.lianes.repertoire.testing.WebClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile and broken input sent to every endpoint of the questionnaire: each gets a 4xx
 * or the form back with its messages, never a server error, and nothing reaches the
 * database as markup or with control characters.
 */
class CensusBadInputTests extends CensusWebTest {

	static final String SCRIPT = "<script>alert(1)</script>";

	static final List<String> CORPUS = List.of("x".repeat(20_000), "nul\u0000byte", "bell\u0007\u001b[31m", SCRIPT,
			"<img src=x onerror=alert(1)>", "\"><svg onload=alert(1)>", "'; drop table actor; --", "1 OR 1=1",
			"12345678901234", "a@b.fr\r\nBcc: victime@example.org", "a@b.fr\nSubject: spam", "\u202egnp.exe", "💥🔥",
			"../../etc/passwd", "%00", "-1", "99999999999999999999", "a..b@asso.example", ".a@asso.example",
			"x".repeat(70) + "@asso.example", "", " ");

	static final List<String> POSTS = List.of("/recensement/commencer", "/recensement/structure",
			"/recensement/contacts", "/recensement/projets/nabcdef", "/recensement/projets/nabcdef/suppression",
			"/recensement/envoi", "/recensement/lien-de-reprise", "/recensement/mise-a-jour", "/recensement/lien",
			"/recensement/retrait");

	static final List<String> FIELDS = List.of("email", "debut", "name", "acronym", "actorType", "siret", "rna",
			"addressLine", "postalCode", "communeName", "communeInsee", "website", "phone", "description", "networks",
			"foundingYear", "contacts[0].key", "contacts[0].fullName", "contacts[0].role", "contacts[0].email",
			"contacts[0].phone", "contacts[0].publishName", "title", "kind", "countries", "localities",
			"partners[0].name", "partners[0].city", "partners[0].country", "domains", "nature", "startYear", "endYear",
			"status", "funders", "partnerAuthority", "publication", "jeton", "action", "retirer");

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	private WebClient browser;

	@BeforeEach
	void startDraft() {
		this.browser = new WebClient(this.port);
		Matcher stamp = Pattern.compile("name=\"debut\" value=\"([^\"]+)\"")
			.matcher(this.browser.get("/recensement").body());
		assertThat(stamp.find()).isTrue();
		assertThat(this.browser.post("/recensement/commencer", "email", "corpus@asso.example", "debut", stamp.group(1))
			.uri()).isEqualTo("/recensement/structure");
		this.browser.post("/recensement/structure", Questionnaire.structure("Association Corpus Test"));
	}

	@Test
	void everyEndpointAnswersBadValuesWithoutServerErrors() {
		for (String path : POSTS) {
			for (String value : CORPUS) {
				List<String> pairs = new ArrayList<>();
				for (String field : FIELDS) {
					pairs.add(field);
					pairs.add(value);
				}
				pairs.add("_csrf");
				pairs.add(this.browser.csrf());
				WebClient.Page page = this.browser.postRaw(path, WebClient.form(pairs));
				assertThat(page.status()).as("%s with %s", path, shorten(value)).isLessThan(500);
				assertThat(page.body()).as("%s with %s", path, shorten(value))
					.doesNotContain(SCRIPT)
					.doesNotContain("<img src=x")
					.doesNotContain("<svg onload");
				assertThat(unsafeSubmissions()).as("stored after %s with %s", path, shorten(value)).isZero();
			}
		}
		for (String value : CORPUS) {
			String query = WebClient.form(Map.of("siret", value, "rna", value, "name", value, "postalCode", value,
					"communeName", value, "jeton", value));
			for (String path : List.of("/recensement/doublon", "/recensement/lien", "/recensement/retrait",
					"/recensement/contacts",
					"/recensement/projets/" + java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)
						.replace("+", "%20"))) {
				WebClient.Page page = this.browser.get(path + (path.contains("?") ? "&" : "?") + query);
				assertThat(page.status()).as("GET %s with %s", path, shorten(value)).isLessThan(500);
				assertThat(page.body()).doesNotContain(SCRIPT);
			}
		}
		assertThat(unsafeSubmissions()).isZero();
		assertThat(this.jdbc.sql("select count(*) from access_link where email ~ '[\\r\\n]'")
			.query(Integer.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("select content->'structure'->>'name' from submission where author_email = ?")
			.param("corpus@asso.example")
			.query(String.class)
			.list()).as("what was accepted before stays").contains("Association Corpus Test");
	}

	@Test
	void hugeIndexesAndBodiesAreRefused() {
		WebClient.Page index = this.browser.post("/recensement/contacts", "contacts[100000].fullName", "x");
		assertThat(index.status()).isBetween(400, 499);
		String tenMegabytes = "description=" + "a".repeat(10 * 1024 * 1024) + "&_csrf=" + this.browser.csrf();
		// refused before it is read: the 413 page, or the connection closed while the
		// client
		// is still sending (Tomcat stops reading a refused body past max-swallow-size)
		try {
			WebClient.Page body = this.browser.postRaw("/recensement/structure", tenMegabytes);
			assertThat(body.status()).isEqualTo(413);
			assertThat(body.body()).contains("trop volumineux");
		}
		catch (IllegalStateException ex) {
			assertThat(ex).hasRootCauseInstanceOf(java.io.IOException.class);
		}
		WebClient.Page large = this.browser.postRaw("/recensement/structure",
				"description=" + "a".repeat(600 * 1024) + "&_csrf=" + this.browser.csrf());
		assertThat(large.status()).isEqualTo(413);
		assertThat(large.body()).contains("trop volumineux");
		assertThat(this.jdbc.sql("select content->'structure'->>'name' from submission where author_email = ?")
			.param("corpus@asso.example")
			.query(String.class)
			.single()).isEqualTo("Association Corpus Test");
	}

	/**
	 * Submissions holding markup or control characters (JSON escapes them as \\u00XX).
	 */
	private int unsafeSubmissions() {
		return this.jdbc
			.sql("select count(*) from submission where content::text ~ '<[a-zA-Z/!?]' "
					+ "or content::text ~ '\\\\u00[01][0-9a-f]' or author_email ~ '[\\r\\n<]'")
			.query(Integer.class)
			.single();
	}

	private static String shorten(String value) {
		return (value.length() > 40) ? value.substring(0, 40) + "…" : value;
	}

}
