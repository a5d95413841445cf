package fr.lianes.repertoire.search;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenSearch node the tests search on is a real OpenSearch 2.19.6, with the analysis
 * the directory's French analysis needs.
 */
class OpenSearchTestNodeTests {

	@Test
	void answersAsOpenSearch2196() {
		assertThat(OpenSearchTestNode.get("/")).contains("\"distribution\" : \"opensearch\"")
			.contains("\"number\" : \"2.19.6\"");
		assertThat(OpenSearchTestNode.get("/_cluster/health")).containsPattern("\"status\":\"(green|yellow)\"");
	}

	@Test
	void analysesFrenchWithTheCommonAnalysisPlugin() {
		String tokens = OpenSearchTestNode.send("POST", "/_analyze", """
				{"tokenizer": "standard",
				 "filter": [{"type": "elision", "articles": ["l"]}, "lowercase", "asciifolding",
				            {"type": "stemmer", "language": "light_french"}],
				 "text": "l’Hôpital de Kayes"}""");
		assertThat(tokens).contains("\"token\":\"hopital\"").contains("\"token\":\"kaye\"");
	}

}
