package fr.lianes.repertoire.testing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A directory started as production starts it: an empty database of its own (no demo
 * directory, no census campaign, no staff but the ones the tests add), filled only
 * through the questionnaire and the moderation, over HTTP. The test classes extending
 * this one share its application and database.
 */
@TestPropertySource(properties = { "repertoire.embedded-db.database=chaine", "repertoire.demo.load-on-empty=false",
		"spring.datasource.hikari.maximum-pool-size=" + CensusWebTest.POOL_SIZE })
public abstract class FreshDirectoryTest extends CensusWebTest {

	protected static final String MODERATOR = "moderatrice@chaine.example";

	protected static final String ADMIN = "administrateur@chaine.example";

	@LocalServerPort
	protected int port;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	/** The moderator's signed-in browser, per application (its port and start). */
	private static final java.util.Map<String, WebClient> MODERATORS = new java.util.concurrent.ConcurrentHashMap<>();

	@Autowired
	org.springframework.context.ApplicationContext application;

	protected WebClient moderator;

	@BeforeEach
	void signInModerator() {
		assertThat(this.jdbc.sql("select count(*) from census_campaign").query(Long.class).single())
			.as("a directory started as production starts it has no campaign")
			.isZero();
		staffAccount(this.jdbc, this.encoder, MODERATOR, "MODERATOR");
		staffAccount(this.jdbc, this.encoder, ADMIN, "ADMIN");
		// one sign-in per application: the sign-in throttle allows 20 per address in 15
		// minutes, and the classes sharing this application run more tests than that
		this.moderator = MODERATORS.computeIfAbsent(this.port + "@" + this.application.getStartupDate(),
				(key) -> signedIn(this.port, MODERATOR));
	}

	/** Sends the actor's questionnaire and approves it; the actor's slug. */
	protected String enter(TypedActor actor) {
		long id = Questionnaire.enter(this.port, this.jdbc, this.moderator, actor);
		return slug(id);
	}

	protected String slug(long actorId) {
		return this.jdbc.sql("select slug from actor where id = ?").param(actorId).query(String.class).single();
	}

	protected long actorId(String slug) {
		return this.jdbc.sql("select id from actor where slug = ?").param(slug).query(Long.class).single();
	}

	/** The slugs of the actors /acteurs lists for these words (and filters), in order. */
	protected List<String> actorsFound(String q, String... filters) {
		return found("/acteurs", q, filters);
	}

	/**
	 * The slugs of the projects /projets lists for these words (and filters), in order.
	 */
	protected List<String> projectsFound(String q, String... filters) {
		return found("/projets", q, filters);
	}

	private List<String> found(String list, String q, String... filters) {
		StringBuilder url = new StringBuilder(list).append("?q=").append(URLEncoder.encode(q, StandardCharsets.UTF_8));
		for (int i = 0; i < filters.length; i += 2) {
			url.append('&')
				.append(filters[i])
				.append('=')
				.append(URLEncoder.encode(filters[i + 1], StandardCharsets.UTF_8));
		}
		WebClient.Page page = new WebClient(this.port).get(url.toString());
		assertThat(page.status()).as(url.toString()).isEqualTo(200);
		return Jsoup.parse(page.body())
			.select("ul.cards > li.card > h3.card-title > a")
			.stream()
			.map((a) -> a.attr("href").substring(a.attr("href").lastIndexOf('/') + 1))
			.toList();
	}

}
