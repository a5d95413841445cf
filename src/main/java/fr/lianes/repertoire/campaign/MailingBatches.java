package fr.lianes.repertoire.campaign;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;

import fr.lianes.repertoire.census.Campaign;
import fr.lianes.repertoire.census.Campaigns;
import fr.lianes.repertoire.campaign.Mailings.Mailing;
import fr.lianes.repertoire.campaign.Mailings.Target;
import fr.lianes.repertoire.census.CensusInvitations;
import fr.lianes.repertoire.mail.MailOptOuts;
import fr.lianes.repertoire.mail.MailOutbox;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The transactions of a mailing: asking for one, then each batch of actors, whose
 * recipients rows and mails are written together. A batch that fails leaves nothing
 * behind, and the next run starts again after the last actor recorded.
 */
@Component
class MailingBatches {

	/** How a request for a mailing ended. */
	enum Start {

		STARTED, NOTHING_TO_SEND, ALREADY_RUNNING, NOT_OPEN

	}

	record Requested(Start start, long mailingId, long planned) {
	}

	/** The address an actor is written to, or why it is not. */
	record Choice(RecipientOutcome outcome, String email) {
	}

	private static final int MAX_EMAIL_LENGTH = 254;

	private final Mailings mailings;

	private final Campaigns campaigns;

	private final CensusInvitations invitations;

	private final MailOptOuts optOuts;

	private final CampaignProperties properties;

	private final JdbcClient jdbc;

	private final Clock clock;

	MailingBatches(Mailings mailings, Campaigns campaigns, CensusInvitations invitations, MailOptOuts optOuts,
			CampaignProperties properties, JdbcClient jdbc, Clock clock) {
		this.mailings = mailings;
		this.campaigns = campaigns;
		this.invitations = invitations;
		this.optOuts = optOuts;
		this.properties = properties;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Today in the network's zone. */
	LocalDate today() {
		return LocalDate.now(this.clock);
	}

	/**
	 * Whether invitations may go for this campaign now: it is the one questionnaires
	 * count for today, and it is open (the census module decides both).
	 */
	boolean isOpenNow(int campaignId) {
		OptionalInt open = this.invitations.openCampaignId();
		return open.isPresent() && open.getAsInt() == campaignId;
	}

	/**
	 * Records a mailing if the campaign is the one questionnaires count for today, none
	 * of its mailings is running and someone is to be written to.
	 */
	@Transactional
	Requested request(Campaign campaign, MailingKind kind, boolean includeDormant, String requestedBy) {
		if (!isOpenNow(campaign.id())) {
			return new Requested(Start.NOT_OPEN, 0, 0);
		}
		// two administrators pressing at once: the second waits here, then sees the first
		this.campaigns.lockForMailings(campaign.id());
		boolean running = this.jdbc
			.sql("select exists (select 1 from campaign_mailing where campaign_id = ? and finished_at is null)")
			.param(campaign.id())
			.query(Boolean.class)
			.single();
		if (running) {
			return new Requested(Start.ALREADY_RUNNING, 0, 0);
		}
		long planned = this.mailings.countTargets(campaign.id(), kind, includeDormant);
		if (planned == 0) {
			return new Requested(Start.NOTHING_TO_SEND, 0, 0);
		}
		long id = this.mailings.create(campaign.id(), kind, includeDormant, requestedBy, planned);
		return new Requested(Start.STARTED, id, planned);
	}

	/**
	 * Deals with the mailing's next actors: each gets its mail queued, or is recorded as
	 * left out. Once no actor is left, the mailing is finished.
	 * @return how many actors were dealt with; 0 when the mailing is finished
	 */
	@Transactional
	int next(long mailingId) {
		Mailing mailing = this.mailings.lockUnfinished(mailingId).orElse(null);
		if (mailing == null) {
			return 0;
		}
		Campaign campaign = this.campaigns.find(mailing.campaignId()).orElseThrow();
		if (today().isAfter(campaign.closesOn())) {
			this.mailings.finish(mailingId, "The campaign closed on " + campaign.closesOn());
			return 0;
		}
		List<Target> targets = this.mailings.nextTargets(mailing, this.properties.batchSize());
		if (targets.isEmpty()) {
			this.mailings.finish(mailingId, null);
			return 0;
		}
		Instant linkExpiresAt = campaign.closesOn().plusDays(1).atStartOfDay(this.clock.getZone()).toInstant();
		for (Target target : targets) {
			Choice choice = choose(target.addresses());
			if (this.mailings.record(mailing, target.actorId(), choice.outcome(), choice.email())
					&& choice.outcome() == RecipientOutcome.QUEUED) {
				this.invitations.invite(new CensusInvitations.Invitation(campaign.name(), campaign.closesOn(),
						linkExpiresAt, target.actorId(), target.name(), choice.email(),
						mailing.kind() == MailingKind.REMINDER, mailing.reference(target.actorId())));
			}
		}
		if (mailing.lastError() != null) {
			this.mailings.clearError(mailingId);
		}
		return targets.size();
	}

	/**
	 * The first of the actor's addresses that mail can be sent to and that did not opt
	 * out: its own, then its contact persons' in their order.
	 */
	Choice choose(List<String> addresses) {
		List<String> deliverable = addresses.stream().map(String::strip).filter(MailOutbox::isDeliverable).toList();
		if (deliverable.isEmpty()) {
			String first = addresses.isEmpty() ? null : addresses.get(0).strip();
			return new Choice(RecipientOutcome.NO_VALID_ADDRESS, (first != null && first.length() > MAX_EMAIL_LENGTH)
					? first.substring(0, MAX_EMAIL_LENGTH) : first);
		}
		return deliverable.stream()
			.filter((address) -> !this.optOuts.isOptedOut(address))
			.findFirst()
			.map((address) -> new Choice(RecipientOutcome.QUEUED, address))
			.orElseGet(() -> new Choice(RecipientOutcome.OPTED_OUT, deliverable.get(0)));
	}

}
