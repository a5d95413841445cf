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
import fr.lianes.repertoire.time.TestClock;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.awaitility.Awaitility.await;

/**
 * The application started as production starts it: its own empty database
 * ({@code repertoire.demo.load-on-empty=false}, no demo data, no census campaign), the
 * first administrator from the settings, served on a real port, its mails sent to a real
 * SMTP server (GreenMail). Every test class extending it shares one application.
 * <p>
 * Its clock, the one of every application the tests start ({@link TestClock}), can be
 * moved forward ({@link #clock}) to pass a lock-out or a link's expiry; it is put back
 * after each test. Robot checks are relaxed to what a test client does (it answers in
 * milliseconds).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "repertoire.embedded-db.database=production", "repertoire.demo.load-on-empty=false",
				"repertoire.admin.email=" + ProductionStartTest.ADMIN_EMAIL,
				"repertoire.admin.password=" + ProductionStartTest.ADMIN_PASSWORD,
				"repertoire.admin.name=Alex Administrateur", "repertoire.census.minimum-fill-time=0s",
				"repertoire.census.minimum-start-time=0s", "repertoire.census.starts-per-hour=100000",
				"repertoire.census.submissions-per-hour=100000", "repertoire.census.link-requests-per-hour=100000",
				"repertoire.census.links-per-hour=100000", "repertoire.mail.poll-interval=200ms" })
@AutoConfigureMockMvc
public abstract class ProductionStartTest {

	public static final String ADMIN_EMAIL = "admin@lianes.example";

	public static final String ADMIN_PASSWORD = "le mot de passe de l administrateur";

	public static final GreenMail SMTP = startSmtp();

	private static final Pattern URL = Pattern.compile("https?://[^\\s\"<>]+");

	/** The applications' clock ({@link TestClock}), that a test may move forward. */
	protected final TestClock clock = TestClock.get();

	@DynamicPropertySource
	static void smtpServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
		registry.add("repertoire.census.base-url", () -> "http://localhost:8080");
	}

	@AfterEach
	void putTheClockBack() {
		this.clock.reset();
	}

	/**
	 * The last mail to this address whose subject contains these words, waiting for it.
	 */
	public static MimeMessage mailTo(String address, String subjectPart) {
		return await().atMost(Duration.ofSeconds(20))
			.until(() -> Arrays.stream(SMTP.getReceivedMessages())
				.filter((m) -> recipient(m).equalsIgnoreCase(address) && subject(m).contains(subjectPart))
				.reduce((first, second) -> second)
				.orElse(null), (m) -> m != null);
	}

	/** The mail's text, soft line breaks and quoted-printable escapes undone. */
	public static String text(MimeMessage message) {
		return GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "=");
	}

	/** The first link of a mail to a path starting with this prefix, as a path. */
	public static String linkIn(MimeMessage message, String pathPrefix) {
		Matcher matcher = URL.matcher(text(message));
		while (matcher.find()) {
			String url = matcher.group();
			int path = url.indexOf('/', url.indexOf("//") + 2);
			if (path > 0 && url.startsWith(pathPrefix, path)) {
				return url.substring(path);
			}
		}
		throw new AssertionError("no link to " + pathPrefix + " in " + subject(message));
	}

	public static String subject(MimeMessage message) {
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
