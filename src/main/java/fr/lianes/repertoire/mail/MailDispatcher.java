package fr.lianes.repertoire.mail;

import java.nio.charset.StandardCharsets;

import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the queued mails that are due, a batch per transaction and per SMTP connection.
 * The rows of a batch stay locked while they are sent and other instances skip them
 * ({@code for update skip
 * locked}), so no mail leaves twice. A mail is marked sent in the transaction that sent
 * it: only a crash between the SMTP answer and the commit can send it again.
 */
@Component
class MailDispatcher {

	private static final Logger logger = LoggerFactory.getLogger(MailDispatcher.class);

	static final int MAX_ERROR_LENGTH = 1000;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final JavaMailSender sender;

	private final MailSettings settings;

	private final InternetAddress from;

	private final Clock clock;

	MailDispatcher(JdbcClient jdbc, PlatformTransactionManager transactionManager,
			ObjectProvider<JavaMailSender> sender, MailSettings settings, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.sender = sender.getIfAvailable();
		this.settings = settings;
		this.from = sender(settings.from());
	}

	/** Whether an SMTP server is configured ({@code spring.mail.host}). */
	boolean isMailOn() {
		return this.sender != null;
	}

	JavaMailSender mailSender() {
		return this.sender;
	}

	/**
	 * Gives up the mails that waited too long, then sends those due until none is left or
	 * the server does not answer.
	 * @return how many were sent
	 */
	int sendDue() {
		giveUpOldMails();
		if (this.sender == null) {
			return 0;
		}
		int sent = 0;
		while (true) {
			Batch batch = this.transactions.execute((status) -> sendBatch());
			sent += batch.sent();
			if (batch.serverUnavailable() || batch.size() < this.settings.batchSize()) {
				return sent;
			}
		}
	}

	private void giveUpOldMails() {
		OffsetDateTime now = now();
		int expired = this.transactions.execute((status) -> this.jdbc.sql("""
				update outgoing_mail
				set failed_at = :now, text_body = null, html_body = null, attachments = null,
				    last_error = 'Not sent within ' || :maxAge
				where sent_at is null and failed_at is null and created_at < :oldest""")
			.param("now", now)
			.param("maxAge", this.settings.maxAge().toString())
			.param("oldest", now.minus(this.settings.maxAge()))
			.update());
		if (expired > 0) {
			logger.warn("Gave up {} mail(s) not sent within {}", expired, this.settings.maxAge());
		}
	}

	private Batch sendBatch() {
		List<Pending> due = this.jdbc.sql("""
				select id, recipient, subject, text_body, html_body, attempts, attachments::text as attachments
				from outgoing_mail
				where sent_at is null and failed_at is null and next_attempt_at <= :now
				order by next_attempt_at, id
				limit :limit
				for update skip locked""")
			.param("now", now())
			.param("limit", this.settings.batchSize())
			.query(Pending.class)
			.list();
		Map<MimeMessage, Pending> messages = new LinkedHashMap<>();
		for (Pending mail : due) {
			try {
				messages.put(message(mail), mail);
			}
			catch (RuntimeException | MessagingException ex) {
				markFailed(mail, ex);
			}
		}
		Map<Object, Exception> failures = send(messages.keySet());
		int sent = 0;
		boolean unavailable = false;
		for (Map.Entry<MimeMessage, Pending> entry : messages.entrySet()) {
			Exception failure = failures.get(entry.getKey());
			if (failure == null) {
				markSent(entry.getValue());
				sent++;
			}
			else if (!unavailable) {
				markFailed(entry.getValue(), failure);
				// once the server is unavailable, the mails that failed after it wait for
				// the next run without losing an attempt
				unavailable = serverUnavailable(failure);
			}
		}
		return new Batch(due.size(), sent, unavailable);
	}

	/**
	 * Sends the batch over one connection (reopened if it drops): a campaign's thousands
	 * of mails do not open a connection each.
	 * @return the failures, by message; none when every message went
	 */
	private Map<Object, Exception> send(Collection<MimeMessage> messages) {
		if (messages.isEmpty()) {
			return Map.of();
		}
		try {
			this.sender.send(messages.toArray(MimeMessage[]::new));
			return Map.of();
		}
		catch (MailSendException ex) {
			// no failed message: only closing the connection failed, after every message
			// went
			return ex.getFailedMessages();
		}
		catch (MailException ex) {
			// authentication refused: nothing went
			Map<Object, Exception> all = new LinkedHashMap<>();
			messages.forEach((message) -> all.put(message, ex));
			return all;
		}
	}

