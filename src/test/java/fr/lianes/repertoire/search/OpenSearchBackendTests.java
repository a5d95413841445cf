package fr.lianes.repertoire.search;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.awaitility.Awaitility;
import org.hibernate.search.backend.elasticsearch.ElasticsearchBackend;
import org.hibernate.search.mapper.orm.Search;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import fr.lianes.repertoire.directory.Actor;
import fr.lianes.repertoire.directory.EntityChanges;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The directory on Hibernate Search's Elasticsearch backend, on a real OpenSearch 2.19
 * ({@link OpenSearchTestNode}), as several instances run it: the index is built at start
 * behind aliases, a write is searchable when it returns, a rebuild swaps full indexes,
 * the suggestions (Hibernate Search's backend-neutral API) find actors, and the French
 * analysis gives the same terms as on Lucene.
 */
@SpringBootTest
class OpenSearchBackendTests {

	@Autowired
	private EntityManagerFactory entityManagerFactory;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private PlatformTransactionManager transactionManager;

	@Autowired
	private SearchIndexer indexer;

	@Autowired
	private NameSuggestions suggestions;

	@DynamicPropertySource
	static void openSearch(DynamicPropertyRegistry registry) {
		OpenSearchBackend.configure(registry::add);
	}

	@Test
	void runsOnTheElasticsearchBackendAgainstOpenSearch() {
		ElasticsearchBackend backend = Search.mapping(this.entityManagerFactory)
			.backend()
			.unwrap(ElasticsearchBackend.class);
		assertThat(backend).isNotNull();
		assertThat(OpenSearchTestNode.get("/_cat/aliases?h=alias,index")).contains("actor-read", "actor-write",
				"project-read", "project-write");
	}

	@Test
	void theIndexHoldsThePublishedActorsAndPublicProjects() {
		long actors = this.jdbc.sql("select count(*) from actor where published").query(Long.class).single();
		long projects = this.jdbc.sql("select count(*) from public_project").query(Long.class).single();
		assertThat(actors).isPositive();
		OpenSearchTestNode.send("POST", "/actor-read,project-read/_refresh", "{}");
		assertThat(count("actor-read")).isEqualTo(actors);
		assertThat(count("project-read")).isEqualTo(projects);
	}

	@Test
	void aWriteIsSearchableWhenItReturns() {
		long id = this.jdbc.sql("select id from actor where slug = 'lianes-cooperation'").query(Long.class).single();
		String name = rename(id, "Lianes coopération Zorglub");
		try {
			assertThat(idsNamed("zorglub")).containsExactly(id);
		}
		finally {
			rename(id, name);
		}
		assertThat(idsNamed("zorglub")).isEmpty();
	}

	@Test
	void suggestionsFindAnActorByTheStartOfItsWords() {
		long id = this.jdbc.sql("select id from actor where slug = 'lianes-cooperation'").query(Long.class).single();
		assertThat(this.suggestions.actors("lianes", 5)).contains(id);
		assertThat(this.suggestions.actors("LIAN", 5)).contains(id);
		assertThat(this.suggestions.actors("zzqxw", 5)).isEmpty();
	}

	@Test
	void aRebuildNeverLeavesThePublicWithAPartialIndex() throws Exception {
		long actors = this.jdbc.sql("select count(*) from actor where published").query(Long.class).single();
		String before = indexBehind("actor-read");
		CompletableFuture<Void> rebuild = this.indexer.reindexAll().toCompletableFuture();
		List<Long> seen = new ArrayList<>();
		Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100)).until(() -> {
			seen.add(count("actor-read"));
			return rebuild.isDone();
		});
		rebuild.get();
		seen.add(count("actor-read"));
		assertThat(seen).hasSizeGreaterThan(2).containsOnly(actors);
		String after = indexBehind("actor-read");
		assertThat(after).isNotEqualTo(before);
		assertThat(indexBehind("actor-write")).isEqualTo(after);
		// the node's other indexes (other classes' prefixes, "jvms-actor-000002") are not
		// this one
		assertThat(OpenSearchTestNode.get("/_cat/indices?h=index").lines().map(String::strip)).doesNotContain(before);
	}

	@Test
	void frenchAnalysisGivesTheSameTermsOnBothBackends() throws Exception {
		List<String> texts = List.of("L'Hôpital de Kayes", "d'Ascq – Tanguiéta", "Coopération décentralisée",
				"les eaux potables du Sénégal", "Lianes coopération, OSIM et ECSI", "Grande-Synthe – Sidi Ifni",
				"jusqu'aux communes", "hôpitaux", "ASI", "Burkina Faso", "quoiqu'il en soit, l'EPCI");
		Map<String, Analyzer> lucene = FrenchLuceneAnalyzers.build();
		for (String analyzer : List.of(SearchAnalyzers.FRENCH, SearchAnalyzers.FRENCH_SEARCH,
				SearchAnalyzers.FRENCH_PREFIX)) {
			for (String text : texts) {
				assertThat(openSearchTerms("analyzer", analyzer, text)).as(analyzer + ": " + text)
					.isEqualTo(luceneTerms(lucene.get(analyzer), text));
			}
		}
		for (String text : texts) {
			assertThat(openSearchTerms("normalizer", SearchAnalyzers.SORT, text)).as("sort: " + text)
				.isEqualTo(luceneTerms(lucene.get(SearchAnalyzers.SORT), text));
		}
	}

	/**
	 * Every form of every line of the synonyms, as searched: the same terms at the same
	 * positions over the same lengths (the graph of the alternatives a query is made
	 * from) on both backends; and each longer form as indexed.
	 */
	@Test
	void everySynonymIsAnalysedAlikeOnBothBackends() throws Exception {
		Map<String, Analyzer> lucene = FrenchLuceneAnalyzers.build();
		int forms = 0;
		for (String line : FrenchElasticsearchAnalysis.lines(FrenchAnalysis.SYNONYMS)) {
			for (String form : line.split(",")) {
				String text = form.strip();
				List<String> graph = luceneGraph(lucene.get(SearchAnalyzers.FRENCH_SEARCH), text);
				assertThat(graph).as(text).hasSizeGreaterThan(1);
				assertThat(openSearchGraph(SearchAnalyzers.FRENCH_SEARCH, text)).as("french_search: " + text)
					.isEqualTo(graph);
				assertThat(openSearchGraph(SearchAnalyzers.FRENCH, text)).as("french: " + text)
					.isEqualTo(luceneGraph(lucene.get(SearchAnalyzers.FRENCH), text));
				forms++;
			}
		}
		assertThat(forms).isGreaterThan(30);
	}

	private List<Long> idsNamed(String word) {
		EntityManager entityManager = this.entityManagerFactory.createEntityManager();
		try {
			return Search.session(entityManager)
				.search(Actor.class)
				.select((f) -> f.id(Long.class))
				.where((f) -> f.match().field("name").matching(word))
				.fetchAllHits();
		}
		finally {
			entityManager.close();
		}
	}

	private String rename(long id, String name) {
		return new TransactionTemplate(this.transactionManager).execute((status) -> {
			EntityManager entityManager = EntityManagerFactoryUtils
				.getTransactionalEntityManager(this.entityManagerFactory);
			Actor actor = entityManager.find(Actor.class, id);
			String before = actor.getName();
			EntityChanges.rename(actor, name);
			return before;
		});
	}

	/** The index an alias points to. */
	private static String indexBehind(String alias) {
		Matcher index = Pattern.compile("\"([^\"]+)\":\\{\"aliases\"")
			.matcher(OpenSearchTestNode.get("/_alias/" + alias));
		assertThat(index.find()).isTrue();
		return index.group(1);
	}

	private static long count(String index) {
		Matcher count = Pattern.compile("\"count\":(\\d+)").matcher(OpenSearchTestNode.get("/" + index + "/_count"));
		assertThat(count.find()).isTrue();
		return Long.parseLong(count.group(1));
	}

	/**
	 * Each term with its position, as OpenSearch's _analyze gives them on the actors'
	 * index.
	 */
	private static List<String> openSearchTerms(String kind, String name, String text) {
		String body = "{\"" + kind + "\": \"" + name + "\", \"text\": \"" + text.replace("\"", "\\\"") + "\"}";
		String tokens = OpenSearchTestNode.send("POST", "/actor-read/_analyze", body);
		List<String> terms = new ArrayList<>();
		Matcher token = Pattern.compile("\"token\":\"((?:[^\"\\\\]|\\\\.)*)\".*?\"position\":(\\d+)").matcher(tokens);
		while (token.find()) {
			terms.add(token.group(2) + ":" + token.group(1));
		}
		return terms;
	}

	/** Each term with its position and its length in positions, from OpenSearch. */
	private static List<String> openSearchGraph(String analyzer, String text) {
		JsonObject body = new JsonObject();
		body.addProperty("analyzer", analyzer);
		body.addProperty("text", text);
		JsonObject tokens = JsonParser
			.parseString(OpenSearchTestNode.send("POST", "/actor-read/_analyze", body.toString()))
			.getAsJsonObject();
		List<String> terms = new ArrayList<>();
		for (JsonElement each : tokens.getAsJsonArray("tokens")) {
			JsonObject token = each.getAsJsonObject();
			int length = token.has("positionLength") ? token.get("positionLength").getAsInt() : 1;
			terms.add(token.get("position").getAsInt() + ":" + token.get("token").getAsString() + "/" + length);
		}
		return terms;
	}

	/** The same from Lucene. */
	private static List<String> luceneGraph(Analyzer analyzer, String text) throws Exception {
		List<String> terms = new ArrayList<>();
		try (TokenStream stream = analyzer.tokenStream("field", text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
			PositionLengthAttribute length = stream.addAttribute(PositionLengthAttribute.class);
			stream.reset();
			int position = -1;
			while (stream.incrementToken()) {
				position += increment.getPositionIncrement();
				terms.add(position + ":" + term + "/" + length.getPositionLength());
			}
			stream.end();
		}
		return terms;
	}

	/** The same without the lengths: "position:term". */
	private static List<String> luceneTerms(Analyzer analyzer, String text) throws Exception {
		return luceneGraph(analyzer, text).stream().map((term) -> term.substring(0, term.lastIndexOf('/'))).toList();
	}

}
