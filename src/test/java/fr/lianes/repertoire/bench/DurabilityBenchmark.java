package fr.lianes.repertoire.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import fr.lianes.repertoire.RepertoireApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What writing to disk at every commit costs the people who send questionnaires: the
 * application is started on an embedded PostgreSQL configured three ways (as on main
 * before issue 12: fsync off, synchronous commits; as now: fsync on; as the tests run it:
 * both off), and the same questionnaires are sent over HTTP, as a browser without
 * JavaScript would, timing the start (draft, resume link) and the sending (submission,
 * confirmation mail). Run by {@code src/bench/durability.sh}.
 */
public final class DurabilityBenchmark {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern STAMP = Pattern.compile("name=\"debut\" value=\"([^\"]+)\"");

	private record Setup(String name, String fsync, String synchronousCommit) {
	}

	public static void main(String[] args) throws Exception {
		int warmup = Integer.getInteger("bench.warmup", 20);
		// the JVM is cold for the first setup only
		int firstWarmup = Integer.getInteger("bench.first-warmup", 150);
		int rounds = Integer.getInteger("bench.rounds", 100);
		Path root = Path.of((args.length > 0) ? args[0] : "target/bench-durability");
		List<Setup> setups = List.of(new Setup("fsync off, synchronous commit (main before #12)", "off", "on"),
				new Setup("fsync on, synchronous commit (now)", "on", "on"),
				new Setup("fsync off, asynchronous commit (tests only)", "off", "off"));
		StringBuilder report = new StringBuilder();
		report.append("| embedded PostgreSQL | questionnaire start p50 / p95 (ms) "
				+ "| questionnaire sending p50 / p95 (ms) | one 1 KB insert committed, p50 / p95 (ms) |\n");
		report.append("|---|---|---|---|\n");
		int i = 0;
		for (Setup setup : setups) {
			Path directory = root.resolve("setup-" + i++);
			deleteRecursively(directory);
			Files.createDirectories(directory);
			report.append(measure(setup, directory, (i == 1) ? firstWarmup : warmup, rounds)).append('\n');
		}
		System.out.println();
		System.out.println(report);
		Files.writeString(root.resolve("report.md"), report);
	}

