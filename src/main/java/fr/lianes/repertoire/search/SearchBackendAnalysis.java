package fr.lianes.repertoire.search;

import java.util.Map;

import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.stereotype.Component;

/**
 * Chooses the analysis configurer of the backend in use: {@link FrenchAnalysis} for the
 * embedded Lucene index (application.yaml), {@link FrenchElasticsearchAnalysis} when
 * {@code hibernate.search.backend.type} is {@code elasticsearch} (an Elasticsearch or
 * OpenSearch cluster), so that switching the backend needs no other analysis setting.
 */
@Component
class SearchBackendAnalysis implements HibernatePropertiesCustomizer {

	static final String BACKEND_TYPE = "hibernate.search.backend.type";

	static final String CONFIGURER = "hibernate.search.backend.analysis.configurer";

	@Override
	public void customize(Map<String, Object> properties) {
		if ("elasticsearch".equals(String.valueOf(properties.get(BACKEND_TYPE)).strip())) {
			properties.put(CONFIGURER, "bean:" + FrenchElasticsearchAnalysis.BEAN_NAME);
		}
	}

}
