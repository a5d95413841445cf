package fr.lianes.repertoire.search;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hibernate.search.backend.elasticsearch.index.layout.IndexLayoutStrategy;

/**
 * Hibernate Search's simple index layout (index {@code actor-000001} behind the aliases
 * {@code actor-read} and {@code actor-write}) with a prefix before every name, so that
 * several directories (a staging and a production site, the tests' contexts) share one
 * OpenSearch cluster without sharing an index: {@code repertoire.search.index-prefix}
 * ({@link IndexNamePrefix}).
 */
final class PrefixedIndexLayout implements IndexLayoutStrategy {

	private static final Pattern GENERATION = Pattern.compile("^(.*)-\\d{6}$");

	private final String prefix;

	PrefixedIndexLayout(String prefix) {
		this.prefix = prefix;
	}

	@Override
	public String createInitialElasticsearchIndexName(String index) {
		return this.prefix + index + "-000001";
	}

	@Override
	public String createWriteAlias(String index) {
		return this.prefix + index + "-write";
	}

	@Override
	public String createReadAlias(String index) {
		return this.prefix + index + "-read";
	}

	@Override
	public String extractUniqueKeyFromHibernateSearchIndexName(String index) {
		return this.prefix + index;
	}

	@Override
	public String extractUniqueKeyFromElasticsearchIndexName(String index) {
		Matcher matcher = GENERATION.matcher(index);
		return matcher.matches() ? matcher.group(1) : index;
	}

	@Override
	public String toString() {
		return "PrefixedIndexLayout[" + this.prefix + "]";
	}

}
