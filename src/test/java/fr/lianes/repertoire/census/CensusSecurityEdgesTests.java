package fr.lianes.repertoire.census;

import java.io.ByteArrayInputStream;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.lianes.repertoire.testing.ProductionStartTest;
import fr.lianes.repertoire.testing.Questionnaire;
import fr.lianes.repertoire.testing.WebClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The edges an attacker or an unlucky person reaches, on a directory started as
 * production starts it: a long back-office page after sign-in, malformed list indexes, a
 * chunked body over the limit, an old draft cookie after sending, addresses without a
 * dotted domain.
 */
class CensusSecurityEdgesTests extends ProductionStartTest {

	private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"([0-9]+)\"");

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	/**
	 * Issue 12, defect 4: signing in resets the CSRF cookie, and on a page longer than
	 * the response buffer the new token was rendered after the response was committed: no
	 * cookie came with it and the next POST was refused.
	 */
	@Test
	void aLongBackOfficePageAfterSignInCarriesAUsableToken() {
		Questionnaire.sendNewActor(new WebClient(this.port), "Association Longue File", "longue@asso.example");
		long id = this.jdbc.sql("select id from submission where author_email = 'longue@asso.example'")
			.query(Long.class)
			.single();
		// a hundred older responses in front of it
		this.jdbc.sql("""
				insert into submission (status, campaign_id, actor_id, author_email, content, created_at, submitted_at)
				select 'SUBMITTED', null, null, 'file' || n || '@asso.example', content,
				       :now - interval '2 days', :now - interval '1 day' + n * interval '1 second'
				from submission, generate_series(1, 100) n where id = :id""")
			.param("now", java.time.OffsetDateTime.now(fr.lianes.repertoire.time.TestClock.get()))
			.param("id", id)
			.update();

		WebClient admin = new WebClient(this.port);
		admin.get("/connexion");
		WebClient.Page queue = admin.post("/connexion", "email", ADMIN_EMAIL, "motDePasse", ADMIN_PASSWORD);
		assertThat(queue.uri()).isEqualTo("/moderation");
		assertThat(queue.body().getBytes(StandardCharsets.UTF_8).length).as("longer than the response buffer")
			.isGreaterThan(16 * 1024);
		// the staff layout's sign-out form renders the token in the header, before the
		// buffer fills; the token must work all the same
		assertThat(queue.body().indexOf("name=\"_csrf\"")).isPositive();

		// the token of this long page works for the next POST
		WebClient.Page review = admin.get("/moderation/soumissions/" + id);
		WebClient.Page refused = admin.post("/moderation/soumissions/" + id + "/refuser", "version", version(review),
				"motif", "Votre structure n’a pas d’action de coopération internationale.");
		assertThat(refused.status()).isNotEqualTo(403).isLessThan(400);
		assertThat(this.jdbc.sql("select status from submission where id = ?").param(id).query(String.class).single())
			.isEqualTo("REJECTED");

		// and so does the token of a long page whose cookie was lost meanwhile
		admin.cookies()
			.getCookieStore()
			.getCookies()
			.stream()
			.filter((c) -> c.getName().equals("XSRF-TOKEN"))
			.toList()
			.forEach((c) -> admin.cookies().getCookieStore().remove(null, c));
		WebClient.Page again = admin.get("/moderation");
		assertThat(again.body().getBytes(StandardCharsets.UTF_8).length).isGreaterThan(16 * 1024);
		assertThat(again.body().indexOf("name=\"_csrf\"")).isPositive();
		assertThat(admin.post("/deconnexion").uri()).startsWith("/connexion");
	}

	/**
	 * Issue 12, defect 5: a list index that is not a small decimal number answered 500.
	 */
	@Test
	void everyMalformedListIndexIsABadRequest() {
		WebClient browser = new WebClient(this.port);
		Questionnaire.start(browser, "index@asso.example");
		browser.post("/recensement/structure", Questionnaire.structure("Association Index Mal Formé"));
		WebClient.Page form = browser.get("/recensement/projets/nouveau");
		for (String index : List.of("abc", "0x1", "2147483648", "99999999999999999999", "-1", "", " 1", "1e3", "1.5",
				"1]x[2", "١")) {
			assertBadRequest(
					browser.post("/recensement/contacts", "contacts[" + index + "].fullName", "x", "action", "suivant"),
					"contacts[" + index + "]");
			assertBadRequest(browser.post(form.uri(), "title", "Projet", "partners[" + index + "].name", "x", "action",
					"enregistrer"), "partners[" + index + "]");
			assertBadRequest(browser.post("/recensement/structure", "name", "Association Index Mal Formé",
					"networks[" + index + "]", "x"), "networks[" + index + "]");
		}
		assertBadRequest(browser.post("/recensement/contacts", "contacts[1.fullName", "x"), "contacts[1");
		assertThat(this.jdbc.sql("select content->'structure'->>'name' from submission where author_email = ?")
			.param("index@asso.example")
			.query(String.class)
			.single()).isEqualTo("Association Index Mal Formé");
	}

	private static void assertBadRequest(WebClient.Page page, String what) {
		assertThat(page.status()).as(what).isEqualTo(400);
		assertThat(page.body()).as(what).contains("Demande incorrecte");
	}

	/**
	 * Issue 12, defect 6: the size limit was only checked against Content-Length, and a
	 * chunked body has none.
	 */
	@Test
	void aChunkedBodyOverTheLimitIsRefused() throws Exception {
		WebClient browser = new WebClient(this.port);
		Questionnaire.start(browser, "morceaux@asso.example");
		browser.post("/recensement/structure", Questionnaire.structure("Association En Morceaux"));
		byte[] body = ("name=Association+En+Morceaux&description=" + "a".repeat(1_900_000) + "&_csrf=" + browser.csrf())
			.getBytes(StandardCharsets.US_ASCII);
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.cookieHandler(browser.cookies())
			.build();
		HttpResponse<String> response = http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/recensement/structure"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Accept", "text/html")
				// no length known in advance: sent with Transfer-Encoding: chunked
				.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).contains("trop volumineux");
		assertThat(this.jdbc
			.sql("select length(coalesce(content->'structure'->>'description', '')) from submission "
					+ "where author_email = 'morceaux@asso.example'")
			.query(Integer.class)
			.single()).isLessThan(1000);

		// a chunked body within the limit is read as usual
		byte[] small = ("name=Association+En+Petits+Morceaux&description=Courte&_csrf=" + browser.csrf())
			.getBytes(StandardCharsets.US_ASCII);
		HttpResponse<String> accepted = http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/recensement/structure"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(small)))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(accepted.statusCode()).isLessThan(400);
		assertThat(this.jdbc
			.sql("select content->'structure'->>'name' from submission "
					+ "where author_email = 'morceaux@asso.example'")
			.query(String.class)
			.single()).isEqualTo("Association En Petits Morceaux");
	}

	/**
	 * Issue 12, defect 7: the thank-you page showed the answers again to whoever still
	 * held the draft's cookie.
	 */
	@Test
	void theDraftKeyIsRevokedWhenTheQuestionnaireIsSent() {
		WebClient author = new WebClient(this.port);
		Questionnaire.start(author, "cle@asso.example");
		author.post("/recensement/structure", Questionnaire.structure("Association Clé Révoquée"));
		author.post("/recensement/contacts", "contacts[0].fullName", "Dominique Secret", "action", "suivant");
		HttpCookie key = draftCookie(author);
		// another tab, or someone who copied the cookie before the questionnaire was sent
		WebClient copy = new WebClient(this.port);
		copy.cookies().getCookieStore().add(URI.create("http://localhost:" + this.port + "/recensement"), key);
		assertThat(copy.get("/recensement/relecture").body()).contains("Dominique Secret");

		WebClient.Page thanks = author.post("/recensement/envoi", "publication", "non", "email", "cle@asso.example");
		assertThat(thanks.uri()).isEqualTo("/recensement/merci");
		assertThat(thanks.body()).contains("Dominique Secret");

		for (String path : List.of("/recensement/merci", "/recensement/relecture", "/recensement/contacts")) {
			WebClient.Page page = copy.get(path);
			assertThat(page.body()).as(path)
				.doesNotContain("Dominique Secret")
				.doesNotContain("Association Clé Révoquée");
		}
		// the old key sends nothing a second time and shows no answers
		WebClient.Page again = copy.post("/recensement/envoi", "publication", "oui", "email", "cle@asso.example");
		assertThat(again.status()).isLessThan(400);
		assertThat(again.body()).doesNotContain("Dominique Secret");
		assertThat(this.jdbc.sql("select count(*) from submission where author_email = 'cle@asso.example'")
			.query(Integer.class)
			.single()).isEqualTo(1);
		// the key the thank-you page was read with worked once
		assertThat(author.get("/recensement/merci").body()).doesNotContain("Dominique Secret");
		assertThat(this.jdbc.sql("""
				select count(*) from submission_draft_key k join submission s on s.id = k.submission_id
				where s.author_email = 'cle@asso.example' and k.revoked_at is null""").query(Integer.class).single())
			.isZero();
	}

	/**
	 * Issue 12, defect 15: an address without a dotted domain ({@code a@b}) was taken,
	 * and mail to it could never leave.
	 */
	@Test
	void addressesWithoutADottedDomainAreRefusedWithAMessage() {
		WebClient browser = new WebClient(this.port);
		browser.get("/recensement");
		WebClient.Page start = browser.post("/recensement/commencer", "email", "camille@asso", "debut", stamp(browser));
		assertThat(start.uri()).isEqualTo("/recensement/commencer");
		assertThat(start.body()).contains("Saisissez une adresse e-mail valide");

		Questionnaire.start(browser, "pointee@asso.example");
		WebClient.Page structure = browser.post("/recensement/structure",
				withValue(Questionnaire.structure("Association Sans Point"), "email", "contact@asso"));
		assertThat(structure.uri()).isEqualTo("/recensement/structure");
		assertThat(structure.body()).contains("Saisissez une adresse e-mail valide");
		WebClient.Page contacts = browser.post("/recensement/contacts", "contacts[0].fullName", "Camille Sans Point",
				"contacts[0].email", "camille@b", "action", "suivant");
		assertThat(contacts.uri()).isEqualTo("/recensement/contacts");
		assertThat(contacts.body()).contains("Saisissez une adresse e-mail valide");

		WebClient sender = new WebClient(this.port);
		Questionnaire.start(sender, "envoi.pointe@asso.example");
		sender.post("/recensement/structure", Questionnaire.structure("Association Envoi Sans Point"));
		WebClient.Page review = sender.post("/recensement/envoi", "publication", "oui", "email", "a@b");
		assertThat(review.uri()).isEqualTo("/recensement/envoi");
		assertThat(review.body()).contains("id=\"email-erreur\"");
		browser.get("/recensement/mise-a-jour");
		assertThat(browser.post("/recensement/mise-a-jour", "email", "a@b").body()).contains("id=\"email-erreur\"");
		assertThat(start.body()).contains("id=\"email-erreur\"");
	}

	private static String[] withValue(String[] pairs, String name, String value) {
		String[] copy = pairs.clone();
		for (int i = 0; i < copy.length; i += 2) {
			if (copy[i].equals(name)) {
				copy[i + 1] = value;
			}
		}
		return copy;
	}

	private static String stamp(WebClient browser) {
		Matcher matcher = Pattern.compile("name=\"debut\" value=\"([^\"]+)\"")
			.matcher(browser.get("/recensement").body());
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

	private static HttpCookie draftCookie(WebClient browser) {
		return browser.cookies()
			.getCookieStore()
			.getCookies()
			.stream()
			.filter((c) -> c.getName().equals(DraftCookie.NAME))
			.findFirst()
			.orElseThrow();
	}

	private static String version(WebClient.Page page) {
		Matcher matcher = VERSION.matcher(page.body());
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

}
