package fr.lianes.repertoire.search;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link RelevanceTests} on Hibernate Search's Elasticsearch backend, on the OpenSearch
 * test node: the words mean the same there (same fields, boosts, analysis, typos). On a
 * database and indexes of its own.
 */
@SpringBootTest(properties = { "repertoire.embedded-db.database=relevance_os", "repertoire.demo.load-on-empty=false" })
class OpenSearchRelevanceTests extends RelevanceTests {

	@DynamicPropertySource
	static void openSearch(DynamicPropertyRegistry registry) {
		OpenSearchBackend.configure(registry::add, "relevance-");
	}

}
