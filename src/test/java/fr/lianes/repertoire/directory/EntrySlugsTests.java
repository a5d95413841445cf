package fr.lianes.repertoire.directory;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The slugs of an import's new actors, found for a whole batch in one statement
 * ({@link EntryWriter#uniqueActorSlugs}): each one used by no actor and by no old
 * address, numbered after the ones taken, whatever else starts like them.
 */
class EntrySlugsTests extends EntryWriterTest {

	@Test
	void aBatchsSlugsFollowTheSlugsAndOldAddressesTaken() {
		List<String> slugs = this.transactions.execute((status) -> {
			status.setRollbackOnly();
			for (String slug : List.of("amis-du-sahel", "amis-du-sahel-2", "amis-du-sahel-de-lille", "amis-du-sahel3",
					"amis-du")) {
				this.writer.newActor(actorFields("Amis"), slug);
			}
			Actor renamed = this.writer.newActor(actorFields("Amis"), "amis-du-sahel-nord");
			this.writer.flush();
			this.jdbc.sql("insert into actor_slug_redirect (old_slug, actor_id) values ('amis-du-sahel-3', ?)")
				.param(renamed.getId())
				.update();
			return this.writer.uniqueActorSlugs(
					List.of("Amis du Sahel", "Amis du Sahel", "Amis du Sahel de Lille", "Amis du", "Amis", "Sahel"));
		});
		assertThat(slugs).containsExactly("amis-du-sahel-4", "amis-du-sahel-5", "amis-du-sahel-de-lille-2", "amis-du-2",
				"amis", "sahel");
	}

}
