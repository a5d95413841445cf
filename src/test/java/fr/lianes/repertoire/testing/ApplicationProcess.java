package fr.lianes.repertoire.testing;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import fr.lianes.repertoire.RepertoireApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The application in a JVM of its own, as production starts it: its own embedded
 * PostgreSQL in its own data directory, no demo data, and the test classes (and the test
 * database they would substitute) left off its class path. For tests that kill, starve or
 * fill what the application runs on.
 */
public final class ApplicationProcess implements AutoCloseable {

	/** A request that takes longer than this is hanging. */
	static final Duration HANGING = Duration.ofSeconds(10);

	private final Path dataDirectory;

	private final Path log;

	private final int port;

	private final Process process;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(HANGING).build();

	private ApplicationProcess(Path dataDirectory, Path log, int port, Process process) {
		this.dataDirectory = dataDirectory;
		this.log = log;
		this.port = port;
		this.process = process;
	}

	/**
	 * Starts the application and waits until it is ready.
	 * @param dataDirectory its data directory (its log goes to
	 * {@code target/application-logs}, off the disks that tests fill)
	 * @param settings more {@code --name=value} arguments; one that names a setting given
	 * here by default replaces it
	 */
	public static ApplicationProcess start(Path dataDirectory, String... settings) throws IOException {
		return start(Duration.ofMinutes(4), dataDirectory, settings);
	}

