package fr.lianes.repertoire.search;

import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Puts {@code repertoire.search.index-prefix} before the names of the indexes and aliases
 * on an Elasticsearch or OpenSearch cluster ({@link PrefixedIndexLayout}): several
 * directories on one cluster, each with indexes of its own. Without a prefix, Hibernate
 * Search's own names ({@code actor-read}, {@code actor-write}…); the Lucene index has no
 * names to change.
 */
@Component
class IndexNamePrefix implements HibernatePropertiesCustomizer {

	static final String LAYOUT = "hibernate.search.backend.layout.strategy";

	private final String prefix;

	IndexNamePrefix(@Value("${repertoire.search.index-prefix:}") String prefix) {
		this.prefix = prefix.strip();
	}

	@Override
	public void customize(Map<String, Object> properties) {
		if (StringUtils.hasText(this.prefix)
				&& "elasticsearch".equals(String.valueOf(properties.get(SearchBackendAnalysis.BACKEND_TYPE)).strip())) {
			properties.put(LAYOUT, new PrefixedIndexLayout(this.prefix));
		}
	}

}
