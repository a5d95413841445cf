package fr.lianes.repertoire.privacy;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import fr.lianes.repertoire.census.CensusRecords;
import fr.lianes.repertoire.directory.DirectoryRecords;
import fr.lianes.repertoire.mail.MailRecords;
import fr.lianes.repertoire.privacy.PrivacySettings.Retention;
import fr.lianes.repertoire.security.StaffTraces;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Applies the retention periods the privacy notice states, once a night: each module
 * deletes what outlived its period in its own tables. Deleting twice is harmless, so
 * several instances may run it.
 */
@Component
class RetentionPurge {

	private static final Logger logger = LoggerFactory.getLogger(RetentionPurge.class);

	/** What one purge deleted, by kind. */
	record Purged(int drafts, int links, int refusedResponses, int mails, int staffLinks, int signInTraces,
			int requests, int erasedConsents) {

		int total() {
			return this.drafts + this.links + this.refusedResponses + this.mails + this.staffLinks + this.signInTraces
					+ this.requests + this.erasedConsents;
		}

	}

	private final CensusRecords census;

	private final MailRecords mail;

	private final StaffTraces staff;

	private final DirectoryRecords directory;

	private final DataRequests requests;

	private final PrivacySettings settings;

	private final Clock clock;

	RetentionPurge(CensusRecords census, MailRecords mail, StaffTraces staff, DirectoryRecords directory,
			DataRequests requests, PrivacySettings settings, Clock clock) {
		this.census = census;
		this.mail = mail;
		this.staff = staff;
		this.directory = directory;
		this.requests = requests;
		this.settings = settings;
		this.clock = clock;
	}

	@Scheduled(cron = "${repertoire.privacy.purge-schedule:0 15 4 * * *}",
			zone = "${repertoire.time-zone:Europe/Paris}")
	void nightly() {
		purge();
	}

	Purged purge() {
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		Retention keep = this.settings.retention();
		Purged purged = new Purged(this.census.purgeDraftsUntouchedSince(now.minus(keep.drafts())),
				this.census.purgeLinksDoneBefore(now.minus(keep.links())),
				this.census.purgeRefusedBefore(now.minus(keep.refusedResponses())),
				this.mail.purgeDoneBefore(now.minus(keep.mails())),
				this.staff.purgeLinksDoneBefore(now.minus(keep.links())),
				this.staff.purgeSignInFailuresBefore(now.minus(keep.signInTraces()), now),
				this.requests.purgeBefore(now.minus(keep.requests())),
				this.directory.purgeErasedConsentsBefore(now.minus(keep.erasedConsents())));
		if (purged.total() > 0) {
			logger.info("Purge of personal data past its retention period: {}", purged);
		}
		return purged;
	}

}
