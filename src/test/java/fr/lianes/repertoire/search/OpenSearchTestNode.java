package fr.lianes.repertoire.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.awaitility.Awaitility;

import org.springframework.util.FileSystemUtils;
import org.springframework.util.StringUtils;

/**
 * One real OpenSearch 2.19 node per test JVM, in a JVM of its own, started on first use
 * and shared by every test class of the JVM; stopped when the test JVM ends. Its class
 * path is OpenSearch's artifacts only (src/test/opensearch/pom.xml, resolved by the build
 * into target/opensearch-node/classpath.txt): OpenSearch's Lucene, Netty and Jackson
 * never meet the application's. A free HTTP port, its data under target/opensearch-N (N
 * the test JVM's number), a 512 MB heap (or {@code repertoire.opensearch.heap}), one
 * node, no security.
 */
public final class OpenSearchTestNode {

	/** Built by maven-invoker-plugin at generate-test-resources. */
	static final Path BUILD = Path.of("target", "opensearch-node");

	private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

	private static volatile String uri;

	private OpenSearchTestNode() {
	}

	/**
	 * The node's HTTP address ({@code http://127.0.0.1:port}), the node started if need
	 * be.
	 */
	public static synchronized String uri() {
		if (uri == null) {
			uri = start();
		}
		return uri;
	}

	/** The body of a GET on the node, for the tests that look at it directly. */
	public static String get(String path) {
		return send(HttpRequest.newBuilder(URI.create(uri() + path)).GET().build());
	}

	/** The body of a request with a JSON body on the node. */
	public static String send(String method, String path, String json) {
		return send(HttpRequest.newBuilder(URI.create(uri() + path))
			.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	private static String send(HttpRequest request) {
		try {
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			if (response.statusCode() >= 300) {
				throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
						+ response.statusCode() + ": " + response.body());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String start() {
		try {
			Path home = Path
				.of("target",
						StringUtils.hasText(System.getProperty("repertoire.test.fork"))
								? "opensearch-" + System.getProperty("repertoire.test.fork") : "opensearch")
				.toAbsolutePath();
			FileSystemUtils.deleteRecursively(home);
			Files.createDirectories(home);
			int port = freePort();
			// 512 MB for the tests; a benchmark of a larger directory gives more
			// (repertoire.opensearch.heap)
			String heap = System.getProperty("repertoire.opensearch.heap", "512m");
			List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
					"-Xms" + heap, "-Xmx" + heap, "-XX:+UseSerialGC", "-Djava.awt.headless=true", "-cp", classPath(),
					"fr.lianes.repertoire.search.node.OpenSearchTestNodeMain", Integer.toString(port), home.toString());
			Process node = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(home.resolve("node.log").toFile())
				.start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(node), "opensearch-test-node-stop"));
			String address = "http://127.0.0.1:" + port;
			HttpRequest health = HttpRequest
				.newBuilder(URI.create(address + "/_cluster/health?wait_for_status=yellow&timeout=5s"))
				.timeout(Duration.ofSeconds(10))
				.build();
			HttpClient client = HttpClient.newHttpClient();
			Awaitility.await("OpenSearch test node on " + address + " (log: " + home.resolve("node.log") + ")")
				.atMost(START_TIMEOUT)
				.pollInterval(Duration.ofMillis(500))
				.ignoreExceptions()
				.until(() -> {
					if (!node.isAlive()) {
						throw new IllegalStateException("OpenSearch test node exited: " + node.exitValue());
					}
					return client.send(health, HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
				});
			return address;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void stop(Process node) {
		node.destroy();
		try {
			if (!node.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
				node.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			node.destroyForcibly();
		}
	}

	/** The node's jar, then OpenSearch's artifacts, as the build resolved them. */
	static String classPath() throws IOException {
		Path classPath = BUILD.resolve("classpath.txt");
		if (!Files.exists(classPath)) {
			throw new IllegalStateException(classPath.toAbsolutePath()
					+ " is missing: build it with ./mvnw generate-test-resources (maven-invoker-plugin)");
		}
		Path jar;
		try (Stream<Path> jars = Files.list(BUILD.resolve("target"))) {
			jar = jars.filter((file) -> file.getFileName().toString().endsWith(".jar"))
				.max(Comparator.comparing(Path::toString))
				.orElseThrow(() -> new IllegalStateException("No jar in " + BUILD.resolve("target")));
		}
		return jar.toAbsolutePath() + java.io.File.pathSeparator + Files.readString(classPath).strip();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
