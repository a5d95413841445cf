package fr.lianes.repertoire.census;

import java.util.List;
import java.util.Optional;

import fr.lianes.repertoire.directory.Entries;
import fr.lianes.repertoire.directory.EntryLookups;
import fr.lianes.repertoire.directory.EntryLookups.ActorRef;
import fr.lianes.repertoire.mail.MailOptOuts;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the questionnaire does beyond saving steps: sending it, the emailed links, and the
 * withdrawal of consent. Each is one transaction with the emails it queues.
 */
@Service
class CensusService {

	private final Submissions submissions;

	/** How many actors of one address get an update link at most. */
	private static final int MAX_ACTORS_PER_EMAIL = 3;

	private final AccessLinks links;

	private final CensusMails mails;

	private final Campaigns campaigns;

	private final EntryLookups entries;

	private final MailOptOuts optOuts;

	private final CensusProperties properties;

	private final Entries directory;

	CensusService(Submissions submissions, AccessLinks links, CensusMails mails, Campaigns campaigns,
			EntryLookups entries, MailOptOuts optOuts, CensusProperties properties, Entries directory) {
		this.submissions = submissions;
		this.links = links;
		this.mails = mails;
		this.campaigns = campaigns;
		this.entries = entries;
		this.optOuts = optOuts;
		this.properties = properties;
		this.directory = directory;
	}

	/**
	 * Sends a draft for moderation and queues its confirmation, in one transaction; every
	 * browser's key to it is revoked, and the sending browser's new key
	 * ({@code thanksKeyHash}) shows the thank-you page once.
	 * @return whether this call sent it (false: it had already been sent)
	 */
	@Transactional
	boolean submit(Draft draft, boolean publicationConsent, String email, byte[] thanksKeyHash) {
		this.submissions.update(draft.id(),
				(answers) -> answers.withConsent(publicationConsent, this.properties.noticeVersion()));
		this.submissions.setAuthorEmail(draft.id(), email);
		Optional<Campaign> campaign = this.campaigns.current();
		if (!this.submissions.submit(draft.id(), campaign.map(Campaign::id).orElse(null))) {
			return false;
		}
		this.submissions.replaceKeysOnSending(draft.id(), thanksKeyHash);
		Draft sent = this.submissions.find(draft.id()).orElseThrow();
		this.mails.confirmation(sent, email, campaign.map(Campaign::name).orElse(null));
		return true;
	}

	@Transactional
	void sendResumeLink(Draft draft, String email) {
		AccessLinks.Issued link = this.links.issue(AccessLinks.Purpose.RESUME_DRAFT, email, draft.id(), null,
				this.properties.draftValidity());
		this.mails.resumeLink(draft, email, link);
	}

	/**
	 * Sends an update link for each actor of this address, and a resume link for its open
	 * draft if it has one; nothing when there is neither.
	 */
	@Transactional
	int sendUpdateLinks(String email) {
		this.submissions.findOpenByEmail(email, this.properties.draftValidity())
			.ifPresent((draft) -> sendResumeLink(draft, email));
		List<ActorRef> actors = this.entries.byEmail(email, MAX_ACTORS_PER_EMAIL);
		for (ActorRef actor : actors) {
			AccessLinks.Issued link = this.links.issue(AccessLinks.Purpose.UPDATE_ENTRY, email, null, actor.id(),
					this.properties.updateLinkValidity());
			this.mails.updateLink(actor, email, link);
		}
		return actors.size();
	}

	/**
	 * Sends an update link for this actor only, if the address is one of its own; nothing
	 * otherwise.
	 */
	@Transactional
	void sendUpdateLink(String email, long actorId) {
		this.entries.byEmail(actorId, email).ifPresent((actor) -> {
			AccessLinks.Issued link = this.links.issue(AccessLinks.Purpose.UPDATE_ENTRY, email, null, actor.id(),
					this.properties.updateLinkValidity());
			this.mails.updateLink(actor, email, link);
		});
	}

	/**
	 * Withdraws what this address agreed to: no more campaign emails, and its contact
	 * persons' name, email and phone no longer published.
	 */
	@Transactional
	void withdraw(String email) {
		this.optOuts.record(email);
		this.directory.withdrawConsents(email, this.properties.noticeVersion());
	}

}
