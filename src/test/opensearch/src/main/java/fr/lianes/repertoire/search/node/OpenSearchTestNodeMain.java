package fr.lianes.repertoire.search.node;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.logging.LogConfigurator;
import org.opensearch.common.settings.Settings;
import org.opensearch.index.reindex.ReindexPlugin;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.transport.Netty4Plugin;

/**
 * One OpenSearch node for the tests, started from OpenSearch's Maven artifacts with its
 * plugins on the class path (HTTP through Netty; the common analysis: elision, stemmers,
 * synonyms, edge n-grams; delete by query, which Hibernate Search's mass indexer purges
 * with), as OpenSearch's own test framework starts its nodes. Arguments: the
 * HTTP port and the node's home (its data and logs go under it). Single node, no security
 * (the plugin is not there). The node stops when its standard input closes: the test JVM that
 * started it holds that pipe, so the node does not outlive it, even killed.
 */
public final class OpenSearchTestNodeMain {

	private OpenSearchTestNodeMain() {
	}

	public static void main(String[] args) throws Exception {
		int httpPort = Integer.parseInt(args[0]);
		Path home = Path.of(args[1]).toAbsolutePath();
		Settings settings = Settings.builder()
			.put("cluster.name", "repertoire-tests")
			.put("node.name", "repertoire-test-node")
			.put("path.home", home.toString())
			.put("path.data", home.resolve("data").toString())
			.put("path.logs", home.resolve("logs").toString())
			.put("discovery.type", "single-node")
			.put("network.host", "127.0.0.1")
			.put("http.port", httpPort)
			.put("transport.port", "0")
			.put("cluster.routing.allocation.disk.threshold_enabled", false)
			.put("action.auto_create_index", false)
			.build();
		LogConfigurator.registerErrorListener();
		LogConfigurator.configureWithoutConfig(settings);
		TestNode node = new TestNode(settings);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> close(node), "opensearch-test-node-stop"));
		node.start();
		System.out.println("OpenSearch test node started on port " + httpPort);
		while (System.in.read() != -1) {
			// the test JVM writes nothing: end of input means it is gone
		}
		System.exit(0);
	}

	private static void close(Node node) {
		try {
			node.close();
		}
		catch (IOException ex) {
			ex.printStackTrace();
		}
	}

	static final class TestNode extends Node {

		TestNode(Settings settings) {
			super(InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), null, () -> "repertoire-test-node"),
					List.of(Netty4Plugin.class, CommonAnalysisPlugin.class, ReindexPlugin.class), true);
		}

	}

}
