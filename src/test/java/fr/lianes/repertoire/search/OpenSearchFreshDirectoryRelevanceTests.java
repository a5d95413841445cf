package fr.lianes.repertoire.search;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The end-to-end relevance suite ({@link FreshDirectoryRelevanceTests}: actors entered
 * and approved over HTTP, then typed into /acteurs) on Hibernate Search's Elasticsearch
 * backend, on the OpenSearch test node. On a database and indexes of its own.
 */
@TestPropertySource(properties = "repertoire.embedded-db.database=relevance_chaine_os")
class OpenSearchFreshDirectoryRelevanceTests extends FreshDirectoryRelevanceTests {

	@Autowired
	private DirectorySearch search;

	@DynamicPropertySource
	static void openSearch(DynamicPropertyRegistry registry) {
		OpenSearchBackend.configure(registry::add, "chain-");
	}

	@Test
	void runsOnOpenSearch() {
		assertThat(this.search.onLucene()).isFalse();
		assertThat(OpenSearchTestNode.get("/_cat/aliases?h=alias")).contains("chain-actor-read");
	}

}
