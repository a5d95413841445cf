package fr.lianes.repertoire.mail;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Addresses that asked to receive no more campaign mails. Whoever sends a campaign checks
 * here first; mails a person asked for (a link, a confirmation) are still sent.
 */
@Service
public class MailOptOuts {

	private final JdbcClient jdbc;

	private final Clock clock;

	MailOptOuts(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Records that the address wants no more campaign mails; recording it twice keeps the
	 * first date.
	 * @throws IllegalArgumentException if it is not a single mail address
	 */
	@Transactional
	public void record(String email) {
		this.jdbc
			.sql("insert into mail_opt_out (email, recorded_at) values (:email, :at) on conflict (email) do nothing")
			.param("email", MailAddresses.normalize(email))
			.param("at", OffsetDateTime.now(this.clock))
			.update();
	}

	/** Whether the address asked for no more campaign mails, whatever its case. */
	@Transactional(readOnly = true)
	public boolean isOptedOut(String email) {
		String key;
		try {
			key = MailAddresses.normalize(email);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		return this.jdbc.sql("select exists (select 1 from mail_opt_out where email = :email)")
			.param("email", key)
			.query(Boolean.class)
			.single();
	}

}
