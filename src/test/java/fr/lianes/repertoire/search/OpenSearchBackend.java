package fr.lianes.repertoire.search;

import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * The settings that switch a test context to Hibernate Search's Elasticsearch backend on
 * the OpenSearch test node: the same settings an instance of a cluster is given (README,
 * "Running several instances"), the address aside. No outbox-polling coordination: its
 * artifact (hibernate-search-mapper-orm-outbox-polling 8.3.0.Final) is not served by the
 * registry this build reaches; each instance indexes its own writes into the shared
 * cluster, before the request that made them returns.
 */
public final class OpenSearchBackend {

	private static final String HS = "spring.jpa.properties.hibernate.search.";

	private OpenSearchBackend() {
	}

	/** The settings, the address read when the context starts (the node started then). */
	public static void configure(BiConsumer<String, Supplier<Object>> registry) {
		registry.accept(HS + "backend.uris", OpenSearchTestNode::uri);
		settings().forEach((key, value) -> registry.accept(key, () -> value));
	}

	/**
	 * The same, every index and alias named with {@code prefix} first
	 * ({@code repertoire.search.index-prefix}): for each context that shares the node
	 * with another, on a database of its own.
	 */
	public static void configure(BiConsumer<String, Supplier<Object>> registry, String prefix) {
		configure(registry);
		registry.accept("repertoire.search.index-prefix", () -> prefix);
	}

	static Map<String, Object> settings() {
		return Map.of(HS + "backend.type", "elasticsearch");
	}

}
