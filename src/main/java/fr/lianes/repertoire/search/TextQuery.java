package fr.lianes.repertoire.search;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import org.hibernate.search.engine.search.common.BooleanOperator;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.predicate.dsl.SimpleQueryFlag;
import org.hibernate.search.engine.search.predicate.dsl.SimpleQueryStringPredicateFieldMoreStep;
import org.hibernate.search.engine.search.predicate.dsl.SimpleQueryStringPredicateOptionsStep;

/**
 * The words typed, turned into three alternative clauses: every word found as typed (with
 * synonyms) weighs most, every word found as the start of a name next, every word found
 * with one typo (words of five letters or more) least, so typos find something without
 * outranking exact matches.
 * <p>
 * Whatever was typed, no query syntax reaches the parser: punctuation is dropped and only
 * whitespace separates words, so quotes, stars, tildes, brackets or {@code AND} never
 * fail.
 */
final class TextQuery {

	static final float EXACT_BOOST = 4f;

	static final float PREFIX_BOOST = 2f;

	static final float FUZZY_BOOST = 0.5f;

	/**
	 * Words shorter than this are only matched exactly: one edit would change them too
	 * much.
	 */
	static final int FUZZY_MIN_LENGTH = 5;

	private final String words;

	private TextQuery(String words) {
		this.words = words;
	}

	static TextQuery of(String q) {
		String words = q.replaceAll("[^\\p{L}\\p{N}'’\\-]+", " ").strip();
		return new TextQuery(words.chars().anyMatch(Character::isLetterOrDigit) ? words : "");
	}

	boolean isEmpty() {
		return this.words.isEmpty();
	}

	PredicateFinalStep predicate(SearchPredicateFactory f, SearchTarget target) {
		return f.bool()
			.should(clause(f, target.textFields(), this.words).defaultOperator(BooleanOperator.AND)
				.flags(SimpleQueryFlag.WHITESPACE)
				.boost(EXACT_BOOST))
			.should(clause(f, Map.of(target.prefixField(), 1f), this.words).defaultOperator(BooleanOperator.AND)
				.flags(SimpleQueryFlag.WHITESPACE)
				.boost(PREFIX_BOOST))
			.should(clause(f, target.textFields(), fuzzy()).defaultOperator(BooleanOperator.AND)
				.flags(SimpleQueryFlag.WHITESPACE, SimpleQueryFlag.FUZZY)
				.boost(FUZZY_BOOST));
	}

	/**
	 * The words with {@code ~1} after those long enough; elisions and hyphens split
	 * words, since fuzzy terms skip the analyzer's elision.
	 */
	String fuzzy() {
		return Arrays.stream(this.words.split("[\\s'’\\-]+"))
			.filter((word) -> !word.isEmpty())
			.map((word) -> (word.codePointCount(0, word.length()) >= FUZZY_MIN_LENGTH) ? word + "~1" : word)
			.collect(Collectors.joining(" "));
	}

	private static SimpleQueryStringPredicateOptionsStep<?> clause(SearchPredicateFactory f, Map<String, Float> fields,
			String text) {
		SimpleQueryStringPredicateFieldMoreStep<?, ?, ?> step = null;
		for (Map.Entry<String, Float> field : fields.entrySet()) {
			step = (step == null) ? f.simpleQueryString().field(field.getKey()).boost(field.getValue())
					: step.field(field.getKey()).boost(field.getValue());
		}
		return step.matching(text);
	}

}
