package fr.lianes.repertoire.testing;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import fr.lianes.repertoire.RepertoireApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The application in a JVM of its own, as production starts it: its own embedded
 * PostgreSQL in its own data directory, no demo data, and the test classes (and the test
 * database they would substitute) left off its class path. For tests that kill, starve or
 * fill what the application runs on.
 * <p>
 * Its JVM has production's heap; tests start it with {@link Jvm#TEST}'s options, a
 * benchmark with production's ({@link Jvm#PRODUCTION}).
 */
public final class ApplicationProcess implements AutoCloseable {

	/** A request that takes longer than this is hanging. */
	static final Duration HANGING = Duration.ofSeconds(10);

	/** The options of an application's JVM. */
	public enum Jvm {

		/**
		 * As production runs it: production's heap, the JVM's defaults (both compilers,
		 * G1).
		 */
		PRODUCTION("-Xmx512m"),

		/**
		 * For a test: production's heap, the first compiler only, the serial collector. A
		 * test's application lives seconds to minutes on a 2-core machine shared with the
		 * test JVMs, their databases and browsers, and its start (loading and compiling
		 * the classes of Spring, Hibernate, Lucene, Tomcat...) is most of its work: the
		 * optimizing compiler's threads and the concurrent collector's would take the
		 * cores from that start for code that runs too briefly to pay them back. What the
		 * application does is the same; only how fast its code runs differs.
		 */
		TEST("-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

		private final List<String> options;

		Jvm(String... options) {
			this.options = List.of(options);
		}

		/**
		 * The command that runs the application's main class in a JVM of this kind, on
		 * the test JVM's class path without the test classes; its arguments follow. A
		 * test's JVM maps the {@link ClassArchive} when there is one.
		 */
		public List<String> command() {
			List<String> command = new ArrayList<>();
			command.add(java());
			command.addAll(this.options);
			Optional<ClassArchive> archive = (this == TEST) ? ClassArchive.get() : Optional.empty();
			archive.ifPresent((shared) -> command.add("-XX:SharedArchiveFile=" + shared.file()));
			command.addAll(List.of("-cp", archive.map(ClassArchive::classPath).orElseGet(ApplicationProcess::classPath),
					RepertoireApplication.class.getName()));
			return command;
		}

	}

	/**
	 * The application's classes archived once per build in {@code target/application-cds}
	 * (the JDK's dynamic class data sharing): a JVM started with the archive maps the
	 * classes of Spring, Hibernate, Lucene, Tomcat... already parsed and verified instead
	 * of loading them from their jars, a large part of a start's work. The archive is
	 * written by a start of its own that stops once its context is refreshed (Spring's
	 * {@code spring.context.exit=onRefresh}), on an empty data directory; the two test
	 * JVMs of a build write it once (a file lock). The JDK archives classes from jars
	 * only, and refuses a class path with a directory of classes: the application's
	 * compiled classes and resources ({@code target/classes}) are copied into a jar for
	 * these JVMs, named after their content, so that classes compiled again get a new jar
	 * and a new archive. A JVM whose JDK differs from the archive's ignores it, and
	 * without an archive (it could not be written) the class path is the usual one.
	 *
	 * @param file the archive
	 * @param classPath the class path it was written with, which the JVMs mapping it use
	 */
	record ClassArchive(Path file, String classPath) {

		private static final Path DIRECTORY = Path.of("target", "application-cds");

		private static Optional<ClassArchive> archive;

		static synchronized Optional<ClassArchive> get() {
			if (archive == null) {
				archive = written();
			}
			return archive;
		}

