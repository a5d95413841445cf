package fr.lianes.repertoire.search;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Lucene and Elasticsearch analysis configurers define the same analyzers and
 * normalizers, which the mapping refers to by name. This records what each configurer
 * declares; {@link OpenSearchBackendTests} runs both analyses on French text (Lucene's,
 * and OpenSearch's on the index Hibernate Search created) and compares their terms.
 */
class AnalysisConfigurersTests {

	/** Token filters every Elasticsearch and OpenSearch cluster has. */
	private static final Set<String> BUILT_IN_FILTERS = Set.of("lowercase", "asciifolding");

	@Test
	void bothBackendsDefineTheSameAnalyzersAndNormalizers() {
		Recorder lucene = new Recorder();
		new FrenchAnalysis().configure(lucene.proxy(LuceneAnalysisConfigurationContext.class));
		Recorder elasticsearch = new Recorder();
		new FrenchElasticsearchAnalysis()
			.configure(elasticsearch.proxy(ElasticsearchAnalysisConfigurationContext.class));

		assertThat(lucene.named("analyzer")).containsExactlyInAnyOrder(SearchAnalyzers.FRENCH,
				SearchAnalyzers.FRENCH_SEARCH, SearchAnalyzers.FRENCH_PREFIX);
		assertThat(elasticsearch.named("analyzer")).isEqualTo(lucene.named("analyzer"));
		assertThat(lucene.named("normalizer")).containsExactly(SearchAnalyzers.SORT);
		assertThat(elasticsearch.named("normalizer")).isEqualTo(lucene.named("normalizer"));
	}

	@Test
	void elasticsearchAnalyzersUseOnlyDefinedOrBuiltInFilters() {
		Recorder elasticsearch = new Recorder();
		new FrenchElasticsearchAnalysis()
			.configure(elasticsearch.proxy(ElasticsearchAnalysisConfigurationContext.class));
		Set<String> known = new TreeSet<>(BUILT_IN_FILTERS);
		known.addAll(elasticsearch.named("tokenFilter"));
		assertThat(elasticsearch.argumentsOf("tokenFilters")).isNotEmpty()
			.allSatisfy((name) -> assertThat(known).contains(name));
	}

	@Test
	void elasticsearchGetsTheStopWordsAndSynonymsInline() {
		assertThat(FrenchElasticsearchAnalysis.lines(FrenchAnalysis.STOP_WORDS)).contains("au", "aux")
			.noneMatch((line) -> line.startsWith("#"));
		assertThat(FrenchElasticsearchAnalysis.lines(FrenchAnalysis.SYNONYMS))
			.anyMatch((line) -> line.startsWith("osim,"))
			.noneMatch((line) -> line.startsWith("#"));
	}

	@Test
	void theElasticsearchBackendGetsItsOwnConfigurer() {
		Map<String, Object> lucene = new HashMap<>(Map.of(SearchBackendAnalysis.BACKEND_TYPE, "lucene",
				SearchBackendAnalysis.CONFIGURER, "bean:" + FrenchAnalysis.BEAN_NAME));
		new SearchBackendAnalysis().customize(lucene);
		assertThat(lucene).containsEntry(SearchBackendAnalysis.CONFIGURER, "bean:" + FrenchAnalysis.BEAN_NAME);

		Map<String, Object> elasticsearch = new HashMap<>(lucene);
		elasticsearch.put(SearchBackendAnalysis.BACKEND_TYPE, "elasticsearch");
		new SearchBackendAnalysis().customize(elasticsearch);
		assertThat(elasticsearch).containsEntry(SearchBackendAnalysis.CONFIGURER,
				"bean:" + FrenchElasticsearchAnalysis.BEAN_NAME);
	}

	/**
	 * Records the calls of a configuration DSL: every call returns a recording stub of
	 * the returned interface.
	 */
	private static final class Recorder {

		private final List<Object[]> calls = new ArrayList<>();

		private final List<String> methods = new ArrayList<>();

		<T> T proxy(Class<T> type) {
			return type
				.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, (proxy, method, args) -> {
					if (method.getDeclaringClass() == Object.class) {
						return switch (method.getName()) {
							case "hashCode" -> System.identityHashCode(proxy);
							case "equals" -> proxy == args[0];
							default -> type.getName();
						};
					}
					this.methods.add(method.getName());
					this.calls.add((args != null) ? args : new Object[0]);
					Class<?> returned = method.getReturnType();
					return returned.isInterface() ? proxy(returned) : null;
				}));
		}

		/** The first argument of each call of a method that names something. */
		Set<String> named(String method) {
			Set<String> names = new TreeSet<>();
			for (int i = 0; i < this.methods.size(); i++) {
				if (this.methods.get(i).equals(method)) {
					names.add((String) this.calls.get(i)[0]);
				}
			}
			return names;
		}

		/** All the string arguments of every call of a method with varargs. */
		List<String> argumentsOf(String method) {
			List<String> arguments = new ArrayList<>();
			for (int i = 0; i < this.methods.size(); i++) {
				if (this.methods.get(i).equals(method)) {
					for (Object argument : this.calls.get(i)) {
						if (argument instanceof String[] values) {
							arguments.addAll(List.of(values));
						}
					}
				}
			}
			return arguments;
		}

	}

}
