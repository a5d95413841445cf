package fr.lianes.repertoire.mail;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the outbox keeps about an address, and how long: the bodies go as soon as a mail
 * is sent or given up; what is left (recipient, subject, dates) serves the reports and
 * goes after the retention period.
 */
@Service
public class MailRecords {

	/** A mail to the address: what was sent, why and when. */
	public record MailKept(String subject, String purpose, OffsetDateTime createdAt, OffsetDateTime sentAt,
			OffsetDateTime failedAt) {
	}

	/** The mails to an address and whether it asked for no more campaign mails. */
	public record KeptAbout(List<MailKept> mails, OffsetDateTime optedOutAt) {
	}

	private final JdbcClient jdbc;

	MailRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public KeptAbout keptAbout(String email) {
		List<MailKept> mails = this.jdbc.sql("""
				select subject, purpose, created_at, sent_at, failed_at from outgoing_mail
				where lower(recipient) = lower(:email) order by created_at, id""")
			.param("email", email)
			.query((rs, row) -> new MailKept(rs.getString("subject"), rs.getString("purpose"),
					rs.getObject("created_at", OffsetDateTime.class), rs.getObject("sent_at", OffsetDateTime.class),
					rs.getObject("failed_at", OffsetDateTime.class)))
			.list();
		OffsetDateTime optedOut = this.jdbc.sql("select recorded_at from mail_opt_out where email = lower(:email)")
			.param("email", email)
			.query(OffsetDateTime.class)
			.optional()
			.orElse(null);
		return new KeptAbout(mails, optedOut);
	}

	/**
	 * Deletes the mails sent or given up before this time (their bodies went already).
	 * @return how many were deleted
	 */
	@Transactional
	public int purgeDoneBefore(OffsetDateTime before) {
		return this.jdbc.sql("""
				delete from outgoing_mail
				where (sent_at is not null and sent_at < :before) or (failed_at is not null and failed_at < :before)""")
			.param("before", before)
			.update();
	}

}
