package fr.lianes.repertoire.campaign;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.text.MessageFormat;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import javax.sql.DataSource;

import fr.lianes.repertoire.time.TestClock;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import fr.lianes.repertoire.mail.MailOptOuts;
import fr.lianes.repertoire.mail.MailOutbox;
import fr.lianes.repertoire.mail.MailStatus;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * A census campaign of the whole directory against a real SMTP server (GreenMail): every
 * eligible actor gets exactly one invitation or is reported, the progress shows while it
 * runs, the public pages keep answering, reminders go to non-respondents only. The
 * context is closed afterwards: its mail dispatcher must not take other classes' mails.
 * <p>
 * The directory is the demo directory in a database of its own, four active actors in
 * five then marked ceased ({@link #aSmallerDirectory()}): about 280 active actors and the
 * demo's 362 dormant ones with an address, instead of 1,397 and 362 (1,669 mails, most of
 * this class's time). What the test proves does not depend on the size but on the
 * batches: each of its two mailings still runs over several batches (of 50 here, 6 and 8
 * of them, where the whole demo directory took 7 and 2 of production's 200), so the
 * progress is read between batches, the second mailing leaves out the actors the first
 * wrote to, and every actor is counted once across batches; the actors left are the demo
 * generator's, with its mix of own and contact persons' addresses and of addresses that
 * cannot be used. Ceased actors are never written to, which the test checks. How long a
 * campaign of the whole directory takes is measured by {@code src/bench/campaign.sh}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "repertoire.embedded-db.database=campaign_tests", "repertoire.mail.poll-interval=200ms",
				"repertoire.campaign.refresh-interval=1s", "repertoire.campaign.batch-size=" + CampaignTests.BATCH })
@AutoConfigureMockMvc
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CampaignTests {

	/** Actors a mailing deals with per transaction here. */
	static final int BATCH = 50;

	private static final int SMTP_PORT = freePort();

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"))
		.withPerMethodLifecycle(false);

	private static final String BASE = "/moderation/administration/campagnes";

	private static final Pattern PROGRESS = Pattern.compile("<progress[^>]*value=\"(\\d+)\"[^>]*max=\"(\\d+)\"");

	private static final Pattern LINK = Pattern
		.compile("https?://[^\\s\"<>]+(/recensement/lien\\?jeton=[A-Za-z0-9_-]{43})");

	@DynamicPropertySource
	static void smtpServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
	}

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private DataSource dataSource;

	@Autowired
	private MailOutbox outbox;

	@Autowired
	private MailOptOuts optOuts;

	@Autowired
	private MessageSource messages;

	@LocalServerPort
	private int port;

	private final String suffix = UUID.randomUUID().toString().substring(0, 8);

	private final String optedOut = "desinscrit-" + this.suffix + "@asso.example";

	private long optedOutActor;

	private long invalidActor;

	/**
	 * Four active actors in five ceased, the others and the dormant ones as the demo
	 * directory has them: see the class's comment.
	 */
	@BeforeAll
	void aSmallerDirectory() {
		this.jdbc.sql("update actor set status = 'CEASED' where status = 'ACTIVE' and id % 5 <> 0").update();
		twoActorsThatCannotBeInvited();
	}

	private void twoActorsThatCannotBeInvited() {
		this.optedOutActor = insertActor("Association désinscrite " + this.suffix, this.optedOut);
		this.optOuts.record(this.optedOut);
		this.invalidActor = insertActor("Association sans adresse valide " + this.suffix, "pas une adresse");
	}

	@AfterAll
	void removeWhatTheTestsAdded() {
		// a mailing still running (a failed test) would hold its rows
		await().atMost(Duration.ofSeconds(60)).until(() -> count("""
				select count(*) from campaign_mailing m join census_campaign c on c.id = m.campaign_id
				where c.name like ? and m.finished_at is null""", "%" + this.suffix) == 0);
		this.jdbc.sql("""
				delete from submission where campaign_id in (select id from census_campaign where name like ?)""")
			.param("%" + this.suffix)
			.update();
		this.jdbc.sql("delete from census_campaign where name like ?").param("%" + this.suffix).update();
		this.jdbc.sql("delete from actor where id in (?, ?)").params(this.optedOutActor, this.invalidActor).update();
		this.jdbc.sql("delete from mail_opt_out where email = ?").param(this.optedOut).update();
	}

	@Test
	void aCampaignInvitesTheWholeDirectoryOnceWhileThePublicPagesKeepAnswering() throws Exception {
		long active = eligible("'ACTIVE'");
		long activeOrDormant = eligible("'ACTIVE', 'DORMANT'");
		assertThat(active).as("active actors with an address: several batches").isGreaterThan(4 * BATCH);
		assertThat(activeOrDormant).isGreaterThan(active);
		int campaignId = openCampaign("Recensement d’essai " + this.suffix);
		String prefix = "campaign:" + campaignId + "/";

		// first the active actors, as the button does by default
		Run first = sendAndWatch(campaignId, false);
		MailStatus afterFirst = this.outbox.statusOf(prefix);
		long skipped = count("select count(*) from campaign_recipient where campaign_id = ? and outcome <> 'QUEUED'",
				campaignId);
		assertThat(afterFirst.sent() + afterFirst.failed() + skipped).as("every active actor sent or reported")
			.isEqualTo(active);
		assertThat(count("""
				select count(*) from campaign_recipient r join actor a on a.id = r.actor_id
				where r.campaign_id = ? and a.status <> 'ACTIVE'""", campaignId)).isZero();
		assertThat(outcome(campaignId, this.optedOutActor)).isEqualTo("OPTED_OUT");
		assertThat(outcome(campaignId, this.invalidActor)).isEqualTo("NO_VALID_ADDRESS");

		// then the dormant ones too: the whole directory, nobody twice
		Run second = sendAndWatch(campaignId, true);
		MailStatus all = this.outbox.statusOf(prefix);
		assertThat(count("select planned from campaign_mailing where campaign_id = ? order by id desc limit 1",
				campaignId))
			.isEqualTo(activeOrDormant - active);
		assertThat(all.sent() + all.failed() + skipped).as("every actor not ceased sent or reported")
			.isEqualTo(activeOrDormant);
		assertThat(count("""
				select count(*) from (select reference from outgoing_mail where reference like ?
				                      group by reference having count(*) > 1) as twice""", prefix + "%"))
			.as("no mail written twice")
			.isZero();
		assertThat(
				count("""
						select count(*) from (select actor_id from campaign_recipient where campaign_id = ? and outcome = 'QUEUED'
						                      group by actor_id having count(*) > 1) as twice""",
						campaignId))
			.as("no actor invited twice")
			.isZero();
		List<MimeMessage> invitations = received("Recensement « Recensement d’essai " + this.suffix);
		assertThat(invitations).hasSize((int) all.sent());
		assertThat(invitations.stream().map(CampaignTests::recipient)).doesNotContain(this.optedOut);

		for (Run run : List.of(first, second)) {
			assertThat(run.queuedWhenAnswered()).as("the request returns before any mail is written").isZero();
			assertThat(run.progressReads()).as("progress seen before the end")
				.anyMatch((read) -> read[0] > 0 && read[0] < read[1]);
			assertThat(run.publicPages()).as("/acteurs answered while sending").isNotEmpty().containsOnly(200);
		}
		assertThat(first.sawAutoRefresh()).as("the progress refreshes itself while sending").isTrue();
		// how long it all takes is measured by src/bench/campaign.sh, not here

		aLinkOpensTheActorsQuestionnaireUntilTheCampaignCloses(invitations.get(0), campaignId);
		sendingAgainInvitesNobody(campaignId, all);
		remindersGoToNonRespondentsOnly(campaignId);
		theReportNamesWhatDidNotGo(campaignId);
	}

	/**
	 * What was seen while a mailing ran: the mails already queued when the request
	 * answered, each progress bar read, the status of each /acteurs load.
	 */
	private record Run(long queuedWhenAnswered, List<long[]> progressReads, List<Integer> publicPages,
			boolean sawAutoRefresh) {

	}

	/**
	 * Sends the invitations and watches, until every mail is sent, the progress (as htmx
	 * asks for it) and /acteurs (as a visitor loads it). The request is sent while the
	 * outbox is locked against inserts: it answers before any mail is written, or it
	 * would wait here for ever.
	 */
	private Run sendAndWatch(int campaignId, boolean includeDormant) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		String prefix = "campaign:" + campaignId + "/";
		long queuedBefore = count("select count(*) from outgoing_mail where reference like ?", prefix + "%");
		MvcTestResult sent;
		long queuedWhenAnswered;
		try (Connection outboxLock = this.dataSource.getConnection();
				Statement statement = outboxLock.createStatement()) {
			outboxLock.setAutoCommit(false);
			statement.execute("lock table outgoing_mail in share mode");
			try {
				sent = this.mvc.post()
					.uri(BASE + "/" + campaignId + "/invitations")
					.param("enVeille", String.valueOf(includeDormant))
					.with(admin())
					.with(csrf())
					.exchange();
				queuedWhenAnswered = count("select count(*) from outgoing_mail where reference like ?", prefix + "%")
						- queuedBefore;
				assertThat(count("select count(*) from campaign_mailing where campaign_id = ? and finished_at is null",
						campaignId))
					.as("the mailing recorded, to run in the background")
					.isOne();
			}
			finally {
				outboxLock.rollback();
			}
		}
		assertThat(sent).hasRedirectedUrl(BASE + "/" + campaignId);
		assertThat(flash(sent)).containsEntry("campaignNotice", "campaign.notice.invitations");
		List<Integer> publicPages = new ArrayList<>();
		List<long[]> progressReads = new ArrayList<>();
		boolean[] sawAutoRefresh = { false };
		await().atMost(Duration.ofMinutes(5)).pollInSameThread().pollInterval(Duration.ofMillis(250)).until(() -> {
			publicPages.add(publicPage(http));
			String fragment = this.mvc.get()
				.uri(BASE + "/" + campaignId)
				.header("HX-Request", "true")
				.with(admin())
				.exchange()
				.getResponse()
				.getContentAsString();
			assertThat(fragment).doesNotContain("<html").contains("id=\"progression\"");
			Matcher bar = PROGRESS.matcher(fragment);
			assertThat(bar.find()).as("a progress bar").isTrue();
			progressReads.add(new long[] { Long.parseLong(bar.group(1)), Long.parseLong(bar.group(2)) });
			sawAutoRefresh[0] |= fragment.contains("hx-trigger=\"every 1s\"");
			return finished(campaignId) && this.outbox.statusOf(prefix).pending() == 0;
		});
		return new Run(queuedWhenAnswered, progressReads, publicPages, sawAutoRefresh[0]);
	}

	private long eligible(String statuses) {
		return this.jdbc
			.sql("""
					select count(*) from actor a where a.status in (%s)
					  and (nullif(btrim(a.email), '') is not null
					       or exists (select 1 from contact_person c where c.actor_id = a.id and nullif(btrim(c.email), '') is not null))"""
				.formatted(statuses))
			.query(Long.class)
			.single();
	}

	private void aLinkOpensTheActorsQuestionnaireUntilTheCampaignCloses(MimeMessage invitation, int campaignId)
			throws Exception {
		assertThat(text(invitation)).contains("c’est la campagne de recensement « Recensement d’essai " + this.suffix);
		Matcher link = LINK.matcher(text(invitation));
		assertThat(link.find()).isTrue();
		assertThat(this.mvc.get().uri(link.group(1))).hasStatusOk().bodyText().contains("Ce lien ouvre la fiche de");
		LocalDate closes = this.jdbc.sql("select closes_on from census_campaign where id = ?")
			.param(campaignId)
			.query(LocalDate.class)
			.single();
		OffsetDateTime expires = this.jdbc
			.sql("select max(expires_at) from access_link where purpose = 'UPDATE_ENTRY' and email = ?")
			.param(recipient(invitation))
			.query(OffsetDateTime.class)
			.single();
		assertThat(expires.toInstant())
			.isEqualTo(closes.plusDays(1).atStartOfDay(ZoneId.of("Europe/Paris")).toInstant());
	}

	private void sendingAgainInvitesNobody(int campaignId, MailStatus before) {
		MvcTestResult again = this.mvc.post()
			.uri(BASE + "/" + campaignId + "/invitations")
			.with(admin())
			.with(csrf())
			.exchange();
		assertThat(flash(again)).containsEntry("campaignNotice", "campaign.notice.nobody-to-invite");
		assertThat(count("select count(*) from campaign_mailing where campaign_id = ?", campaignId)).isEqualTo(2);
		assertThat(this.outbox.statusOf("campaign:" + campaignId + "/").total()).isEqualTo(before.total());
	}

	private void remindersGoToNonRespondentsOnly(int campaignId) throws Exception {
		List<Long> invited = this.jdbc
			.sql("""
					select actor_id from campaign_recipient where campaign_id = ? and outcome = 'QUEUED' order by actor_id""")
			.param(campaignId)
			.query(Long.class)
			.list();
		List<Long> silent = invited.subList(0, 5);
		// everyone else answers: the questionnaire each sends counts for the campaign
		this.jdbc.sql("""
				insert into submission (status, campaign_id, actor_id, author_email, content, submitted_at)
				select 'SUBMITTED', r.campaign_id, r.actor_id, r.email, '{}'::jsonb, ?
				from campaign_recipient r
				where r.campaign_id = ? and r.outcome = 'QUEUED' and r.actor_id <> all(?)""")
			.params(OffsetDateTime.now(TestClock.get()), campaignId, silent.toArray(Long[]::new))
			.update();
		MvcTestResult reminded = this.mvc.post()
			.uri(BASE + "/" + campaignId + "/relances")
			.with(admin())
			.with(csrf())
			.exchange();
		assertThat(flash(reminded)).containsEntry("campaignNotice", "campaign.notice.reminders")
			.containsEntry("campaignNoticeArg", 5L);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> finished(campaignId) && this.outbox.statusOf("campaign:" + campaignId + "/").pending() == 0);
		List<Long> remindedActors = this.jdbc.sql("""
				select r.actor_id from campaign_recipient r join campaign_mailing m on m.id = r.mailing_id
				where m.campaign_id = ? and m.kind = 'REMINDER' and r.outcome = 'QUEUED'""")
			.param(campaignId)
			.query(Long.class)
			.list();
		assertThat(remindedActors).containsExactlyInAnyOrderElementsOf(silent);
		Set<String> silentAddresses = this.jdbc
			.sql("""
					select email from campaign_recipient where campaign_id = ? and kind = 'INVITATION' and actor_id = any(?)""")
			.params(campaignId, silent.toArray(Long[]::new))
			.query(String.class)
			.set();
		List<MimeMessage> reminders = received("Rappel – recensement « Recensement d’essai " + this.suffix);
		assertThat(reminders).hasSize(5);
		assertThat(reminders.stream().map(CampaignTests::recipient).collect(Collectors.toSet()))
			.isEqualTo(silentAddresses);
		assertThat(text(reminders.get(0))).contains("n’avons pas encore reçu la réponse de");

		String list = this.mvc.get().uri(BASE).with(admin()).exchange().getResponse().getContentAsString();
		String rate = this.messages.getMessage("campaign.rate",
				new Object[] { (double) (invited.size() - 5) / invited.size() }, Locale.FRENCH);
		assertThat(list).contains("Recensement d’essai " + this.suffix, rate);
	}

	private void theReportNamesWhatDidNotGo(int campaignId) throws Exception {
		// the SMTP server accepted everything: one refusal is written as the dispatcher
		// would after its last attempt
		String address = this.jdbc.sql("""
				update outgoing_mail set sent_at = null, failed_at = ?, attempts = 6,
				       last_error = 'SMTPAddressFailedException: 550 5.1.1 Boîte inconnue'
				where id = (select min(id) from outgoing_mail where reference like ?) returning recipient""")
			.params(OffsetDateTime.now(TestClock.get()), "campaign:" + campaignId + "/%")
			.query(String.class)
			.single();
		String page = this.mvc.get()
			.uri(BASE + "/" + campaignId)
			.with(admin())
			.exchange()
			.getResponse()
			.getContentAsString();
		assertThat(page)
			.contains("Un message en échec", address, "550 5.1.1 Boîte inconnue", "Abandonné après 6 essais")
			.contains("Association désinscrite " + this.suffix, "Adresse désinscrite des envois du réseau")
			.contains("Association sans adresse valide " + this.suffix, "Aucune adresse utilisable")
			.contains("Actualiser")
			.doesNotContain("hx-trigger");
	}

	@Test
	void theFormSaysInFrenchWhatIsWrongNextToEachField() {
		MvcTestResult page = this.mvc.post()
			.uri(BASE)
			.param("name", " ")
			.param("opensOn", "2026-02-30")
			.param("closesOn", "01/01/2020")
			.param("asOf", "")
			.with(admin())
			.with(csrf())
			.exchange();
		assertThat(page).hasStatusOk();
		assertThat(page).bodyText()
			.contains("4 erreurs empêchent d’ouvrir la campagne")
			.contains("id=\"name-erreur\"", "Indiquez le nom de la campagne.")
			.contains("id=\"opensOn-erreur\"", "Cette date n’existe pas")
			.contains("id=\"closesOn-erreur\"", "Cette date est déjà passée")
			.contains("id=\"asOf-erreur\"", "Indiquez une date.")
			.contains("aria-invalid=\"true\"");
		LocalDate today = LocalDate.now(TestClock.get());
		assertThat(this.mvc.post()
			.uri(BASE)
			.param("name", "Recensement 2026")
			.param("opensOn", today.plusDays(5).toString())
			.param("closesOn", today.plusDays(2).toString())
			.param("asOf", today.toString())
			.with(admin())
			.with(csrf())).bodyText()
			.contains("Une campagne porte déjà ce nom", "La date de clôture doit être le jour de l’ouverture ou après");
		assertThat(this.mvc.post()
			.uri(BASE)
			.param("name", "Recensement ancien " + this.suffix)
			.param("opensOn", "2026-01-15")
			.param("closesOn", today.plusDays(3).toString())
			.param("asOf", today.toString())
			.with(admin())
			.with(csrf())).bodyText()
			.contains("Une campagne a ouvert le ", "la nouvelle doit ouvrir ce jour-là ou après");
		assertThat(count("select count(*) from census_campaign where name = ?", "Recensement ancien " + this.suffix))
			.as("no campaign opened by a wrong form")
			.isZero();
	}

	@Test
	void aClosedCampaignSendsNothing() {
		int demo = this.jdbc.sql("select id from census_campaign where name = 'Recensement 2026'")
			.query(Integer.class)
			.single();
		MvcTestResult sent = this.mvc.post()
			.uri(BASE + "/" + demo + "/invitations")
			.with(admin())
			.with(csrf())
			.exchange();
		assertThat(flash(sent)).containsEntry("campaignNotice", "campaign.notice.not-open");
		assertThat(count("select count(*) from campaign_mailing where campaign_id = ?", demo)).isZero();
		long withoutAddress = count("""
				select count(*) from actor a
				where a.status = 'ACTIVE' and nullif(btrim(a.email), '') is null
				  and not exists (select 1 from contact_person c where c.actor_id = a.id
				                  and nullif(btrim(c.email), '') is not null)""");
		assertThat(this.mvc.get().uri(BASE + "/" + demo).with(admin())).hasStatusOk()
			.bodyText()
			.contains("Aucun envoi pour le moment", "ne partent que pendant la campagne en cours")
			.contains("Acteurs actifs sans aucune adresse e-mail (jamais invités)</dt><dd>"
					+ new MessageFormat("{0,number,integer}", Locale.FRENCH).format(new Object[] { withoutAddress })
					+ "</dd>");
		assertThat(this.mvc.get().uri(BASE + "/999999").with(admin())).hasStatus(404);
	}

	@Test
	void moderatorsAreRefused() {
		assertThat(this.mvc.get().uri(BASE).with(user("m@lianes.example").roles("MODERATOR"))).hasStatus(403);
		assertThat(this.mvc.get().uri(BASE + "/nouvelle").with(user("m@lianes.example").roles("MODERATOR")))
			.hasStatus(403);
		assertThat(this.mvc.post()
			.uri(BASE + "/1/invitations")
			.with(user("m@lianes.example").roles("MODERATOR"))
			.with(csrf())).hasStatus(403);
		assertThat(this.mvc.post().uri(BASE + "/1/invitations").with(admin())).as("without the form's token")
			.hasStatus(403);
	}

	private int openCampaign(String name) {
		LocalDate today = LocalDate.now(TestClock.get());
		MvcTestResult created = this.mvc.post()
			.uri(BASE)
			.param("name", name)
			.param("opensOn", today.toString())
			.param("closesOn", today.plusDays(30).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")))
			.param("asOf", today.toString())
			.with(admin())
			.with(csrf())
			.exchange();
		assertThat(created).hasStatus3xxRedirection();
		String location = created.getResponse().getRedirectedUrl();
		assertThat(location).startsWith(BASE + "/");
		return Integer.parseInt(location.substring(location.lastIndexOf('/') + 1));
	}

	/** Loads /acteurs over HTTP, as a visitor would: its status. */
	private int publicPage(HttpClient http) throws IOException, InterruptedException {
		HttpResponse<String> response = http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/acteurs?page=2")).build(),
				HttpResponse.BodyHandlers.ofString());
		return response.statusCode();
	}

	private boolean finished(int campaignId) {
		return count("select count(*) from campaign_mailing where campaign_id = ? and finished_at is null",
				campaignId) == 0;
	}

	private String outcome(int campaignId, long actorId) {
		return this.jdbc.sql("select outcome from campaign_recipient where campaign_id = ? and actor_id = ?")
			.params(campaignId, actorId)
			.query(String.class)
			.single();
	}

	private long count(String sql, Object... params) {
		return this.jdbc.sql(sql).params(params).query(Long.class).single();
	}

	private long insertActor(String name, String email) {
		return this.jdbc.sql("""
				insert into actor (slug, name, actor_type_code, commune_insee, email, status)
				select ?, ?, actor_type_code, commune_insee, ?, 'ACTIVE' from actor order by id limit 1
				returning id""").params("test-campagne-" + UUID.randomUUID(), name, email).query(Long.class).single();
	}

	private static List<MimeMessage> received(String subjectStart) {
		return Arrays.stream(smtp.getReceivedMessages()).filter((m) -> subject(m).startsWith(subjectStart)).toList();
	}

	private static java.util.Map<String, Object> flash(MvcTestResult result) {
		return result.getMvcResult().getFlashMap();
	}

	/** The plain-text part of a mail, decoded. */
	private static String text(MimeMessage message) {
		try {
			return (String) ((MimeMultipart) message.getContent()).getBodyPart(0).getContent();
		}
		catch (IOException | MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor admin() {
		return user("admin@lianes.example").roles("ADMIN");
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String recipient(MimeMessage message) {
		try {
			return message.getAllRecipients()[0].toString();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
