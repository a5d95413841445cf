package fr.lianes.repertoire.directory;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bulk load hands out ids that the application has not: the application takes actors',
 * projects', contacts' and consents' ids by blocks from their sequences (V26) and keeps a
 * block until it has used it up, also after the directory was emptied, so that a load
 * starting at the largest id plus one would write the ids of that block.
 */
class BulkLoadIdsTests extends EntryWriterTest {

	@Autowired
	BulkLoads bulkLoads;

	@Test
	void aLoadIntoADirectoryEmptiedSinceTakesNoIdOfABlockTheApplicationHolds() {
		long first = newActor("Association du premier bloc");
		this.jdbc.sql("delete from actor").update();
		assertThat(this.bulkLoads.intoEmptyDirectory((writer) -> {
			for (int i = 0; i < 3; i++) {
				String name = "Association chargée " + (i + 1);
				writer.actor(new BulkWriter.Actor(writer.actorSlug(name), name, null, actorType(), null, null, null,
						"1 rue de la Paix", "59000", commune(), null, null, null, null, ActorStatus.ACTIVE, true, true,
						null, null, Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z")));
			}
		})).isPresent();
		List<Long> loaded = this.jdbc.sql("select id from actor order by id").query(Long.class).list();
		assertThat(loaded).hasSize(3).allSatisfy((id) -> assertThat(id).isGreaterThan(first));
		// the next id of the application's block is written, not refused as a duplicate
		long next = newActor("Association du même bloc");
		assertThat(next).isNotIn(loaded);
		assertThat(this.jdbc.sql("select count(*) from actor").query(Long.class).single()).isEqualTo(4);
	}

	private long newActor(String name) {
		return this.transactions.execute((status) -> {
			Actor actor = this.writer.newActor(actorFields(name));
			this.writer.flush();
			return actor.getId();
		});
	}

}
