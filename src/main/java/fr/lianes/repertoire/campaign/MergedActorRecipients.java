package fr.lianes.repertoire.campaign;

import fr.lianes.repertoire.directory.ActorsMerging;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The campaign invitations and reminders of an actor merged into another are the
 * survivor's, inside the merge's transaction and before the merged actor is deleted. The
 * survivor keeps its own where both were in the same mailing, or both are still queued
 * for an invitation of the same campaign.
 */
@Component
class MergedActorRecipients {

	private final JdbcClient jdbc;

	MergedActorRecipients(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void moveToTheSurvivor(ActorsMerging merging) {
		this.jdbc.sql("""
				delete from campaign_recipient m where m.actor_id = :merged and exists (
				    select 1 from campaign_recipient s where s.actor_id = :survivor
				    and (s.mailing_id = m.mailing_id
				         or (s.campaign_id = m.campaign_id and s.kind = 'INVITATION' and s.outcome = 'QUEUED'
				             and m.kind = 'INVITATION' and m.outcome = 'QUEUED')))""")
			.param("survivor", merging.survivorId())
			.param("merged", merging.mergedId())
			.update();
		this.jdbc.sql("update campaign_recipient set actor_id = :survivor where actor_id = :merged")
			.param("survivor", merging.survivorId())
			.param("merged", merging.mergedId())
			.update();
	}

}