	/**
	 * Starts the application and waits until it is ready, at most {@code ready}: longer
	 * for one that loads the demo directory and builds its index on a busy machine.
	 */
	public static ApplicationProcess start(Duration ready, Path dataDirectory, String... settings) throws IOException {
		int port = freePort();
		List<String> command = new ArrayList<>(
				List.of(java(), "-Xmx512m", "-cp", classPath(), RepertoireApplication.class.getName()));
		List<String> defaults = List.of("--server.port=" + port, "--repertoire.data-dir=" + dataDirectory,
				"--repertoire.demo.load-on-empty=false", "--repertoire.census.minimum-fill-time=0s",
				"--repertoire.census.minimum-start-time=0s", "--repertoire.census.starts-per-hour=100000",
				"--repertoire.census.submissions-per-hour=100000", "--spring.main.banner-mode=off",
				// the db component's count of checks, to count in checks, not
				// seconds
				"--management.endpoint.health.show-details=always");
		List<String> named = Arrays.stream(settings).map(ApplicationProcess::name).toList();
		defaults.stream().filter((setting) -> !named.contains(name(setting))).forEach(command::add);
		command.addAll(List.of(settings));
		Files.createDirectories(dataDirectory);
		Path log = Files.createDirectories(Path.of("target", "application-logs")).resolve("port-" + port + ".log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		ApplicationProcess application = new ApplicationProcess(dataDirectory, log, port, process);
		try {
			await().atMost(ready).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
				assertThat(process.isAlive()).as(application::log).isTrue();
				assertThat(application.readiness()).isEqualTo(200);
			});
		}
		catch (RuntimeException | AssertionError ex) {
			application.close();
			throw ex;
		}
		return application;
	}

	/** {@code --name=value} gives {@code --name}. */
	private static String name(String setting) {
		int equals = setting.indexOf('=');
		return (equals < 0) ? setting : setting.substring(0, equals);
	}

	/**
	 * Runs a command ({@code java -jar repertoire.jar NAME ...}) as an operator runs it:
	 * in a JVM of its own, without the test classes, and waits for its end.
	 * @param arguments the command's name, then its arguments and settings
	 * @return its exit code and what it printed
	 */
	public static Finished command(String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(
				List.of(java(), "-Xmx512m", "-cp", classPath(), RepertoireApplication.class.getName()));
		command.addAll(List.of(arguments));
		Path log = Files.createDirectories(Path.of("target", "application-logs"))
			.resolve(
					"command-" + arguments[0] + "-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
			.start();
		if (!process.waitFor(4, java.util.concurrent.TimeUnit.MINUTES)) {
			process.destroyForcibly().waitFor();
			throw new IllegalStateException("The command did not end, see " + log);
		}
		return new Finished(process.exitValue(), Files.readString(log));
	}

	/** How a command ended. */
	public record Finished(int exitCode, String output) {

	}

	private static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/** The test JVM's class path without the test classes (and their test database). */
	private static String classPath() {
		return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter((entry) -> !entry.endsWith("test-classes"))
			.reduce((a, b) -> a + File.pathSeparator + b)
			.orElseThrow();
	}

	public int port() {
		return this.port;
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	/**
	 * The status of {@code /actuator/health/readiness}, or -1 without an answer in time.
	 */
	public int readiness() {
		return get("/actuator/health/readiness").statusCode();
	}

	/**
	 * How many checks of the database the application had made when it answered its
	 * readiness: what it reports is as fresh as its last check. Tests count delays in
	 * checks (one a second in production), which a slow machine does not stretch.
	 */
	public long databaseChecks() {
		java.util.regex.Matcher checks = java.util.regex.Pattern.compile("\"checks\":(\\d+)")
			.matcher(get("/actuator/health/readiness").body());
		if (!checks.find()) {
			throw new AssertionError("no count of database checks in the readiness answer");
		}
		return Long.parseLong(checks.group(1));
	}

	/** A plain GET with a deadline: status -1 when nothing came back in time. */
	public HttpResponse<String> get(String path) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(HANGING)
			.header("Accept", "text/html,*/*;q=0.8")
			.GET()
			.build();
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			return new NoAnswer(request);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new NoAnswer(request);
		}
	}

	/** The embedded PostgreSQL's postmaster, as its pid file names it. */
	public ProcessHandle postmaster() throws IOException {
		List<String> lines = Files.readAllLines(this.dataDirectory.resolve("postgres").resolve("postmaster.pid"));
		return ProcessHandle.of(Long.parseLong(lines.get(0).strip())).orElseThrow();
	}

	/** A connection to the application's database, through its embedded server's port. */
	public Connection database() throws IOException, SQLException {
		List<String> lines = Files.readAllLines(this.dataDirectory.resolve("postgres").resolve("postmaster.pid"));
		return DriverManager
			.getConnection("jdbc:postgresql://localhost:" + lines.get(3).strip() + "/repertoire?user=postgres");
	}

	public String log() {
		try {
			return Files.readString(this.log);
		}
		catch (IOException ex) {
			return ex.toString();
		}
	}

	/** Stops the application (SIGKILL) and its PostgreSQL. */
	@Override
	public void close() {
		this.process.destroyForcibly();
		this.process.onExit().join();
		Path pidFile = this.dataDirectory.resolve("postgres").resolve("postmaster.pid");
		try {
			if (Files.exists(pidFile)) {
				ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).get(0).strip())).ifPresent((postmaster) -> {
					postmaster.destroy();
					postmaster.onExit().join();
				});
			}
		}
		catch (IOException | NumberFormatException ex) {
			throw new IllegalStateException("Could not stop the embedded PostgreSQL of " + this.dataDirectory, ex);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** What a request that got no answer in time is seen as. */
	private record NoAnswer(HttpRequest request) implements HttpResponse<String> {

		@Override
		public int statusCode() {
			return -1;
		}

		@Override
		public java.util.Optional<HttpResponse<String>> previousResponse() {
			return java.util.Optional.empty();
		}

		@Override
		public java.net.http.HttpHeaders headers() {
			return java.net.http.HttpHeaders.of(java.util.Map.of(), (a, b) -> true);
		}

		@Override
		public String body() {
			return "";
		}

		@Override
		public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
			return java.util.Optional.empty();
		}

		@Override
		public URI uri() {
			return this.request.uri();
		}

		@Override
		public HttpClient.Version version() {
			return HttpClient.Version.HTTP_1_1;
		}

	}

}
