package fr.lianes.repertoire.privacy;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Requests about personal data and the retention periods the purge applies (and the
 * privacy notice states).
 *
 * @param linkValidity how long the link that proves a request's address is valid
 * @param requestsPerDay requests accepted per address in 24 hours (more are not mailed)
 * @param purgeSchedule when the purge runs (cron, in the network's zone); "-" for never
 * @param retention how long each kind of data is kept
 */
@ConfigurationProperties("repertoire.privacy")
public record PrivacySettings(@DefaultValue("24h") Duration linkValidity, @DefaultValue("3") int requestsPerDay,
		@DefaultValue("0 15 4 * * *") String purgeSchedule, @DefaultValue Retention retention) {

	/**
	 * @param drafts questionnaire drafts nobody touched
	 * @param links one-time links, once used or expired
	 * @param mails the trace of a mail (address, subject, dates) once sent or given up;
	 * its body goes as soon as it is sent or given up
	 * @param refusedResponses questionnaire responses refused by the moderators
	 * @param signInTraces wrong staff passwords counted against an address, once they
	 * lock nothing
	 * @param requests requests for a copy or an erasure, kept as proof they were handled
	 * @param erasedConsents consents kept as proof after their contact person was erased
	 */
	public record Retention(@DefaultValue("180d") Duration drafts, @DefaultValue("30d") Duration links,
			@DefaultValue("365d") Duration mails, @DefaultValue("365d") Duration refusedResponses,
			@DefaultValue("1d") Duration signInTraces, @DefaultValue("365d") Duration requests,
			@DefaultValue("1825d") Duration erasedConsents) {
	}

}
