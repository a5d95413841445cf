package fr.lianes.repertoire.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.awaitility.Awaitility.await;

/**
 * The questionnaire served on a real port, its mails sent to a real SMTP server
 * (GreenMail, one for the whole test run so that the test classes share one application).
 * Robot checks are relaxed to what a test client does: it answers in milliseconds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "repertoire.census.minimum-fill-time=0s", "repertoire.census.minimum-start-time=0s",
				"repertoire.census.starts-per-hour=100000", "repertoire.census.submissions-per-hour=100000",
				"repertoire.census.link-requests-per-hour=100000", "repertoire.census.links-per-hour=100000",
				"repertoire.mail.poll-interval=200ms" })
public abstract class CensusWebTest {

	/**
	 * Connections per application: the test JVM keeps many applications open on one
	 * PostgreSQL server, whose connections are counted.
	 */
	public static final String POOL_SIZE = "5";

	protected static final GreenMail SMTP = startSmtp();

	private static final Pattern LINK = Pattern
		.compile("https?://[^\\s\"<>]+/recensement/lien\\?jeton=[A-Za-z0-9_-]{43}");

	@DynamicPropertySource
	static void smtpServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
		registry.add("repertoire.census.base-url", () -> "http://localhost:8080");
	}

	protected static final String STAFF_PASSWORD = "un mot de passe de test assez long";

	/**
	 * A staff account of this role (created once), its password {@link #STAFF_PASSWORD}.
	 */
	protected static void staffAccount(org.springframework.jdbc.core.simple.JdbcClient jdbc,
			org.springframework.security.crypto.password.PasswordEncoder encoder, String email, String role) {
		jdbc.sql("""
				insert into staff_user (email, display_name, password_hash, role) values (?, ?, ?, ?)
				on conflict ((lower(email))) do nothing""")
			.params(email, email.substring(0, email.indexOf('@')), encoder.encode(STAFF_PASSWORD), role)
			.update();
	}

	/** A browser signed in as this staff member. */
	protected static WebClient signedIn(int port, String email) {
		WebClient staff = new WebClient(port);
		staff.get("/connexion");
		WebClient.Page home = staff.post("/connexion", "email", email, "motDePasse", STAFF_PASSWORD);
		if (!home.uri().equals("/moderation")) {
			throw new AssertionError("sign-in failed for " + email + ": " + home.uri());
		}
		return staff;
	}

	/**
	 * The last mail to this address whose subject contains these words, waiting for it.
	 */
	protected static MimeMessage mailTo(String address, String subjectPart) {
		return await().atMost(Duration.ofSeconds(20))
			.until(() -> Arrays.stream(SMTP.getReceivedMessages())
				.filter((m) -> recipient(m).equalsIgnoreCase(address) && subject(m).contains(subjectPart))
				.reduce((first, second) -> second)
				.orElse(null), (m) -> m != null);
	}

	/** The one-time link of a mail, as a path of this site. */
	protected static String linkIn(MimeMessage message) {
		Matcher matcher = LINK.matcher(GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "="));
		if (!matcher.find()) {
			throw new AssertionError("no link in " + subject(message));
		}
		String url = matcher.group();
		return url.substring(url.indexOf("/recensement"));
	}

	protected static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String recipient(MimeMessage message) {
		try {
			return message.getAllRecipients()[0].toString();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static GreenMail startSmtp() {
		try (ServerSocket socket = new ServerSocket(0)) {
			GreenMail smtp = new GreenMail(new ServerSetup(socket.getLocalPort(), "127.0.0.1", "smtp"));
			socket.close();
			smtp.start();
			return smtp;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
