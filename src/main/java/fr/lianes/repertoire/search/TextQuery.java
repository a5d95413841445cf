package fr.lianes.repertoire.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * The words typed, turned into alternative clauses: every word found as typed (with
 * synonyms) weighs most; all the words found together in one field (which is also how a
 * synonym of several words, "activités génératrices de revenus" for "AGR", is found) adds
 * to that; every word found as the start of a name next; every word found with one typo
 * (words of five letters or more) least, so typos find something without outranking exact
 * matches.
 * <p>
 * Whatever was typed, no query syntax reaches the parser: punctuation is dropped and only
 * whitespace separates words, so quotes, stars, tildes, brackets or {@code AND} never
 * fail.
 */
final class TextQuery {

	static final float EXACT_BOOST = 4f;

	static final float TOGETHER_BOOST = 2f;

	static final float PREFIX_BOOST = 2f;

	static final float FUZZY_BOOST = 0.5f;

	/**
	 * Several words found in this order, next to each other but for a word or two, in one
	 * field: the name of a partner, an authority, a title ("Commune de Tanguiéta",
	 * "hôpital de Kayes"), which must outrank the names that merely share one of the
	 * words.
	 */
	static final float PHRASE_BOOST = 4f;

	/** How many positions the words of a phrase may be apart. */
	static final int PHRASE_SLOP = 2;

	/** Longer inputs are not looked for as a phrase: nobody types a name that long. */
	static final int PHRASE_MAX_WORDS = 8;

	/**
	 * Words shorter than this are only matched exactly: one edit would change them too
	 * much.
	 */
	static final int FUZZY_MIN_LENGTH = 5;

	/** The French articles and conjunctions that an apostrophe elides (l'eau, d'Ascq). */
	private static final Pattern ELISION = Pattern.compile("^(?:[cdjlmnst]|qu|jusqu|quoiqu|lorsqu|puisqu)['’]",
			Pattern.CASE_INSENSITIVE);

	private final String words;

	private final String fuzzy;

	private TextQuery(String words, String fuzzy) {
		this.words = words;
		this.fuzzy = fuzzy;
	}

	static TextQuery of(String q) {
		return of(q, null);
	}

	/**
	 * @param q the words typed
	 * @param stemmer the analyzer the fields are indexed with
	 * ({@link SearchAnalyzers#FRENCH}), to look for typos in the words as indexed (a typo
	 * in "villeneuve" is one edit away from the indexed "vileneuv" only once stemmed);
	 * null to look for them as typed
	 */
	static TextQuery of(String q, Analyzer stemmer) {
		String words = q.replaceAll("[^\\p{L}\\p{N}'’\\-]+", " ").strip();
		if (words.chars().noneMatch(Character::isLetterOrDigit)) {
			return new TextQuery("", "");
		}
		return new TextQuery(words, fuzzy(words, stemmer));
	}

	boolean isEmpty() {
		return this.words.isEmpty();
	}

	/** The words kept: letters, digits, apostrophes and hyphens, separated by spaces. */
	String words() {
		return this.words;
	}

	/**
	 * The clauses as a Lucene query, as Hibernate Search builds them from simple query
	 * strings (Lucene's simple query parser with the fields' search analyzers). Typos may
	 * change the first letter too: "dascq" must find the "ascq" of "d'Ascq".
	 * @param target what is searched
	 * @param analyzer the search analyzer of each field of the target's index
	 */
	Query lucene(SearchTarget target, Analyzer analyzer) {
		BooleanQuery.Builder bool = new BooleanQuery.Builder();
		if (this.words.indexOf(' ') < 0) {
			// one word: "all the words together" is the same query as "every word", and
			// scoring it once with both weights gives the same scores for half the work
			bool.add(clause(analyzer, target.textFields(), SimpleQueryParser.WHITESPACE_OPERATOR, this.words,
					EXACT_BOOST + TOGETHER_BOOST), Occur.SHOULD);
		}
		else {
			bool.add(clause(analyzer, target.textFields(), SimpleQueryParser.WHITESPACE_OPERATOR, this.words,
					EXACT_BOOST), Occur.SHOULD)
				.add(clause(analyzer, target.textFields(), 0, this.words, TOGETHER_BOOST), Occur.SHOULD);
			phrase(target, analyzer).ifPresent((phrase) -> bool.add(phrase, Occur.SHOULD));
		}
		bool.add(clause(analyzer, Map.of(target.prefixField(), 1f), SimpleQueryParser.WHITESPACE_OPERATOR, this.words,
				PREFIX_BOOST), Occur.SHOULD);
		if (!this.fuzzy.isEmpty()) {
			bool.add(clause(analyzer, target.typoFields(),
					SimpleQueryParser.WHITESPACE_OPERATOR | SimpleQueryParser.FUZZY_OPERATOR, this.fuzzy, FUZZY_BOOST),
					Occur.SHOULD);
		}
		return bool.build();
	}

