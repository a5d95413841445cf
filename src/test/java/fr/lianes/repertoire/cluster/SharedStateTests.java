package fr.lianes.repertoire.cluster;

import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import fr.lianes.repertoire.directory.Actor;
import fr.lianes.repertoire.testing.Questionnaire;
import fr.lianes.repertoire.testing.WebClient;
import fr.lianes.repertoire.reference.DomainRef;
import fr.lianes.repertoire.reference.ReferenceData;
import fr.lianes.repertoire.time.TestClock;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.hibernate.search.mapper.pojo.work.IndexingPlanSynchronizationStrategy;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What two instances on one PostgreSQL share ({@code repertoire.cluster.enabled}), over
 * HTTP as a browser behind a load balancer sees it: a member of staff signed in on one
 * goes on on the other, a rate limit counts the requests both answered, a domain renamed
 * on one is named so on the other's pages.
 */
class SharedStateTests {

	private final TwoInstances cluster = TwoInstances.get();

	private final int portA = this.cluster.portOf(this.cluster.a());

	private final int portB = this.cluster.portOf(this.cluster.b());

	@AfterEach
	void putTheClockBack() {
		TestClock.get().reset();
	}

	@Test
	void aMemberOfStaffSignedInOnOneInstanceGoesOnOnTheOtherAndSignsOutThere() {
		int sessionsBefore = sessionsOf(TwoInstances.ADMIN_EMAIL);
		WebClient onA = new WebClient(this.portA);
		onA.get("/connexion");
		WebClient.Page home = onA.post("/connexion", "email", TwoInstances.ADMIN_EMAIL, "motDePasse",
				TwoInstances.ADMIN_PASSWORD);
		assertThat(home.uri()).isEqualTo("/moderation");
		assertThat(sessionsOf(TwoInstances.ADMIN_EMAIL)).as("the session is in the database")
			.isEqualTo(sessionsBefore + 1);

		// the same browser, its next request answered by the other instance
		WebClient onB = new WebClient(this.portB);
		copyCookies(onA, onB, this.portB);
		WebClient.Page accounts = onB.get("/moderation/administration/comptes");
		assertThat(accounts.status()).isEqualTo(200);
		assertThat(accounts.uri()).isEqualTo("/moderation/administration/comptes");
		assertThat(accounts.body()).contains(TwoInstances.ADMIN_EMAIL);

		// signed out on B: A does not know the session any more
		assertThat(onB.get("/moderation").status()).isEqualTo(200);
		WebClient.Page out = onB.post("/deconnexion");
		assertThat(out.uri()).isEqualTo("/connexion?deconnecte");
		assertThat(onA.get("/moderation").uri()).isEqualTo("/connexion");
		assertThat(sessionsOf(TwoInstances.ADMIN_EMAIL)).isEqualTo(sessionsBefore);
	}

	private int sessionsOf(String email) {
		return jdbc(this.cluster.a()).sql("select count(*) from spring_session where principal_name = ?")
			.param(email)
			.query(Integer.class)
			.single();
	}

