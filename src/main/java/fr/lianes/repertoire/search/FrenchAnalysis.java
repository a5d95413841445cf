package fr.lianes.repertoire.search;

import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.core.StopFilterFactory;
import org.apache.lucene.analysis.fr.FrenchLightStemFilterFactory;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilterFactory;
import org.apache.lucene.analysis.ngram.EdgeNGramFilterFactory;
import org.apache.lucene.analysis.standard.StandardTokenizerFactory;
import org.apache.lucene.analysis.synonym.SynonymGraphFilterFactory;
import org.apache.lucene.analysis.util.ElisionFilterFactory;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;
import org.hibernate.search.backend.lucene.analysis.model.dsl.LuceneAnalysisOptionalComponentsStep;

import org.springframework.stereotype.Component;

/**
 * The French analysis of the whole index, in one place. Referenced by bean name from
 * {@code hibernate.search.backend.analysis.configurer}; the names are the constants of
 * {@link SearchAnalyzers}.
 * <p>
 * Each analyzer: standard tokenizer, elision (l', d', qu', jusqu'... Lucene's French
 * articles), lowercase, accent folding, a few stop words, light French stemming. Synonyms
 * apply when searching only, so that editing {@code search/synonyms-fr.txt} needs no
 * reindexing. Accents are folded before the stemmer sees the words, so "Sénégal",
 * "senegal" and "SENEGAL" are one term.
 */
@Component(FrenchAnalysis.BEAN_NAME)
public class FrenchAnalysis implements LuceneAnalysisConfigurer {

	/** The bean name that the configuration refers to. */
	public static final String BEAN_NAME = "frenchAnalysis";

	static final String SYNONYMS = "search/synonyms-fr.txt";

	static final String STOP_WORDS = "search/stopwords-fr.txt";

	@Override
	public void configure(LuceneAnalysisConfigurationContext context) {
		stemmed(words(context, SearchAnalyzers.FRENCH));
		stemmed(words(context, SearchAnalyzers.FRENCH_SEARCH).tokenFilter(SynonymGraphFilterFactory.class)
			.param("synonyms", SYNONYMS)
			.param("ignoreCase", "true")
			.param("expand", "true"));
		stemmed(words(context, SearchAnalyzers.FRENCH_PREFIX)).tokenFilter(EdgeNGramFilterFactory.class)
			.param("minGramSize", "2")
			.param("maxGramSize", "15")
			.param("preserveOriginal", "true");
		context.normalizer(SearchAnalyzers.SORT)
			.custom()
			.tokenFilter(LowerCaseFilterFactory.class)
			.tokenFilter(ASCIIFoldingFilterFactory.class);
	}

	/** Words without elided articles (l', d'...), in lower case, without accents. */
	private static LuceneAnalysisOptionalComponentsStep words(LuceneAnalysisConfigurationContext context, String name) {
		return context.analyzer(name)
			.custom()
			.tokenizer(StandardTokenizerFactory.class)
			.tokenFilter(ElisionFilterFactory.class)
			.param("ignoreCase", "true")
			.tokenFilter(LowerCaseFilterFactory.class)
			.tokenFilter(ASCIIFoldingFilterFactory.class);
	}

	/** Then without stop words, reduced to their light French stem. */
	private static LuceneAnalysisOptionalComponentsStep stemmed(LuceneAnalysisOptionalComponentsStep words) {
		return words.tokenFilter(StopFilterFactory.class)
			.param("words", STOP_WORDS)
			.param("ignoreCase", "true")
			.tokenFilter(FrenchLightStemFilterFactory.class);
	}

}
