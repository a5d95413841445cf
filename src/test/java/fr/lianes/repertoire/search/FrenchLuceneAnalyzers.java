package fr.lianes.repertoire.search;

import java.lang.reflect.Proxy;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenizerFactory;
import org.apache.lucene.analysis.core.KeywordTokenizerFactory;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.util.ClasspathResourceLoader;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;

/**
 * The analyzers and normalizers that {@link FrenchAnalysis} declares, built as plain
 * Lucene analyzers from its own calls (recorded, then replayed on Lucene's
 * {@link CustomAnalyzer}): the Lucene side of a comparison with another backend, without
 * a Lucene-backed application context.
 */
final class FrenchLuceneAnalyzers {

	private FrenchLuceneAnalyzers() {
	}

	static Map<String, Analyzer> build() throws Exception {
		Replay replay = new Replay();
		new FrenchAnalysis().configure(replay.proxy(LuceneAnalysisConfigurationContext.class));
		return replay.build();
	}

	private static final class Replay {

		private final Map<String, Definition> definitions = new LinkedHashMap<>();

		private Definition current;

		private Map<String, String> params;

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
					switch (method.getName()) {
						case "analyzer", "normalizer" -> {
							this.current = new Definition(method.getName().equals("normalizer"));
							this.definitions.put((String) args[0], this.current);
						}
						case "tokenizer" -> {
							this.params = new LinkedHashMap<>();
							this.current.tokenizer = asTokenizer(args[0]);
							this.current.tokenizerParams = this.params;
						}
						case "tokenFilter" -> {
							this.params = new LinkedHashMap<>();
							this.current.filters.put(asFilter(args[0]), this.params);
						}
						case "param" -> this.params.put((String) args[0], String.valueOf(args[1]));
						case "custom" -> {
						}
						default -> throw new IllegalStateException("Not replayed: " + method);
					}
					Class<?> returned = method.getReturnType();
					return returned.isInterface() ? proxy(returned) : null;
				}));
		}

		@SuppressWarnings("unchecked")
		private static Class<? extends TokenizerFactory> asTokenizer(Object argument) {
			return (Class<? extends TokenizerFactory>) argument;
		}

		@SuppressWarnings("unchecked")
		private static Class<? extends TokenFilterFactory> asFilter(Object argument) {
			return (Class<? extends TokenFilterFactory>) argument;
		}

		Map<String, Analyzer> build() throws Exception {
			Map<String, Analyzer> analyzers = new LinkedHashMap<>();
			for (Map.Entry<String, Definition> entry : this.definitions.entrySet()) {
				Definition definition = entry.getValue();
				CustomAnalyzer.Builder builder = CustomAnalyzer
					.builder(new ClasspathResourceLoader(FrenchAnalysis.class.getClassLoader()));
				if (definition.normalizer) {
					builder.withTokenizer(KeywordTokenizerFactory.class);
				}
				else {
					builder.withTokenizer(definition.tokenizer, new LinkedHashMap<>(definition.tokenizerParams));
				}
				for (Map.Entry<Class<? extends TokenFilterFactory>, Map<String, String>> filter : definition.filters
					.entrySet()) {
					builder.addTokenFilter(filter.getKey(), new LinkedHashMap<>(filter.getValue()));
				}
				analyzers.put(entry.getKey(), builder.build());
			}
			return analyzers;
		}

	}

	private static final class Definition {

		private final boolean normalizer;

		private Class<? extends TokenizerFactory> tokenizer;

		private Map<String, String> tokenizerParams = Map.of();

		private final Map<Class<? extends TokenFilterFactory>, Map<String, String>> filters = new LinkedHashMap<>();

		Definition(boolean normalizer) {
			this.normalizer = normalizer;
		}

	}

}
