package fr.lianes.repertoire.directory.bulk;

import java.time.Instant;
import java.util.List;

import fr.lianes.repertoire.directory.ActorStatus;
import fr.lianes.repertoire.directory.BulkWriter;
import fr.lianes.repertoire.directory.bulk.CopyBulkWriter.FirstIds;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The bulk writer hands out ids from the first free ones and slugs that no actor, no old
 * address and no earlier row of the load has (rows below COPY's flush threshold stay
 * buffered: no database needed).
 */
class CopyBulkWriterTests {

	private final CopyBulkWriter writer = new CopyBulkWriter(null, new FirstIds(40, 1, 1, 7, 12),
			List.of("ville-de-lille", "ville-de-lille-2"), List.of("jumelage"));

	@Test
	void slugsAreUniqueAmongTheTakenOnesAndThoseHandedOut() {
		assertThat(this.writer.actorSlug("Ville de Lille")).isEqualTo("ville-de-lille-3");
		assertThat(this.writer.actorSlug("Ville de Lille")).isEqualTo("ville-de-lille-4");
		assertThat(this.writer.actorSlug("Ville de Roubaix")).isEqualTo("ville-de-roubaix");
	}

	@Test
	void idsFollowTheFirstFreeOnes() {
		assertThat(this.writer.actor(actor(this.writer.actorSlug("CEFIR")))).isEqualTo(40);
		assertThat(this.writer.actor(actor(this.writer.actorSlug("Lianes coopération")))).isEqualTo(41);
		assertThat(this.writer.partner("AADACT", "BJ", "Tanguiéta")).isEqualTo(7);
		assertThat(this.writer.actors()).isEqualTo(2);
	}

	@Test
	void anActorTakesOnlyASlugHandedOutForIt() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.writer.actor(actor("ville-de-lille")));
		String slug = this.writer.actorSlug("Ville de Lille");
		this.writer.actor(actor(slug));
		assertThatIllegalArgumentException().as("used already").isThrownBy(() -> this.writer.actor(actor(slug)));
	}

	private static BulkWriter.Actor actor(String slug) {
		Instant at = Instant.parse("2026-03-01T08:00:00Z");
		return new BulkWriter.Actor(slug, "Nom", null, "association", null, null, "Description", "1 rue de la Paix",
				"59000", "59350", null, null, null, null, ActorStatus.ACTIVE, true, true, null, null, at, at);
	}

}
