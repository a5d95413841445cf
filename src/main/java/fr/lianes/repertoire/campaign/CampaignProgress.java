package fr.lianes.repertoire.campaign;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.lianes.repertoire.campaign.Mailings.Mailing;
import fr.lianes.repertoire.campaign.Mailings.Skipped;
import fr.lianes.repertoire.mail.MailFailure;
import fr.lianes.repertoire.mail.MailOutbox;
import fr.lianes.repertoire.mail.MailStatus;

import org.springframework.stereotype.Component;

/**
 * Where a campaign's mailings are, from the outbox's own counts (sent, waiting, given up)
 * and the actors each mailing left out; and the report of what did not go.
 */
@Component
class CampaignProgress {

	/** Rows shown in each list of the report. */
	static final int REPORT_LIMIT = 200;

	private static final Pattern REFERENCE = Pattern.compile("campaign:\\d+/mailing:(\\d+)/actor:(\\d+)");

	/**
	 * A mailing and its counts, as the page shows them (templates read record components:
	 * their methods are out of reach of the expression language).
	 *
	 * @param requestedAt when it was asked for, in the network's zone
	 * @param queued actors whose mail was queued
	 * @param skipped actors left out (opted out, no valid address)
	 * @param mail the outbox's counts of its mails
	 * @param runningHere this instance is working on it
	 * @param processed actors whose mail went or was given up, plus those left out
	 * @param total what the bar goes up to: the actors planned, or more if some were
	 * added meanwhile
	 * @param finished every actor has been dealt with (mail queued or left out)
	 * @param done finished, and every mail sent or given up
	 * @param interrupted stopped by an error and not running here: it may be taken up
	 * again
	 */
	record MailingProgress(Mailing mailing, ZonedDateTime requestedAt, long queued, long skipped, MailStatus mail,
			boolean runningHere, long processed, long total, int percent, boolean finished, boolean done,
			boolean interrupted) {

		static MailingProgress of(Mailing mailing, ZoneId zone, long queued, long skipped, MailStatus mail,
				boolean runningHere) {
			long processed = mail.sent() + mail.failed() + skipped;
			long total = Math.max(mailing.planned(), queued + skipped);
			int percent = (total == 0) ? 100 : (int) (100 * processed / total);
			boolean done = mailing.finished() && mail.pending() == 0;
			boolean interrupted = !mailing.finished() && mailing.lastError() != null && !runningHere;
			return new MailingProgress(mailing, mailing.requestedAt().atZoneSameInstant(zone), queued, skipped, mail,
					runningHere, processed, total, percent, mailing.finished(), done, interrupted);
		}

	}

	/** A mail that did not go, with the actor it was for. */
	record Failure(String actorName, boolean reminder, MailFailure mail) {
	}

	/**
	 * A campaign's mailings and what did not go.
	 *
	 * @param active something is still moving: the page keeps refreshing itself
	 */
	record Report(List<MailingProgress> mailings, List<Failure> failures, List<Skipped> skipped, boolean active) {

		Report(List<MailingProgress> mailings, List<Failure> failures, List<Skipped> skipped) {
			this(mailings, failures, skipped, mailings.stream().anyMatch((m) -> !m.done()));
		}

	}

	private final Mailings mailings;

	private final MailOutbox outbox;

	private final MailingRunner runner;

	private final Clock clock;

	CampaignProgress(Mailings mailings, MailOutbox outbox, MailingRunner runner, Clock clock) {
		this.mailings = mailings;
		this.outbox = outbox;
		this.runner = runner;
		this.clock = clock;
	}

	Report of(int campaignId) {
		Map<Long, Map<RecipientOutcome, Long>> outcomes = this.mailings.outcomes(campaignId);
		List<Mailing> all = this.mailings.ofCampaign(campaignId);
		List<MailingProgress> progress = all.stream().map((mailing) -> {
			Map<RecipientOutcome, Long> counts = outcomes.getOrDefault(mailing.id(), Map.of());
			long queued = counts.getOrDefault(RecipientOutcome.QUEUED, 0L);
			long skipped = counts.entrySet()
				.stream()
				.filter((e) -> e.getKey().skipped())
				.mapToLong(Map.Entry::getValue)
				.sum();
			return MailingProgress.of(mailing, this.clock.getZone(), queued, skipped,
					this.outbox.statusOf(mailing.referencePrefix()), this.runner.isRunningHere(mailing.id()));
		}).toList();
		return new Report(progress, failures(campaignId, all), this.mailings.skipped(campaignId, REPORT_LIMIT));
	}

	private List<Failure> failures(int campaignId, List<Mailing> all) {
		List<MailFailure> failed = this.outbox.failuresOf("campaign:" + campaignId + "/", REPORT_LIMIT);
		List<Long> actorIds = failed.stream().map((f) -> reference(f, 2)).filter((id) -> id != null).toList();
		Map<Long, String> names = this.mailings.names(actorIds);
		return failed.stream().map((f) -> {
			Long mailingId = reference(f, 1);
			boolean reminder = all.stream()
				.anyMatch((m) -> m.id() == ((mailingId != null) ? mailingId : -1) && m.kind() == MailingKind.REMINDER);
			Long actorId = reference(f, 2);
			return new Failure((actorId != null) ? names.get(actorId) : null, reminder, f);
		}).toList();
	}

	private static Long reference(MailFailure failure, int group) {
		Matcher matcher = REFERENCE.matcher(String.valueOf(failure.reference()));
		return matcher.matches() ? Long.valueOf(matcher.group(group)) : null;
	}

}