	/** Text and HTML as alternatives of each other, nothing else. */
	private MimeMessage message(Pending mail) throws MessagingException {
		MimeMessage message = this.sender.createMimeMessage();
		message.setFrom(this.from);
		message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(mail.recipient(), true));
		message.setSubject(mail.subject(), "UTF-8");
		message.setSentDate(Date.from(this.clock.instant()));
		// RFC 3834: no out-of-office replies to an automatic mail
		message.setHeader("Auto-Submitted", "auto-generated");
		MimeBodyPart text = new MimeBodyPart();
		text.setText(mail.textBody(), "UTF-8", "plain");
		MimeBodyPart html = new MimeBodyPart();
		html.setText(mail.htmlBody(), "UTF-8", "html");
		MimeMultipart alternatives = new MimeMultipart("alternative");
		alternatives.addBodyPart(text);
		alternatives.addBodyPart(html);
		List<Attachment> attachments = Attachment.fromJson(mail.attachments());
		if (attachments.isEmpty()) {
			message.setContent(alternatives);
			return message;
		}
		MimeBodyPart body = new MimeBodyPart();
		body.setContent(alternatives);
		MimeMultipart mixed = new MimeMultipart("mixed");
		mixed.addBodyPart(body);
		for (Attachment attachment : attachments) {
			MimeBodyPart file = new MimeBodyPart();
			file.setDataHandler(
					new DataHandler(new ByteArrayDataSource(attachment.content().getBytes(StandardCharsets.UTF_8),
							attachment.contentType() + "; charset=UTF-8")));
			file.setFileName(attachment.name());
			file.setDisposition(MimeBodyPart.ATTACHMENT);
			mixed.addBodyPart(file);
		}
		message.setContent(mixed);
		return message;
	}

	/** Sent: the bodies go, they may hold one-time links. */
	private void markSent(Pending mail) {
		this.jdbc.sql("""
				update outgoing_mail
				set sent_at = :now, attempts = attempts + 1, text_body = null, html_body = null, attachments = null,
				    last_error = null
				where id = :id""").param("now", now()).param("id", mail.id()).update();
		logger.debug("Sent mail #{} to {}", mail.id(), MailAddresses.mask(mail.recipient()));
	}

	private void markFailed(Pending mail, Exception ex) {
		int attempts = mail.attempts() + 1;
		String error = describe(ex);
		if (attempts >= this.settings.maxAttempts()) {
			this.jdbc.sql("""
					update outgoing_mail
					set attempts = :attempts, failed_at = :now, last_error = :error,
					    text_body = null, html_body = null, attachments = null
					where id = :id""")
				.param("now", now())
				.param("attempts", attempts)
				.param("error", error)
				.param("id", mail.id())
				.update();
			logger.warn("Gave up mail #{} to {} after {} attempts: {}", mail.id(), MailAddresses.mask(mail.recipient()),
					attempts, error);
			return;
		}
		Duration delay = this.settings.retryDelays().get(attempts - 1);
		this.jdbc.sql("""
				update outgoing_mail
				set attempts = :attempts, last_error = :error,
				    next_attempt_at = :next
				where id = :id""")
			.param("attempts", attempts)
			.param("error", error)
			.param("next", now().plus(delay))
			.param("id", mail.id())
			.update();
		logger.warn("Mail #{} to {} not sent (attempt {} of {}), next attempt in {}: {}", mail.id(),
				MailAddresses.mask(mail.recipient()), attempts, this.settings.maxAttempts(), delay, error);
	}

	/** Whether the error is the server's, not the mail's: nothing else will go now. */
	private static boolean serverUnavailable(Throwable ex) {
		if (ex instanceof MailAuthenticationException) {
			return true;
		}
		for (Throwable cause = ex; cause != null; cause = next(cause)) {
			if (cause instanceof IOException) {
				return true;
			}
		}
		return false;
	}

	private static Throwable next(Throwable ex) {
		if (ex instanceof MessagingException messaging && messaging.getNextException() != null
				&& messaging.getNextException() != ex.getCause()) {
			return messaging.getNextException();
		}
		return (ex.getCause() != ex) ? ex.getCause() : null;
	}

	private static String describe(Throwable ex) {
		StringBuilder text = new StringBuilder();
		for (Throwable cause = ex; cause != null && text.length() < MAX_ERROR_LENGTH; cause = next(cause)) {
			if (!text.isEmpty()) {
				text.append(" <- ");
			}
			text.append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
		}
		String line = text.toString().replaceAll("\\p{Cntrl}+", " ");
		return (line.length() > MAX_ERROR_LENGTH) ? line.substring(0, MAX_ERROR_LENGTH) : line;
	}

	private static InternetAddress sender(String from) {
		try {
			InternetAddress parsed = new InternetAddress(from, true);
			// the display name, encoded for the header
			return new InternetAddress(parsed.getAddress(), parsed.getPersonal(), "UTF-8");
		}
		catch (AddressException | UnsupportedEncodingException ex) {
			throw new IllegalStateException("repertoire.mail.from is not a mail address: " + from, ex);
		}
	}

	record Pending(long id, String recipient, String subject, String textBody, String htmlBody, int attempts,
			String attachments) {
	}

	private record Batch(int size, int sent, boolean serverUnavailable) {
	}

	/**
	 * The time of every stamp written and compared here: the application's clock, which
	 * stamps the mails queued ({@link MailOutbox}) and decides when their links expire.
	 */
	private OffsetDateTime now() {
		return OffsetDateTime.now(this.clock);
	}

}