	private static String measure(Setup setup, Path directory, int warmup, int rounds) throws Exception {
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setDataDirectory(directory.resolve("postgres"))
			.setCleanDataDirectory(false)
			.setServerConfig("fsync", setup.fsync())
			.setServerConfig("synchronous_commit", setup.synchronousCommit())
			.start()) {
			ConfigurableApplicationContext context = new SpringApplicationBuilder(RepertoireApplication.class).run(
					"--server.port=0", "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
					"--spring.datasource.username=postgres", "--repertoire.data-dir=" + directory,
					"--repertoire.demo.load-on-empty=false", "--repertoire.census.minimum-fill-time=0s",
					"--repertoire.census.minimum-start-time=0s", "--repertoire.census.starts-per-hour=1000000",
					"--repertoire.census.submissions-per-hour=1000000", "--repertoire.census.links-per-hour=1000000",
					"--repertoire.census.link-requests-per-hour=1000000", "--spring.main.banner-mode=off");
			try {
				int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
				List<Double> starts = new ArrayList<>();
				List<Double> sendings = new ArrayList<>();
				for (int n = 0; n < warmup + rounds; n++) {
					double[] times = questionnaire(port, "bench-" + n + "@asso.example");
					if (n >= warmup) {
						starts.add(times[0]);
						sendings.add(times[1]);
					}
				}
				List<Double> commits = commits(postgres, warmup + rounds * 3);
				return "| %s | %.1f / %.1f | %.1f / %.1f | %.2f / %.2f |".formatted(setup.name(),
						percentile(starts, 50), percentile(starts, 95), percentile(sendings, 50),
						percentile(sendings, 95), percentile(commits, 50), percentile(commits, 95));
			}
			finally {
				context.close();
			}
		}
	}

	/** The commit of one small row, alone: what fsync adds to every write. */
	private static List<Double> commits(EmbeddedPostgres postgres, int count) throws Exception {
		List<Double> times = new ArrayList<>();
		try (java.sql.Connection connection = postgres.getPostgresDatabase().getConnection();
				java.sql.Statement statement = connection.createStatement()) {
			statement.execute("create table if not exists bench_commit (id serial primary key, body text)");
			connection.setAutoCommit(false);
			String body = "x".repeat(1024);
			for (int i = 0; i < count; i++) {
				long t0 = System.nanoTime();
				statement.execute("insert into bench_commit (body) values ('" + body + "')");
				connection.commit();
				times.add((System.nanoTime() - t0) / 1e6);
			}
		}
		return times.subList(count / 4, count);
	}

	/** One questionnaire: the milliseconds of its start and of its sending. */
	private static double[] questionnaire(int port, String email) throws Exception {
		Browser browser = new Browser(port);
		Matcher stamp = STAMP.matcher(browser.get("/recensement"));
		if (!stamp.find()) {
			throw new IllegalStateException("no start form");
		}
		long t0 = System.nanoTime();
		browser.post("/recensement/commencer", "email", email, "debut", stamp.group(1));
		double start = (System.nanoTime() - t0) / 1e6;
		browser.post("/recensement/structure", "name", "Association " + email, "acronym", "", "actorType",
				"association-solidarite-internationale", "siret", "", "rna", "", "addressLine", "1 rue de la Paix",
				"postalCode", "59000", "communeName", "Lille", "communeInsee", "", "website", "www.asso.example",
				"email", "", "phone", "03 20 00 00 00", "description", "Une association.", "foundingYear", "1998");
		browser.post("/recensement/contacts", "contacts[0].fullName", "Camille Banc", "action", "suivant");
		browser.get("/recensement/relecture");
		long t1 = System.nanoTime();
		String thanks = browser.post("/recensement/envoi", "publication", "oui", "email", email);
		double sending = (System.nanoTime() - t1) / 1e6;
		if (!browser.lastUri.endsWith("/recensement/merci")) {
			throw new IllegalStateException("not sent: " + browser.lastUri + " " + thanks.length());
		}
		return new double[] { start, sending };
	}

	private static double percentile(List<Double> values, int percentile) {
		List<Double> sorted = values.stream().sorted().toList();
		return sorted.get((int) Math.ceil(percentile / 100.0 * sorted.size()) - 1);
	}

	private static void deleteRecursively(Path directory) throws IOException {
		if (Files.exists(directory)) {
			try (Stream<Path> paths = Files.walk(directory)) {
				paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
			}
		}
	}

	/** Cookies, redirects followed, the CSRF token of the last page sent back. */
	private static final class Browser {

		private final HttpClient http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();

		private final String base;

		private String csrf;

		private String lastUri;

		Browser(int port) {
			this.base = "http://localhost:" + port;
		}

		String get(String path) throws Exception {
			return send(HttpRequest.newBuilder(URI.create(this.base + path)).GET().build());
		}

		String post(String path, String... pairs) throws Exception {
			List<String> values = new ArrayList<>(Arrays.asList(pairs));
			values.add("_csrf");
			values.add(this.csrf);
			List<String> encoded = new ArrayList<>();
			for (int i = 0; i < values.size(); i += 2) {
				encoded.add(URLEncoder.encode(values.get(i), StandardCharsets.UTF_8) + "="
						+ URLEncoder.encode(values.get(i + 1), StandardCharsets.UTF_8));
			}
			return send(HttpRequest.newBuilder(URI.create(this.base + path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(encoded.stream().collect(Collectors.joining("&"))))
				.build());
		}

		private String send(HttpRequest request) throws Exception {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException(response.statusCode() + " on " + response.uri());
			}
			this.lastUri = response.uri().toString();
			Matcher token = CSRF.matcher(response.body());
			if (token.find()) {
				this.csrf = token.group(1);
			}
			return response.body();
		}

	}

}