		private static Optional<ClassArchive> written() {
			try {
				Files.createDirectories(DIRECTORY);
				try (FileChannel channel = FileChannel.open(DIRECTORY.resolve("lock"), StandardOpenOption.CREATE,
						StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
					List<String> entries = new ArrayList<>();
					for (String entry : ApplicationProcess.classPath().split(File.pathSeparator)) {
						Path path = Path.of(entry);
						entries.add(Files.isDirectory(path) ? jar(path).toString() : entry);
					}
					String classPath = String.join(File.pathSeparator, entries);
					Path file = DIRECTORY.resolve("application-"
							+ Integer.toHexString((System.getProperty("java.home") + classPath).hashCode()) + ".jsa")
						.toAbsolutePath();
					Path failed = file.resolveSibling(file.getFileName() + ".failed");
					if (!Files.exists(file) && !Files.exists(failed) && !write(file, classPath)) {
						// not tried again by every JVM of this build: see archive.log
						Files.createFile(failed);
					}
					return Files.exists(file) ? Optional.of(new ClassArchive(file, classPath)) : Optional.empty();
				}
			}
			catch (IOException ex) {
				return Optional.empty();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return Optional.empty();
			}
		}

		/**
		 * A jar of the directory's files and folders (class path scanning lists a package
		 * through its folder's entry), named after their names and contents: a build that
		 * copies the same files again reuses the jar, and the archive written with it.
		 */
		private static Path jar(Path directory) throws IOException {
			List<Path> files;
			try (var walk = Files.walk(directory)) {
				files = walk.filter((path) -> !path.equals(directory)).sorted().toList();
			}
			MessageDigest digest;
			try {
				digest = MessageDigest.getInstance("SHA-256");
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
			digest.update(directory.toAbsolutePath().toString().getBytes(StandardCharsets.UTF_8));
			for (Path file : files) {
				digest.update(directory.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
				if (Files.isRegularFile(file)) {
					digest.update(Files.readAllBytes(file));
				}
			}
			Path jar = DIRECTORY.resolve("classes-" + HexFormat.of().formatHex(digest.digest(), 0, 8) + ".jar")
				.toAbsolutePath();
			if (!Files.exists(jar)) {
				Path part = jar.resolveSibling(jar.getFileName() + ".part");
				try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(part))) {
					for (Path file : files) {
						String name = directory.relativize(file).toString().replace(File.separatorChar, '/');
						boolean folder = Files.isDirectory(file);
						out.putNextEntry(new JarEntry(folder ? name + "/" : name));
						if (!folder) {
							Files.copy(file, out);
						}
						out.closeEntry();
					}
				}
				Files.move(part, jar, StandardCopyOption.ATOMIC_MOVE);
			}
			return jar;
		}

		private static boolean write(Path file, String classPath) throws IOException, InterruptedException {
			Path data = Files.createTempDirectory(DIRECTORY, "start-");
			Path written = file.resolveSibling(file.getFileName() + ".part");
			List<String> command = new ArrayList<>();
			command.add(java());
			command.addAll(Jvm.TEST.options);
			command.addAll(List.of("-XX:ArchiveClassesAtExit=" + written, "-Dspring.context.exit=onRefresh", "-cp",
					classPath, RepertoireApplication.class.getName(), "--server.port=0",
					"--repertoire.data-dir=" + data, "--repertoire.demo.load-on-empty=false",
					"--repertoire.backup.enabled=false", "--spring.main.banner-mode=off"));
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(DIRECTORY.resolve("archive.log").toFile())
				.start();
			try {
				if (process.waitFor(5, TimeUnit.MINUTES) && process.exitValue() == 0 && Files.exists(written)) {
					Files.move(written, file, StandardCopyOption.ATOMIC_MOVE);
					return true;
				}
				return false;
			}
			finally {
				process.destroyForcibly().waitFor();
				// the start ends without stopping its PostgreSQL
				stopPostmaster(data);
				Files.deleteIfExists(written);
				try (var paths = Files.walk(data)) {
					paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
				}
			}
		}

	}

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
		return start(Jvm.TEST, ready, dataDirectory, settings);
	}

	/**
	 * Starts the application in a JVM of the given kind and waits until it is ready, at
	 * most {@code ready}.
	 */
	public static ApplicationProcess start(Jvm jvm, Duration ready, Path dataDirectory, String... settings)
			throws IOException {
		int port = freePort();
		List<String> command = jvm.command();
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
			// a local request: asked every 100 ms rather than 500, a start is seen ready
			// 200 ms sooner on average, for each of the many starts of the fault tests
			await().atMost(ready).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
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
		List<String> command = Jvm.TEST.command();
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
		stopPostmaster(this.dataDirectory);
	}

	/** Stops the embedded PostgreSQL of a data directory, if it runs. */
	private static void stopPostmaster(Path dataDirectory) {
		Path pidFile = dataDirectory.resolve("postgres").resolve("postmaster.pid");
		try {
			if (Files.exists(pidFile)) {
				ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).get(0).strip())).ifPresent((postmaster) -> {
					postmaster.destroy();
					postmaster.onExit().join();
				});
			}
		}
		catch (IOException | NumberFormatException ex) {
			throw new IllegalStateException("Could not stop the embedded PostgreSQL of " + dataDirectory, ex);
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
