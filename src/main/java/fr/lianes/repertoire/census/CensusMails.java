package fr.lianes.repertoire.census;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import fr.lianes.repertoire.directory.EntryLookups.ActorRef;
import fr.lianes.repertoire.mail.MailOutbox;
import fr.lianes.repertoire.mail.MailPurposes;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The census's emails, queued in the caller's transaction: a submission rolled back sends
 * nothing. Each carries a link to withdraw consent and stop the network's emails.
 */
@Component
class CensusMails {

	private static final Duration WITHDRAW_LINK_VALIDITY = Duration.ofDays(365);

	private static final Locale FRENCH = Locale.FRENCH;

	private final MailOutbox outbox;

	private final AccessLinks links;

	private final CensusProperties properties;

	private final MessageSource messages;

	CensusMails(MailOutbox outbox, AccessLinks links, CensusProperties properties, MessageSource messages) {
		this.outbox = outbox;
		this.links = links;
		this.properties = properties;
		this.messages = messages;
	}

	void resumeLink(Draft draft, String email, AccessLinks.Issued link) {
		Map<String, Object> model = model(email);
		model.put("actorName", Text.trimToNull(draft.answers().structure().name()));
		model.put("linkUrl", linkUrl(link));
		model.put("expiresAt", link.expiresAt());
		this.outbox.enqueue("census-resume-link", email, model, "CENSUS_RESUME_LINK", "submission:" + draft.id());
	}

	void updateLink(ActorRef actor, String email, AccessLinks.Issued link) {
		Map<String, Object> model = model(email);
		model.put("actorName", actor.name());
		model.put("linkUrl", linkUrl(link));
		model.put("expiresAt", link.expiresAt());
		this.outbox.enqueue("census-update-link", email, model, "CENSUS_UPDATE_LINK", "actor:" + actor.id());
	}

	/** An invitation (or its reminder) to update an entry for a census campaign. */
	long invitation(CensusInvitations.Invitation invitation, String email, AccessLinks.Issued link) {
		Map<String, Object> model = model(email);
		model.put("actorName", invitation.actorName());
		model.put("campaignName", invitation.campaignName());
		model.put("closesOn", invitation.closesOn());
		model.put("reminder", invitation.reminder());
		model.put("linkUrl", linkUrl(link));
		model.put("expiresAt", link.expiresAt());
		model.put("subjectArgs", new Object[] { invitation.campaignName(), invitation.actorName() });
		return this.outbox.enqueue(invitation.reminder() ? "campaign-reminder" : "campaign-invitation", email, model,
				invitation.reminder() ? MailPurposes.CAMPAIGN_REMINDER : MailPurposes.CAMPAIGN_INVITATION,
				invitation.reference());
	}

	void confirmation(Draft draft, String email, String campaignName) {
		CensusAnswers answers = draft.answers();
		Map<String, Object> model = model(email);
		model.put("actorName", answers.structure().name());
		model.put("campaignName", campaignName);
		model.put("summary", summary(answers));
		model.put("resumeUrl", null);
		this.outbox.enqueue("census-confirmation", email, model, "CENSUS_CONFIRMATION", "submission:" + draft.id());
	}

	/** The network published (or kept unpublished, as asked) the author's response. */
	void approved(String email, long submissionId, String actorName, String entryUrl) {
		Map<String, Object> model = model(email);
		model.put("actorName", actorName);
		model.put("entryUrl", entryUrl);
		this.outbox.enqueue("moderation-approved", email, model, "MODERATION_DECISION", "submission:" + submissionId);
	}

	/** The network declined the author's response, for this reason. */
	void rejected(String email, long submissionId, String actorName, String reason) {
		Map<String, Object> model = model(email);
		model.put("actorName", actorName);
		model.put("reason", reason);
		this.outbox.enqueue("moderation-rejected", email, model, "MODERATION_DECISION", "submission:" + submissionId);
	}

	/**
	 * The network asks the author to change their response: the request and a link to the
	 * questionnaire holding their answers.
	 */
	void changesRequested(String email, long submissionId, String actorName, String request, AccessLinks.Issued link) {
		Map<String, Object> model = model(email);
		model.put("actorName", actorName);
		model.put("request", request);
		model.put("linkUrl", linkUrl(link));
		model.put("expiresAt", link.expiresAt());
		this.outbox.enqueue("moderation-changes", email, model, "MODERATION_DECISION", "submission:" + submissionId);
	}

	private List<String> summary(CensusAnswers answers) {
		List<String> lines = new ArrayList<>();
		StructureAnswers s = answers.structure();
		lines.add(message("census.mail.summary.structure", s.name()));
		lines.add(message("census.mail.summary.contacts", answers.contacts().size()));
		for (ProjectAnswers project : answers.projects()) {
			lines.add(message("census.mail.summary.project", project.title()));
		}
		lines.add(message(Boolean.TRUE.equals(answers.publicationConsent()) ? "census.mail.summary.publication.yes"
				: "census.mail.summary.publication.no"));
		return lines;
	}

	private Map<String, Object> model(String email) {
		Map<String, Object> model = new HashMap<>();
		AccessLinks.Issued withdraw = this.links.issue(AccessLinks.Purpose.WITHDRAW, email, null, null,
				WITHDRAW_LINK_VALIDITY);
		model.put("unsubscribeUrl", this.properties.baseUrl() + "/recensement/retrait?jeton=" + withdraw.token());
		return model;
	}

	private String linkUrl(AccessLinks.Issued link) {
		return this.properties.baseUrl() + "/recensement/lien?jeton=" + link.token();
	}

	private String message(String key, Object... args) {
		return this.messages.getMessage(key, args, FRENCH);
	}

}
