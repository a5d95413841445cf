package fr.lianes.repertoire.census;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.OptionalInt;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may ask of the census: which campaign the answers sent today belong
 * to, and the invitation of an actor to update its entry for a campaign (a one-time
 * update link, in a mail queued in the caller's transaction).
 */
@Service
public class CensusInvitations {

	/**
	 * An invitation to write.
	 *
	 * @param campaignName the campaign, named in the mail
	 * @param closesOn the campaign's last day, named in the mail
	 * @param linkExpiresAt when the update link stops working
	 * @param actorId the actor whose entry the link opens
	 * @param actorName its name, in the mail
	 * @param email the address the mail goes to, the only one the link answers for
	 * @param reminder a reminder of an invitation already sent
	 * @param reference what the mail belongs to, for reports
	 * ({@code campaign:3/mailing:7/actor:17})
	 */
	public record Invitation(String campaignName, LocalDate closesOn, Instant linkExpiresAt, long actorId,
			String actorName, String email, boolean reminder, String reference) {
	}

	private final Campaigns campaigns;

	private final AccessLinks links;

	private final CensusMails mails;

	private final Clock clock;

	CensusInvitations(Campaigns campaigns, AccessLinks links, CensusMails mails, Clock clock) {
		this.campaigns = campaigns;
		this.links = links;
		this.mails = mails;
		this.clock = clock;
	}

	/**
	 * The campaign the questionnaires sent today count for, if it is open today: the only
	 * one whose invitations make sense.
	 */
	@Transactional(readOnly = true)
	public OptionalInt openCampaignId() {
		return this.campaigns.current()
			.filter(Campaign::open)
			.map((campaign) -> OptionalInt.of(campaign.id()))
			.orElse(OptionalInt.empty());
	}

	/**
	 * Issues a one-time link to update the actor's entry, valid until
	 * {@code linkExpiresAt}, and queues the invitation with it.
	 * @return the id of the queued mail
	 * @throws IllegalArgumentException if the address is not one mail can be sent to, or
	 * the link would already have expired
	 */
	@Transactional
	public long invite(Invitation invitation) {
		if (!Emails.isValid(invitation.email())) {
			throw new IllegalArgumentException("Not a deliverable address");
		}
		if (!invitation.linkExpiresAt().isAfter(this.clock.instant())) {
			throw new IllegalArgumentException("The link would have expired already");
		}
		String email = invitation.email().strip();
		AccessLinks.Issued link = this.links.issueUntil(AccessLinks.Purpose.UPDATE_ENTRY, email, null,
				invitation.actorId(), invitation.linkExpiresAt().atOffset(ZoneOffset.UTC));
		return this.mails.invitation(invitation, email, link);
	}

}
