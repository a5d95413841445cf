package fr.lianes.repertoire.search;

import fr.lianes.repertoire.testing.CensusWebTest;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The relevance suite inside the demo directory (~1,950 actors, in a database of its own
 * so that the other tests' demo stays as generated): the suite's actors are entered and
 * approved over HTTP among them, and must still come first, or share the first ranks with
 * actors of the demo named after the same places.
 */
@TestPropertySource(properties = { "repertoire.embedded-db.database=relevance_demo",
		"spring.datasource.hikari.maximum-pool-size=" + CensusWebTest.POOL_SIZE })
class DemoDirectoryRelevanceTests extends ChainRelevanceTest {

	@Override
	boolean demo() {
		return true;
	}

	@Test
	void theSuitesActorsAreAmongTheDemoDirectory() {
		assertThat(this.jdbc.sql("select count(*) from actor").query(Long.class).single())
			.isGreaterThan(1900L + RelevanceActors.all().size());
	}

}
