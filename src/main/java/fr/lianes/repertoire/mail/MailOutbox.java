package fr.lianes.repertoire.mail;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.lianes.repertoire.mail.MailRenderer.RenderedMail;

/**
 * The way out for every mail: written now, in the caller's transaction, and sent once it
 * commits. A transaction that rolls back sends nothing; a mail that cannot be sent yet
 * (SMTP down or not configured) waits in {@code outgoing_mail} and is retried.
 */
@Service
public class MailOutbox {

	private static final Logger logger = LoggerFactory.getLogger(MailOutbox.class);

	private static final Pattern PURPOSE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

	static final int MAX_REFERENCE_LENGTH = 120;

	private final JdbcClient jdbc;

	private final MailRenderer renderer;

	private final MailDispatch dispatch;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	MailOutbox(JdbcClient jdbc, MailRenderer renderer, MailDispatch dispatch, ApplicationEventPublisher events,
			Clock clock) {
		this.jdbc = jdbc;
		this.renderer = renderer;
		this.dispatch = dispatch;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Whether mail can be sent to this address: a single bare address, the only shape
	 * {@link #enqueue} accepts. Forms check addresses with this before queuing anything.
	 */
	public static boolean isDeliverable(String address) {
		try {
			MailAddresses.requireValid(address);
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/**
	 * Writes a mail from its templates and queues it in the current transaction (or a new
	 * one); it leaves after the commit.
	 * @param template the name of {@code templates/mail/<template>.txt} and
	 * {@code .html}; the subject is the message {@code mail.<template>.subject}
	 * @param recipient a single bare address ({@code name@domain})
	 * @param model the templates' variables; {@code subjectArgs} (Object[] or List) are
	 * the subject's arguments, {@code locale} (a Locale) another language than French,
	 * {@code unsubscribeUrl} adds the unsubscribe / withdraw-consent link to the footer
	 * @param purpose why it is sent: upper case, at most 40 characters (see
	 * {@link MailPurposes})
	 * @param reference what it belongs to, to group mails in reports
	 * ({@code submission:42}, {@code campaign:3/actor:17}), or {@code null}
	 * @return the id of the queued mail
	 * @throws IllegalArgumentException if the recipient is not a single address, or the
	 * purpose, the reference or the template name has not the expected shape
	 */
	@Transactional
	public long enqueue(String template, String recipient, Map<String, Object> model, String purpose,
			String reference) {
		return enqueue(template, recipient, model, purpose, reference, List.of());
	}

	/**
	 * Writes a mail with files attached (text files: a copy of a person's data) and
	 * queues it, as {@link #enqueue(String, String, Map, String, String)}; the files go
	 * with the bodies once it is sent or given up.
	 */
	@Transactional
	public long enqueue(String template, String recipient, Map<String, Object> model, String purpose, String reference,
			List<Attachment> attachments) {
		String address = MailAddresses.requireValid(recipient);
		if (purpose == null || !PURPOSE.matcher(purpose).matches()) {
			throw new IllegalArgumentException("Not a mail purpose: " + purpose);
		}
		if (reference != null && (reference.length() > MAX_REFERENCE_LENGTH
				|| reference.codePoints().anyMatch(Character::isISOControl))) {
			throw new IllegalArgumentException("Not a mail reference");
		}
		RenderedMail mail = this.renderer.render(template, (model != null) ? model : Map.of());
		long id = this.jdbc.sql("""
				insert into outgoing_mail (recipient, subject, text_body, html_body, purpose, reference, created_at,
				                           next_attempt_at, attachments)
				values (:recipient, :subject, :text, :html, :purpose, :reference, :now, :now,
				        cast(:attachments as jsonb))
				returning id""")
			.param("attachments", attachments.isEmpty() ? null : Attachment.toJson(attachments))
			.param("now", OffsetDateTime.now(this.clock))
			.param("recipient", address)
			.param("subject", mail.subject())
			.param("text", mail.text())
			.param("html", mail.html())
			.param("purpose", purpose)
			.param("reference", reference)
			.query(Long.class)
			.single();
		// never the bodies: they hold one-time links
		if (this.dispatch.isMailOn()) {
			logger.debug("Queued mail #{} {} to {}: {}", id, purpose, MailAddresses.mask(address), mail.subject());
		}
		else {
			logger.info("Mail is off, mail #{} {} to {} stays queued: {}", id, purpose, MailAddresses.mask(address),
					mail.subject());
		}
		// sent once the transaction commits (MailDispatch), never if it rolls back
		this.events.publishEvent(new MailQueued(id));
		return id;
	}

	/**
	 * Counts the mails whose reference starts with the given prefix (for instance
	 * {@code campaign:3/}).
	 */
	@Transactional(readOnly = true)
	public MailStatus statusOf(String referencePrefix) {
		String pattern = likePrefix(referencePrefix);
		return this.jdbc.sql("""
				select count(*) filter (where sent_at is not null) as sent,
				       count(*) filter (where sent_at is null and failed_at is null) as pending,
				       count(*) filter (where failed_at is not null) as failed
				from outgoing_mail
				where reference like :pattern""")
			.param("pattern", pattern)
			.query((rs, row) -> new MailStatus(rs.getLong("sent"), rs.getLong("pending"), rs.getLong("failed")))
			.single();
	}

	/**
	 * The mails whose reference starts with the given prefix and that did not go: given
	 * up, or waiting for another attempt after an error; those given up first.
	 */
	@Transactional(readOnly = true)
	public List<MailFailure> failuresOf(String referencePrefix, int limit) {
		return this.jdbc.sql("""
				select reference, recipient, attempts, last_error, failed_at
				from outgoing_mail
				where reference like :pattern and sent_at is null
				  and (failed_at is not null or last_error is not null)
				order by failed_at nulls last, id
				limit :limit""")
			.param("pattern", likePrefix(referencePrefix))
			.param("limit", limit)
			.query((rs, row) -> new MailFailure(rs.getString("reference"), rs.getString("recipient"),
					rs.getInt("attempts"), rs.getString("last_error"), rs.getObject("failed_at", OffsetDateTime.class)))
			.list();
	}

	private static String likePrefix(String referencePrefix) {
		return referencePrefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

}
