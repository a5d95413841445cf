package fr.lianes.repertoire.mail;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the outgoing mail. The SMTP server itself is Spring Boot's
 * {@code spring.mail.*}: without {@code spring.mail.host} mail is off and stays queued.
 *
 * @param from the sender, an address with an optional display name
 * @param pollInterval how often each instance looks for mails due (left by a crash or
 * waiting for a retry)
 * @param batchSize mails sent per transaction; they stay locked while they are sent
 * @param retryDelays waits after the first, second... failed attempt; after the last one
 * the mail is given up
 * @param maxAge a mail not sent this long after it was queued is given up: its links
 * would have expired
 * @param timeZone the zone in which dates are written in mails
 */
@ConfigurationProperties("repertoire.mail")
record MailSettings(@DefaultValue("Répertoire <repertoire@localhost>") String from,
		@DefaultValue("10s") Duration pollInterval, @DefaultValue("50") int batchSize, @DefaultValue( {
				"1m", "5m", "30m", "2h", "12h" }) List<Duration> retryDelays,
		@DefaultValue("2d") Duration maxAge, @DefaultValue("Europe/Paris") ZoneId timeZone){

	MailSettings {
		batchSize = Math.max(1, Math.min(batchSize, 500));
		retryDelays = List.copyOf(retryDelays);
	}

	/** Attempts before a mail is given up. */
	int maxAttempts() {
		return this.retryDelays.size() + 1;
	}

}
