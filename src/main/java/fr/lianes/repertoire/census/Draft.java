package fr.lianes.repertoire.census;

import java.time.OffsetDateTime;

/**
 * A questionnaire response as stored.
 *
 * @param id its number
 * @param status where it stands
 * @param campaignId the census campaign it answers, if one was open
 * @param actorId the directory entry it updates, null for a new actor
 * @param authorEmail who answers
 * @param answers what was typed
 * @param createdAt when the questionnaire was started
 * @param submittedAt when it was sent, null for a draft
 */
record Draft(long id, SubmissionStatus status, Integer campaignId, Long actorId, String authorEmail,
		CensusAnswers answers, OffsetDateTime createdAt, OffsetDateTime submittedAt) {

	boolean isOpen() {
		return this.status == SubmissionStatus.DRAFT;
	}

	boolean isUpdate() {
		return this.actorId != null;
	}

}
