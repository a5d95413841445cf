package fr.lianes.repertoire.search;

import fr.lianes.repertoire.testing.CensusWebTest;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The relevance suite on a directory started as production starts it (no demo data, no
 * census campaign) that holds only the suite's actors, entered and approved over HTTP.
 */
@TestPropertySource(
		properties = { "repertoire.embedded-db.database=relevance_chaine", "repertoire.demo.load-on-empty=false",
				"spring.datasource.hikari.maximum-pool-size=" + CensusWebTest.POOL_SIZE })
class FreshDirectoryRelevanceTests extends ChainRelevanceTest {

	@Override
	boolean demo() {
		return false;
	}

	@Test
	void theDirectoryHoldsOnlyTheSuitesActorsAndNoCampaign() {
		assertThat(this.jdbc.sql("select count(*) from actor").query(Long.class).single())
			.isEqualTo(RelevanceActors.all().size());
		assertThat(this.jdbc.sql("select count(*) from census_campaign").query(Long.class).single()).isZero();
		assertThat(this.jdbc.sql("select count(*) from submission where campaign_id is not null")
			.query(Long.class)
			.single()).isZero();
	}

}
