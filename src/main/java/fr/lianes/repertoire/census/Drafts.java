package fr.lianes.repertoire.census;

import java.util.Optional;
import java.util.function.UnaryOperator;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Service;

/**
 * The draft of the browser at hand: found through its cookie, started, saved at every
 * step, resumed from an emailed link.
 */
@Service
class Drafts {

	private final Submissions submissions;

	private final DraftCookie cookie;

	private final Campaigns campaigns;

	Drafts(Submissions submissions, DraftCookie cookie, Campaigns campaigns) {
		this.submissions = submissions;
		this.cookie = cookie;
		this.campaigns = campaigns;
	}

	/** The browser's questionnaire, whatever its status. */
	Optional<Draft> current(HttpServletRequest request) {
		return this.cookie.keyHash(request).flatMap(this.submissions::findByDraftKey);
	}

	/** The browser's questionnaire if it is still being filled in. */
	Optional<Draft> open(HttpServletRequest request) {
		return current(request).filter(Draft::isOpen);
	}

	/**
	 * Whether this browser sent its questionnaire (its key was revoked then): told it was
	 * received, never shown the answers again.
	 */
	boolean wasSent(HttpServletRequest request) {
		return this.cookie.keyHash(request).map(this.submissions::wasSentWith).orElse(false);
	}

	/** The questionnaire this browser just sent, once: its key is revoked meanwhile. */
	Optional<Draft> takeSent(HttpServletRequest request) {
		return this.cookie.keyHash(request).flatMap(this.submissions::takeSent);
	}

	/** Starts a questionnaire in this browser. */
	Draft start(HttpServletRequest request, HttpServletResponse response, String email, Long actorId,
			CensusAnswers answers) {
		Integer campaignId = this.campaigns.current().map(Campaign::id).orElse(null);
		long id = this.submissions.createDraft(email, campaignId, actorId, answers,
				this.cookie.issue(request, response));
		return this.submissions.find(id).orElseThrow();
	}

	/** Lets this browser continue a draft (opened from an emailed link). */
	void resume(long submissionId, HttpServletRequest request, HttpServletResponse response) {
		this.submissions.addDraftKey(submissionId, this.cookie.issue(request, response));
	}

	Optional<Draft> save(Draft draft, UnaryOperator<CensusAnswers> change) {
		return this.submissions.update(draft.id(), change);
	}

	void setAuthorEmail(Draft draft, String email) {
		this.submissions.setAuthorEmail(draft.id(), email);
	}

}