	@Test
	void aRateLimitCountsTheRequestsOfBothInstances() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < TwoInstances.API_REQUESTS_PER_MINUTE + 2; i++) {
			int port = (i % 2 == 0) ? this.portA : this.portB;
			statuses
				.add(http
					.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/acteurs")).build(),
							HttpResponse.BodyHandlers.discarding())
					.statusCode());
		}
		List<Integer> expected = new ArrayList<>();
		for (int i = 0; i < TwoInstances.API_REQUESTS_PER_MINUTE; i++) {
			expected.add(200);
		}
		// one instance alone would have let each of these through: each answered four
		expected.add(429);
		expected.add(429);
		assertThat(statuses).isEqualTo(expected);
		HttpResponse<Void> refused = http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.portA + "/api/v1/acteurs")).build(),
				HttpResponse.BodyHandlers.discarding());
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Retry-After"))
			.hasValueSatisfying((seconds) -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60));

		// a minute later on the application's clock, the bucket has refilled
		TestClock.get().advance(Duration.ofMinutes(1));
		assertThat(http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.portB + "/api/v1/acteurs")).build(),
					HttpResponse.BodyHandlers.discarding())
			.statusCode()).isEqualTo(200);
	}

	@Test
	void aDomainRenamedOnOneInstanceIsNamedSoOnTheOthersPages() {
		ReferenceData onB = this.cluster.b().getBean(ReferenceData.class);
		DomainRef domain = this.cluster.a().getBean(ReferenceData.class).topLevelDomains().get(0);
		String newName = domain.name() + " (renommé en grappe)";
		// B has shown the figures with the old name: they are cached under it
		WebClient visitorOnB = new WebClient(this.portB);
		assertThat(visitorOnB.get("/chiffres").body()).contains(escaped(domain.name())).doesNotContain(newName);

		WebClient adminOnA = new WebClient(this.portA);
		adminOnA.get("/connexion");
		adminOnA.post("/connexion", "email", TwoInstances.ADMIN_EMAIL, "motDePasse", TwoInstances.ADMIN_PASSWORD);
		String path = "/moderation/administration/referentiels/domaines/" + domain.slug();
		Document page = Jsoup.parse(adminOnA.get(path).body());
		Element form = page.selectFirst("form[method=post]:has(input[name=name])");
		assertThat(form).as("the domain's form on " + path).isNotNull();
		List<String> fields = new ArrayList<>();
		for (Element input : form.select("input[name], select[name], textarea[name]")) {
			String name = input.attr("name");
			if (name.equals("_csrf")) {
				continue;
			}
			String value = switch (input.tagName()) {
				case "select" -> {
					Element selected = input.selectFirst("option[selected]");
					yield (selected != null) ? selected.attr("value") : "";
				}
				case "textarea" -> input.text();
				default -> input.attr("value");
			};
			fields.add(name);
			fields.add(name.equals("name") ? newName : value);
		}
		WebClient.Page saved = adminOnA.post(path, fields.toArray(String[]::new));
		assertThat(saved.status()).isEqualTo(200);
		assertThat(saved.body()).contains(escaped(newName));

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(onB.domain(domain.slug()))
				.hasValueSatisfying((renamed) -> assertThat(renamed.name()).isEqualTo(newName)));
		assertThat(visitorOnB.get("/chiffres").body()).contains(escaped(newName));
	}

	/**
	 * A page kept by one instance is not served past another instance's index write: the
	 * other instance's commit moves the content version, its indexing the count of index
	 * writes, once its index shows the write; the page rendered in between (the database
	 * changed, the index not yet) is not served once the count moved. Here the index is
	 * changed behind the application's back, the count left alone (the other instance's
	 * write, not counted yet), then the count moved as that instance moves it.
	 */
	@Test
	void aPageKeptBeforeAnotherInstancesIndexWriteIsNotServedAfterIt() {
		String name = "Association Pimprenelle des Dunes";
		String email = "pimprenelle@cluster.example";
		ConfigurableApplicationContext a = this.cluster.a();
		Questionnaire.sendNewActor(new WebClient(this.portA), name, email);
		long submission = jdbc(a)
			.sql("select id from submission where lower(author_email) = lower(?) and status = 'SUBMITTED'")
			.param(email)
			.query(Long.class)
			.single();
		WebClient moderator = new WebClient(this.portA);
		moderator.get("/connexion");
		moderator.post("/connexion", "email", TwoInstances.ADMIN_EMAIL, "motDePasse", TwoInstances.ADMIN_PASSWORD);
		long actor = Questionnaire.approve(moderator, jdbc(a), submission);
		WebClient visitor = new WebClient(this.portA);
		assertThat(listed(visitor, "/acteurs?q=pimprenelle")).containsExactly(name);

		try {
			// the index changes, the count does not: the page kept is served again
			index(a, actor, false);
			assertThat(listed(visitor, "/acteurs?q=pimprenelle")).as("kept").containsExactly(name);

			// counted, as the instance that wrote counts once its index shows the write
			jdbc(a).sql("update search_index_writes set count = count + 1").update();
			assertThat(listed(visitor, "/acteurs?q=pimprenelle")).as("not served past the count").isEmpty();
		}
		finally {
			index(a, actor, true);
		}
	}

	/**
	 * Adds or removes an actor's document in the instance's index, without counting it.
	 */
	private static void index(ConfigurableApplicationContext instance, long actor, boolean present) {
		try (EntityManager entityManager = instance.getBean(EntityManagerFactory.class).createEntityManager()) {
			SearchSession session = Search.session(entityManager);
			session.indexingPlanSynchronizationStrategy(IndexingPlanSynchronizationStrategy.readSync());
			entityManager.getTransaction().begin();
			if (present) {
				session.indexingPlan().addOrUpdate(entityManager.find(Actor.class, actor));
			}
			else {
				session.indexingPlan().purge(Actor.class, actor, null);
			}
			entityManager.getTransaction().commit();
		}
	}

	/** The names of the actors a list shows. */
	private static List<String> listed(WebClient browser, String path) {
		WebClient.Page page = browser.get(path);
		assertThat(page.status()).isEqualTo(200);
		return Jsoup.parse(page.body()).select(".cards .card-title").eachText();
	}

	private static String escaped(String text) {
		return org.springframework.web.util.HtmlUtils.htmlEscape(text, "UTF-8").replace("&#39;", "'");
	}

	private static JdbcClient jdbc(ConfigurableApplicationContext instance) {
		return instance.getBean(JdbcClient.class);
	}

	/** The browser's cookies, sent to the other instance as to the same site. */
	private static void copyCookies(WebClient from, WebClient to, int port) {
		for (HttpCookie cookie : from.cookies().getCookieStore().getCookies()) {
			to.cookies().getCookieStore().add(URI.create("http://localhost:" + port + "/"), cookie);
		}
	}

}
