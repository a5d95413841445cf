package fr.lianes.repertoire.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import fr.lianes.repertoire.time.TestClock;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * Mails go through a real SMTP server (GreenMail) after their transaction commits, are
 * retried while it is down, leave once and leave no secret behind. Retries are short
 * here: a second, then given up after three attempts. The mail module alone
 * ({@link MailModuleTest}), not the whole application.
 */
@MailModuleTest
@TestPropertySource(properties = { "repertoire.mail.retry-delays=1s,1s", "repertoire.mail.poll-interval=200ms",
		"repertoire.mail.from=Répertoire <repertoire@lianes.example>" })
@DirtiesContext
class MailDeliveryTests {

	private static final int SMTP_PORT = freePort();

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"))
		.withPerMethodLifecycle(false);

	@DynamicPropertySource
	static void smtpServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
	}

	@Autowired
	private MailOutbox outbox;

	@Autowired
	private MailOptOuts optOuts;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private PlatformTransactionManager transactionManager;

	@Autowired
	private MailSettings settings;

	@Autowired
	private ApplicationContext context;

	@AfterEach
	void restartTheServer() {
		if (!smtp.isRunning()) {
			smtp.start();
		}
	}

	@Test
	void sendsACommittedMailAsTextAndHtmlWithItsFrenchSubjectAndUnsubscribeLink() throws Exception {
		String recipient = recipient();
		long id = inTransaction(() -> this.outbox.enqueue("census-confirmation", recipient, confirmation(),
				MailPurposes.CENSUS_CONFIRMATION, "submission:42"));

		MimeMessage message = awaitOneMessageTo(recipient);

		assertThat(message.getSubject()).isEqualTo("Votre réponse au recensement a bien été reçue");
		assertThat(message.getFrom()).extracting(Address::toString)
			.containsExactly("=?UTF-8?Q?R=C3=A9pertoire?= <repertoire@lianes.example>");
		assertThat(message.getHeader("Auto-Submitted")).containsExactly("auto-generated");
		assertThat(message.getContentType()).startsWith("multipart/alternative");
		MimeMultipart parts = (MimeMultipart) message.getContent();
		assertThat(parts.getCount()).isEqualTo(2);
		assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain").contains("UTF-8");
		assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html").contains("UTF-8");
		assertThat((String) parts.getBodyPart(0).getContent()).contains("- Projet : Une école à Tanguiéta (Bénin)")
			.contains("https://repertoire.example/desinscription/jeton-secret");
		assertThat((String) parts.getBodyPart(1).getContent())
			.contains("<li>Projet : Une école à Tanguiéta (Bénin)</li>")
			.contains("href=\"https://repertoire.example/desinscription/jeton-secret\"");
		await().untilAsserted(() -> assertThat(row(id)).containsEntry("attempts", 1)
			.containsEntry("text_body", null)
			.containsEntry("html_body", null)
			.containsEntry("last_error", null));
		assertThat(row(id).get("sent_at")).isNotNull();
	}

	@Test
	void stampsItsMailsAndGivesThemUpByTheApplicationsClock() throws Exception {
		Instant at = Instant.parse("2030-12-31T23:30:00Z");
		TestClock.get().setTo(at);
		try {
			String recipient = recipient();
			long id = inTransaction(() -> this.outbox.enqueue("census-confirmation", recipient, confirmation(),
					MailPurposes.CENSUS_CONFIRMATION, "submission:43"));
			assertThat(awaitOneMessageTo(recipient).getSentDate().toInstant()).isBetween(at.minusSeconds(1),
					at.plusSeconds(300));
			await().untilAsserted(() -> assertThat(row(id).get("sent_at")).isNotNull());
			assertThat(stamp("created_at", id)).as("queued by the clock").isBetween(at, at.plusSeconds(300));
			assertThat(stamp("sent_at", id)).as("sent by the clock").isBetween(at, at.plusSeconds(300));

			// queued by the clock two days and a minute ago, its next attempt still to
			// come:
			// past the maximum age by the clock, though not by the database's
			OffsetDateTime now = OffsetDateTime.now(TestClock.get());
			long old = this.jdbc.sql("""
					insert into outgoing_mail (recipient, subject, text_body, html_body, purpose, reference, created_at,
					                           next_attempt_at)
					values ('x@asso.example', 'Sujet', 'texte', 'html', 'CAMPAIGN_INVITATION', 'old:1', :queued, :next)
					returning id""")
				.param("queued", now.minus(this.settings.maxAge()).minusMinutes(1))
				.param("next", now.plusHours(1))
				.query(Long.class)
				.single();
			await().untilAsserted(() -> assertThat(row(old).get("failed_at")).isNotNull());
			assertThat(row(old)).containsEntry("last_error", "Not sent within " + this.settings.maxAge())
				.containsEntry("text_body", null);
			assertThat(stamp("failed_at", old)).as("given up by the clock").isBetween(at, at.plusSeconds(300));
		}
		finally {
			TestClock.get().reset();
		}
	}

	private Instant stamp(String column, long id) {
		return this.jdbc.sql("select " + column + " from outgoing_mail where id = ?")
			.param(id)
			.query(OffsetDateTime.class)
			.single()
			.toInstant();
	}

	@Test
	void sendsNothingWhenTheTransactionRollsBack() {
		String recipient = recipient();
		new TransactionTemplate(this.transactionManager).executeWithoutResult((status) -> {
			this.outbox.enqueue("census-confirmation", recipient, confirmation(), MailPurposes.CENSUS_CONFIRMATION,
					null);
			status.setRollbackOnly();
		});

		dispatcher(this.settings).sendDue();

		assertThat(this.jdbc.sql("select count(*) from outgoing_mail where recipient = :r")
			.param("r", recipient)
			.query(Integer.class)
			.single()).isZero();
		assertThat(smtp.getReceivedMessagesForDomain(recipient)).isEmpty();
	}

	@Test
	void refusesRecipientsThatWouldAddHeadersOrRecipients() {
		for (String recipient : List.of("camille@asso.example\r\nBcc: victime@ailleurs.example",
				"camille@asso.example\nSubject: autre", "camille@asso.example, victime@ailleurs.example",
				"Camille <camille@asso.example>")) {
			assertThatIllegalArgumentException().isThrownBy(() -> this.outbox.enqueue("census-confirmation", recipient,
					confirmation(), MailPurposes.CENSUS_CONFIRMATION, null));
		}
		assertThat(this.jdbc.sql("select count(*) from outgoing_mail where recipient like '%victime%'")
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void retriesWhileTheServerIsDownThenSends() {
		smtp.stop();
		String recipient = recipient();
		long id = inTransaction(() -> this.outbox.enqueue("census-resume-link", recipient, link(),
				MailPurposes.CENSUS_RESUME_LINK, null));

		await().until(() -> (int) row(id).get("attempts") == 1);
		assertThat(row(id)).containsEntry("sent_at", null).containsEntry("failed_at", null);
		assertThat((String) row(id).get("last_error")).contains("Connect");
		assertThat(row(id).get("text_body")).isNotNull();
		smtp.start();

		MimeMessage message = awaitOneMessageTo(recipient);
		assertThat(GreenMailUtil.getBody(message)).contains("https://repertoire.example/recensement/reprendre");
		await().until(() -> row(id).get("sent_at") != null);
		assertThat(row(id)).containsEntry("attempts", 2).containsEntry("html_body", null);
	}

	@Test
	void givesUpAfterTheLastAttempt() {
		smtp.stop();
		long id = inTransaction(() -> this.outbox.enqueue("census-update-link", recipient(), link(),
				MailPurposes.CENSUS_UPDATE_LINK, null));

		await().atMost(Duration.ofSeconds(15)).until(() -> row(id).get("failed_at") != null);

		assertThat(row(id)).containsEntry("attempts", 3)
			.containsEntry("sent_at", null)
			.containsEntry("text_body", null)
			.containsEntry("html_body", null);
		assertThat((String) row(id).get("last_error")).isNotBlank();
	}

	@Test
	void sendsEachMailOnceWhenDispatchersRace() throws Exception {
		String batch = UUID.randomUUID().toString().substring(0, 8);
		List<String> recipients = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			recipients.add("race-" + batch + "-" + i + "@asso.example");
		}
		MailSettings smallBatches = new MailSettings(this.settings.from(), this.settings.pollInterval(), 3,
				this.settings.retryDelays(), this.settings.maxAge(), this.settings.timeZone());
		MailDispatcher first = dispatcher(smallBatches);
		MailDispatcher second = dispatcher(smallBatches);
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		Future<Integer> one = threads.submit(() -> awaitThen(start, first::sendDue));
		Future<Integer> two = threads.submit(() -> awaitThen(start, second::sendDue));

		// the application's own dispatcher starts on commit: three of them race
		inTransaction(() -> {
			recipients.forEach((r) -> this.outbox.enqueue("census-confirmation", r, confirmation(),
					MailPurposes.CAMPAIGN_INVITATION, "race:" + batch));
			return null;
		});
		start.countDown();
		one.get();
		two.get();
		threads.shutdown();

		await().until(() -> this.outbox.statusOf("race:" + batch).sent() == 40);
		List<String> received = Arrays.stream(smtp.getReceivedMessages())
			.flatMap((m) -> recipientsOf(m).stream())
			.filter((r) -> r.startsWith("race-" + batch))
			.toList();
		assertThat(received).containsExactlyInAnyOrderElementsOf(recipients);
	}

	@Test
	void countsTheMailsOfAGroupByReferencePrefix() {
		String campaign = "campaign:" + UUID.randomUUID().toString().substring(0, 8);
		insert(campaign + "/actor:1", "sent_at", Duration.ZERO);
		insert(campaign + "/actor:2", "sent_at", Duration.ZERO);
		insert(campaign + "/actor:3", "failed_at", Duration.ZERO);
		insert(campaign + "/actor:4", "next_attempt_at", Duration.ofHours(1));
		insert(campaign + "1/actor:5", "sent_at", Duration.ZERO);

		assertThat(this.outbox.statusOf(campaign + "/")).isEqualTo(new MailStatus(2, 1, 1));
		assertThat(this.outbox.statusOf(campaign + "/").total()).isEqualTo(4);
		assertThat(this.outbox.statusOf(campaign.replace(':', '_') + "/").total()).isZero();
	}

	@Test
	void remembersAddressesThatOptedOutWhateverTheirCase() {
		String address = "Opt-Out-" + UUID.randomUUID().toString().substring(0, 8) + "@Asso.example";
		assertThat(this.optOuts.isOptedOut(address)).isFalse();

		this.optOuts.record(address);
		this.optOuts.record(address.toLowerCase());

		assertThat(this.optOuts.isOptedOut(address.toUpperCase())).isTrue();
		assertThat(this.optOuts.isOptedOut("pas une adresse")).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> this.optOuts.record("a@b.example\r\nBcc: c@d.example"));
	}

	private MailDispatcher dispatcher(MailSettings settings) {
		return new MailDispatcher(this.jdbc, this.transactionManager,
				this.context.getBeanProvider(JavaMailSender.class), settings,
				this.context.getBean(java.time.Clock.class));
	}

	/**
	 * A mail queued now by the application's clock, in the given state: {@code sent_at},
	 * {@code failed_at} or {@code next_attempt_at} set to the clock's time plus
	 * {@code later}; its next attempt is now unless that column is the one set.
	 */
	private void insert(String reference, String column, Duration later) {
		String columns = "next_attempt_at".equals(column) ? column : column + ", next_attempt_at";
		String values = "next_attempt_at".equals(column) ? ":at" : ":at, :now";
		OffsetDateTime now = OffsetDateTime.now(TestClock.get());
		this.jdbc
			.sql("insert into outgoing_mail (recipient, subject, text_body, html_body, purpose, reference, "
					+ "created_at, " + columns + ") values ('x@asso.example', 'Sujet', 'texte', 'html', "
					+ "'CAMPAIGN_INVITATION', :reference, :now, " + values + ")")
			.param("reference", reference)
			.param("now", now)
			.param("at", now.plus(later))
			.update();
	}

	private <T> T inTransaction(Supplier<T> work) {
		return new TransactionTemplate(this.transactionManager).execute((status) -> work.get());
	}

	private Map<String, Object> row(long id) {
		return this.jdbc.sql("""
				select attempts, sent_at, failed_at, last_error, text_body, html_body
				from outgoing_mail where id = :id""").param("id", id).query().singleRow();
	}

	private static MimeMessage awaitOneMessageTo(String recipient) {
		await().until(() -> smtp.getReceivedMessagesForDomain(recipient).length > 0);
		MimeMessage[] messages = smtp.getReceivedMessagesForDomain(recipient);
		assertThat(messages).hasSize(1);
		return messages[0];
	}

	private static List<String> recipientsOf(MimeMessage message) {
		try {
			return Arrays.stream(message.getAllRecipients()).map(Address::toString).toList();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static <T> T awaitThen(CountDownLatch latch, Supplier<T> work) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return work.get();
	}

	private static String recipient() {
		return "camille-" + UUID.randomUUID().toString().substring(0, 8) + "@asso.example";
	}

	private static Map<String, Object> confirmation() {
		Map<String, Object> model = new HashMap<>();
		model.put("actorName", "Amitié Lille-Tanguiéta");
		model.put("campaignName", null);
		model.put("summary",
				List.of("La structure : Amitié Lille-Tanguiéta", "Projet : Une école à Tanguiéta (Bénin)"));
		model.put("resumeUrl", null);
		model.put("unsubscribeUrl", "https://repertoire.example/desinscription/jeton-secret");
		return model;
	}

	private static Map<String, Object> link() {
		Map<String, Object> model = new HashMap<>();
		model.put("actorName", "Amitié Lille-Tanguiéta");
		model.put("linkUrl", "https://repertoire.example/recensement/reprendre?jeton=secret");
		model.put("expiresAt", OffsetDateTime.now(ZoneId.of("Europe/Paris")).plusHours(24));
		model.put("unsubscribeUrl", "https://repertoire.example/desinscription/jeton-secret");
		return model;
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
