package fr.lianes.repertoire.census;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.lianes.repertoire.testing.CensusWebTest;
import fr.lianes.repertoire.testing.Questionnaire;
import fr.lianes.repertoire.testing.WebClient;
import fr.lianes.repertoire.time.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The questionnaire's date decisions follow the application's clock in Paris, not the
 * server's zone nor the database's: around midnight in Paris (23:30 UTC is already the
 * next day there, 22:30 UTC not yet), on New Year's Eve, a link lasts until midnight in
 * Paris and the founding year may be the year that has just begun there; a response sent
 * and decided then is dated 1 January wherever it is shown, and its stamps are the
 * clock's, not the database's.
 */
class CensusClockTests extends CensusWebTest {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	@LocalServerPort
	private int port;

	@Autowired
	private AccessLinks links;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private PasswordEncoder encoder;

	private final TestClock clock = TestClock.get();

	@AfterEach
	void backToNow() {
		this.clock.reset();
	}

	@Test
	void aLinkForTheLastDayOfTheYearLastsUntilMidnightInParis() {
		long actorId = this.jdbc.sql("select id from actor where published order by id limit 1")
			.query(Long.class)
			.single();
		Instant midnightInParis = LocalDate.of(2031, 1, 1).atStartOfDay(PARIS).toInstant();
		assertThat(midnightInParis).isEqualTo(Instant.parse("2030-12-31T23:00:00Z"));
		this.clock.setTo(Instant.parse("2030-12-01T10:00:00Z"));
		AccessLinks.Issued link = this.links.issueUntil(AccessLinks.Purpose.UPDATE_ENTRY, "minuit@asso.example", null,
				actorId, midnightInParis.atOffset(ZoneOffset.UTC));
		WebClient browser = new WebClient(this.port);

		this.clock.setTo(Instant.parse("2030-12-31T22:30:00Z"));
		WebClient.Page stillValid = browser.get("/recensement/lien?jeton=" + link.token());
		assertThat(stillValid.status()).as("23:30 on 31 December in Paris").isEqualTo(200);
		assertThat(stillValid.body()).contains("Continuer")
			.as("the end of its validity, written in Paris")
			.contains("reste valable jusqu’au 1er janvier 2031 à 00:00");

		this.clock.setTo(Instant.parse("2030-12-31T23:30:00Z"));
		WebClient.Page expired = browser.get("/recensement/lien?jeton=" + link.token());
		assertThat(expired.status()).as("00:30 on 1 January in Paris, still 31 December in UTC").isEqualTo(410);
		assertThat(expired.body()).contains("n’est plus valable");
		assertThat(this.links.consume(link.token())).isEmpty();
	}

	@Test
	void aLinkValidForADayIsValidFromItsIssueByTheClock() {
		long actorId = this.jdbc.sql("select id from actor where published order by id limit 1")
			.query(Long.class)
			.single();
		this.clock.setTo(Instant.parse("2031-03-29T23:30:00Z"));
		AccessLinks.Issued link = this.links.issue(AccessLinks.Purpose.UPDATE_ENTRY, "heure-ete@asso.example", null,
				actorId, java.time.Duration.ofDays(1));
		// a day later by the clock, which has run on a little since it was set
		assertThat(link.expiresAt().toInstant()).isBetween(Instant.parse("2031-03-30T23:30:00Z"),
				Instant.parse("2031-03-30T23:31:00Z"));
		assertThat(this.links.peek(link.token())).isPresent();
		this.clock.setTo(Instant.parse("2031-03-30T23:32:00Z"));
		assertThat(this.links.peek(link.token())).isEmpty();
	}

	@Test
	void theFoundingYearMayBeTheYearJustBegunInParis() {
		this.clock.setTo(Instant.parse("2030-12-31T22:30:00Z"));
		assertThat(foundingYearError("2031")).as("23:30 on 31 December 2030 in Paris").isTrue();
		assertThat(foundingYearError("2030")).isFalse();
		this.clock.setTo(Instant.parse("2030-12-31T23:30:00Z"));
		assertThat(foundingYearError("2031")).as("00:30 on 1 January 2031 in Paris, 2030 in UTC").isFalse();
	}

	@Test
	void aResponseSentAndRefusedAt2330UtcOnNewYearsEveIsDatedTheFirstOfJanuaryInParis() {
		staffAccount(this.jdbc, this.encoder, "reveillon@lianes.example", "MODERATOR");
		Instant sentAt = Instant.parse("2030-12-31T23:30:00Z");
		this.clock.setTo(sentAt);
		WebClient.Page thanks = Questionnaire.sendNewActor(new WebClient(this.port), "Association du Réveillon",
				"reveillon@asso.example");
		assertThat(thanks.body()).as("00:30 on 1 January 2031 in Paris")
			.containsPattern("enregistrée le 1er janvier 2031 à 00:3\\d");
		long id = this.jdbc.sql("select id from submission where author_email = 'reveillon@asso.example'")
			.query(Long.class)
			.single();
		assertThat(stamp("select submitted_at from submission where id = ?", id)).as("sent by the clock")
			.isBetween(sentAt, sentAt.plusSeconds(300));
		assertThat(stamp("select min(revoked_at) from submission_draft_key where submission_id = ?", id))
			.as("the questionnaire's keys revoked by the clock")
			.isBetween(sentAt, sentAt.plusSeconds(300));

		WebClient moderator = signedIn(this.port, "reveillon@lianes.example");
		WebClient.Page review = moderator.get("/moderation/soumissions/" + id);
		Matcher version = Pattern.compile("name=\"version\" value=\"([0-9]+)\"").matcher(review.body());
		assertThat(version.find()).isTrue();
		moderator.post("/moderation/soumissions/" + id + "/refuser", "version", version.group(1), "motif",
				"Votre structure n’a pas d’action de coopération internationale.");
		assertThat(stamp("select decided_at from submission where id = ?", id)).as("decided by the clock")
			.isBetween(sentAt, sentAt.plusSeconds(300));
		assertThat(stamp("select updated_at from submission where id = ?", id)).isBetween(sentAt,
				sentAt.plusSeconds(300));
		WebClient.Page decided = moderator.get("/moderation/soumissions/" + id);
		assertThat(decided.body()).as("received and decided on 1 January in Paris")
			.containsPattern("1er janvier 2031 à 00:3\\d</dd>")
			.containsPattern("par reveillon@lianes.example, le 1er janvier 2031 à 00:3\\d");
	}

	private Instant stamp(String sql, long id) {
		return this.jdbc.sql(sql).param(id).query(OffsetDateTime.class).single().toInstant();
	}

	/** Whether the structure step refuses this founding year, next to its field. */
	private boolean foundingYearError(String year) {
		WebClient browser = new WebClient(this.port);
		Matcher stamp = Pattern.compile("name=\"debut\" value=\"([^\"]+)\"")
			.matcher(browser.get("/recensement").body());
		assertThat(stamp.find()).isTrue();
		browser.post("/recensement/commencer", "email", "annee@asso.example", "debut", stamp.group(1));
		List<String> fields = new ArrayList<>(List.of(Questionnaire.structure("Association de l’an neuf")));
		fields.set(fields.indexOf("foundingYear") + 1, year);
		WebClient.Page page = browser.post("/recensement/structure", fields.toArray(String[]::new));
		assertThat(page.status()).isEqualTo(200);
		return page.body().contains("id=\"foundingYear-erreur\"");
	}

}
