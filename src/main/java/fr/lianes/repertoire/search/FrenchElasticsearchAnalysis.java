package fr.lianes.repertoire.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurationContext;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurer;

import org.springframework.stereotype.Component;

/**
 * {@link FrenchAnalysis} for an Elasticsearch or OpenSearch backend: the same analyzer
 * and normalizer names, the same chain with the cluster's built-in components (elision,
 * lowercase, asciifolding, stop, light_french stemmer, synonym_graph, edge_ngram). The
 * stop words and synonyms are read from the same files and sent inline, so that nothing
 * has to be copied to the cluster's nodes. Selected by {@link SearchBackendAnalysis} when
 * {@code hibernate.search.backend.type} is {@code elasticsearch}.
 * <p>
 * One difference: the cluster analyses the synonym rules with the filters before them
 * (accents folded too), where Lucene's factory only lowercases them; the rules are
 * written without accents, so both read them alike.
 */
@Component(FrenchElasticsearchAnalysis.BEAN_NAME)
public class FrenchElasticsearchAnalysis implements ElasticsearchAnalysisConfigurer {

	/** The bean name that {@link SearchBackendAnalysis} refers to. */
	public static final String BEAN_NAME = "frenchElasticsearchAnalysis";

	/** Lucene's French articles, which its elision factory uses by default. */
	private static final String[] ARTICLES = { "l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu",
			"lorsqu", "puisqu" };

	private static final String ELISION = "french_elision";

	private static final String STOP = "french_stop";

	private static final String STEMMER = "french_light_stem";

	private static final String SYNONYMS = "french_synonyms";

	private static final String PREFIXES = "french_prefixes";

	@Override
	public void configure(ElasticsearchAnalysisConfigurationContext context) {
		context.tokenFilter(ELISION).type("elision").param("articles", ARTICLES).param("articles_case", true);
		context.tokenFilter(STOP)
			.type("stop")
			.param("stopwords", lines(FrenchAnalysis.STOP_WORDS).toArray(String[]::new))
			.param("ignore_case", true);
		context.tokenFilter(STEMMER).type("stemmer").param("language", "light_french");
		context.tokenFilter(SYNONYMS)
			.type("synonym_graph")
			.param("synonyms", lines(FrenchAnalysis.SYNONYMS).toArray(String[]::new))
			.param("expand", true);
		context.tokenFilter(PREFIXES)
			.type("edge_ngram")
			.param("min_gram", 2)
			.param("max_gram", 15)
			.param("preserve_original", true);

		context.analyzer(SearchAnalyzers.FRENCH)
			.custom()
			.tokenizer("standard")
			.tokenFilters(ELISION, "lowercase", "asciifolding", STOP, STEMMER);
		context.analyzer(SearchAnalyzers.FRENCH_SEARCH)
			.custom()
			.tokenizer("standard")
			.tokenFilters(ELISION, "lowercase", "asciifolding", SYNONYMS, STOP, STEMMER);
		context.analyzer(SearchAnalyzers.FRENCH_PREFIX)
			.custom()
			.tokenizer("standard")
			.tokenFilters(ELISION, "lowercase", "asciifolding", STOP, STEMMER, PREFIXES);
		context.normalizer(SearchAnalyzers.SORT).custom().tokenFilters("lowercase", "asciifolding");
	}

	/** The lines of a classpath file, without comments and blank lines. */
	static List<String> lines(String resource) {
		try (InputStream in = FrenchElasticsearchAnalysis.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Missing " + resource);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.map(String::strip)
				.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