	/**
	 * The words as a phrase in one field, if there are few enough of them: synonyms of
	 * several words make a phrase a graph of alternatives, which many words would make
	 * too large.
	 */
	private Optional<Query> phrase(SearchTarget target, Analyzer analyzer) {
		if (this.words.split(" ").length > PHRASE_MAX_WORDS) {
			return Optional.empty();
		}
		try {
			return Optional.of(clause(analyzer, target.textFields(),
					SimpleQueryParser.PHRASE_OPERATOR | SimpleQueryParser.NEAR_OPERATOR,
					"\"" + this.words + "\"~" + PHRASE_SLOP, PHRASE_BOOST));
		}
		catch (IndexSearcher.TooManyClauses ex) {
			return Optional.empty();
		}
	}

	/**
	 * Any of the words (with synonyms) in any of the target's fields, as typed or with
	 * one typo: which of a few known documents the words were found in, and where.
	 */
	Query anyWord(SearchTarget target, Analyzer analyzer) {
		BooleanQuery.Builder bool = new BooleanQuery.Builder();
		bool.add(clause(analyzer, target.textFields(), SimpleQueryParser.WHITESPACE_OPERATOR, this.words, EXACT_BOOST,
				Occur.SHOULD), Occur.SHOULD);
		if (!this.fuzzy.isEmpty()) {
			bool.add(clause(analyzer, target.typoFields(),
					SimpleQueryParser.WHITESPACE_OPERATOR | SimpleQueryParser.FUZZY_OPERATOR, this.fuzzy, FUZZY_BOOST,
					Occur.SHOULD), Occur.SHOULD);
		}
		return bool.build();
	}

	/**
	 * The words with {@code ~1} after those long enough (not counting an elided article),
	 * stemmed as indexed since fuzzy terms skip the analyzer; hyphens split words.
	 */
	String fuzzy() {
		return this.fuzzy;
	}

	private static String fuzzy(String words, Analyzer stemmer) {
		List<String> terms = new ArrayList<>();
		for (String word : words.split("[\\s\\-]+")) {
			String bare = ELISION.matcher(word).replaceFirst("");
			if (bare.codePointCount(0, bare.length()) < FUZZY_MIN_LENGTH) {
				if (!bare.isEmpty()) {
					terms.add(word);
				}
			}
			else if (stemmer == null) {
				for (String part : bare.split("['’]+")) {
					if (!part.isEmpty()) {
						terms.add(part + "~1");
					}
				}
			}
			else {
				// a stop word gives no term, and needs none
				stems(stemmer, bare).forEach((stem) -> terms.add(stem + "~1"));
			}
		}
		return String.join(" ", terms);
	}

	private static List<String> stems(Analyzer stemmer, String word) {
		List<String> stems = new ArrayList<>();
		try (TokenStream tokens = stemmer.tokenStream("", word)) {
			CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
			tokens.reset();
			while (tokens.incrementToken()) {
				stems.add(term.toString());
			}
			tokens.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return stems;
	}

	/**
	 * All the words (or, without operators, the whole text as one) in at least one of the
	 * fields.
	 */
	private static Query clause(Analyzer analyzer, Map<String, Float> fields, int operators, String text, float boost) {
		return clause(analyzer, fields, operators, text, boost, Occur.MUST);
	}

	private static Query clause(Analyzer analyzer, Map<String, Float> fields, int operators, String text, float boost,
			Occur eachWord) {
		SimpleQueryParser parser = new SimpleQueryParser(analyzer, fields, operators);
		parser.setDefaultOperator(eachWord);
		return new BoostQuery(parser.parse(text), boost);
	}

}
