package fr.lianes.repertoire.census;

import fr.lianes.repertoire.directory.ActorsMerging;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The submissions and update links of an actor merged into another are the survivor's:
 * moved inside the merge's transaction, before the merged actor is deleted.
 */
@Component
class MergedActorResponses {

	private final JdbcClient jdbc;

	MergedActorResponses(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void moveToTheSurvivor(ActorsMerging merging) {
		this.jdbc.sql("update submission set actor_id = :survivor where actor_id = :merged")
			.param("survivor", merging.survivorId())
			.param("merged", merging.mergedId())
			.update();
		this.jdbc.sql("update access_link set actor_id = :survivor where actor_id = :merged")
			.param("survivor", merging.survivorId())
			.param("merged", merging.mergedId())
			.update();
	}

}
