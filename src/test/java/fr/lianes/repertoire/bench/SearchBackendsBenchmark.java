package fr.lianes.repertoire.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.lianes.repertoire.database.EmbeddedPostgresServer;
import fr.lianes.repertoire.search.OpenSearchTestNode;
import fr.lianes.repertoire.testing.ApplicationProcess;
import fr.lianes.repertoire.testing.HtmlForms;
import fr.lianes.repertoire.testing.WebClient;
import org.jsoup.Jsoup;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * Lucene and OpenSearch side by side (issue 16), in one run on one data directory:
 * <ol>
 * <li>starts an OpenSearch 2.19 node ({@link OpenSearchTestNode}: its own JVM, 512 MB
 * heap unless {@code repertoire.opensearch.heap} says otherwise, data under
 * {@code target/opensearch-bench});</li>
 * <li>runs {@link SearchBenchmark} (its 40 searches, no PostgreSQL baseline) in a JVM of
 * 1 GB on the Lucene index, then in another on the node, which builds its index from
 * PostgreSQL at its start; prints the two side by side, with the time each took to index
 * the whole directory;</li>
 * <li>starts two instances as README "Running several instances" describes (cluster mode,
 * the Elasticsearch backend on the node), each in its own JVM
 * ({@link ApplicationProcess}, 512 MB), on one PostgreSQL: the data directory's, started
 * by this JVM. A moderator changes an actor's acronym to a new word through A's back
 * office, then B's {@code /acteurs?q=<word>} is asked until it lists the actor: the time
 * a write on one instance takes to be searchable on the other.</li>
 * </ol>
 * Not a test: run by {@code src/bench/search-backends.sh [scale]}. Arguments: the scale,
 * the data directory, the folder of the report and the logs. System properties
 * {@code bench.warmup} and {@code bench.rounds} (of the searches, as SearchBenchmark),
 * {@code bench.reindex} (time a whole reindex of the Lucene index, default true),
 * {@code bench.writes} (20) after {@code bench.write-warmup} (3), {@code bench.commit}
 * (written in the report).
 */
public final class SearchBackendsBenchmark {

	/** The benchmarks' administrator (the one figures-change.sh, campaign.sh... use). */
	private static final String ADMIN = "banc-d-essai@lianes.example";

	private static final String PASSWORD = "un mot de passe de banc d’essai";

	private static final String INDEX_PREFIX = "bench-";

	private static final Pattern INDEXED = Pattern
		.compile("Search index: (\\d+) entities read and indexed in ([0-9.]+) s");

	private static final Pattern VERSION = Pattern.compile("\"number\"\\s*:\\s*\"([^\"]+)\"");

	/** How long B is asked before the write is declared lost. */
	private static final Duration SEARCHABLE_TIMEOUT = Duration.ofSeconds(30);

	private final int scale;

	private final String dataDir;

	private final Path out;

	private final StringBuilder report = new StringBuilder();

	/** The node's OpenSearch version, as it says. */
	private String nodeVersion = "2.19";

	/** What this JVM started and stops if it is stopped itself (the script's trap). */
	private final List<AutoCloseable> started = new CopyOnWriteArrayList<>();

	private SearchBackendsBenchmark(int scale, String dataDir, Path out) {
		this.scale = scale;
		this.dataDir = dataDir;
		this.out = out;
	}

	public static void main(String[] args) throws Exception {
		int scale = Integer.parseInt((args.length > 0) ? args[0] : "1");
		String dataDir = (args.length > 1) ? args[1] : "target/bench-" + scale + "x";
		Path out = Path.of((args.length > 2) ? args[2] : "target/search-backends-" + scale + "x");
		Files.createDirectories(out);
		Files.createDirectories(Path.of(dataDir));
		try {
			new SearchBackendsBenchmark(scale, dataDir, out).run();
		}
		catch (Exception | AssertionError ex) {
			ex.printStackTrace();
			System.exit(1);
		}
		// the node, the PostgreSQL and the instances started here stop with this JVM
		// (their hooks)
		System.exit(0);
	}

	private void run() throws Exception {
		// the last started first: the instances before their PostgreSQL
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			List<AutoCloseable> children = new ArrayList<>(this.started);
			Collections.reverse(children);
			for (AutoCloseable child : children) {
				try {
					child.close();
				}
				catch (Exception ex) {
					// stopping anyway
				}
			}
		}, "search-backends-stop"));
		String started = loadAverage();
		long nodeStart = System.nanoTime();
		String node = OpenSearchTestNode.uri();
		double nodeSeconds = (System.nanoTime() - nodeStart) / 1e9;
		Matcher version = VERSION.matcher(OpenSearchTestNode.get("/"));
		if (version.find()) {
			this.nodeVersion = version.group(1);
		}
		log("OpenSearch %s node on %s, started in %.1f s", this.nodeVersion, node, nodeSeconds);

		Run lucene = search("lucene", node, Boolean.parseBoolean(System.getProperty("bench.reindex", "true")));
		Run openSearch = search("opensearch", node, false);
		this.report.append(String.format(Locale.ROOT, "### Scale %dx (%s, commit %s, %d cores)%n%n", this.scale,
				LocalDate.now(), System.getProperty("bench.commit", "?"), Runtime.getRuntime().availableProcessors()));
		searches(lucene, openSearch, started);

		int writes = Integer.getInteger("bench.writes", 20);
		if (writes > 0) {
			writes(node, Integer.getInteger("bench.write-warmup", 3), writes);
		}
		Files.writeString(this.out.resolve("report.md"), this.report);
		log("Report written to %s", this.out.resolve("report.md"));
	}

	// ------------------------------------------------------------------ searches

	/** One SearchBenchmark run, as its times file and log give it. */
	private record Run(String engine, Map<String, String> measures, List<Query> queries, String indexed,
			String loadBefore, String loadAfter) {

		long[] all() {
			return this.queries.stream().flatMapToLong((query) -> Arrays.stream(query.nanos())).toArray();
		}

	}

	private record Query(String q, String filters, long total, long[] nanos) {
	}

	private Run search(String backend, String node, boolean reindex) throws IOException, InterruptedException {
		Path times = this.out.resolve(backend + ".tsv");
		Path log = this.out.resolve(backend + ".log");
		Files.deleteIfExists(times);
		List<String> command = new ArrayList<>(
				List.of(java(), "-Xmx1g", "-Dbench.warmup=" + Integer.getInteger("bench.warmup", 10),
						"-Dbench.rounds=" + Integer.getInteger("bench.rounds", 10), "-Dbench.reindex=" + reindex,
						"-Dbench.baseline=false", "-Dbench.backend=" + backend, "-Dbench.opensearch=" + node,
						"-Dbench.index-prefix=" + INDEX_PREFIX, "-Dbench.times=" + times, "-cp",
						System.getProperty("java.class.path"), SearchBenchmark.class.getName(),
						Integer.toString(this.scale), this.dataDir, this.out.resolve(backend + ".md").toString()));
		String loadBefore = loadAverage();
		log("SearchBenchmark on %s (log: %s)", backend, log);
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		AutoCloseable stop = process::destroy;
		this.started.add(stop);
		int exit = process.waitFor();
		this.started.remove(stop);
		if (exit != 0) {
			throw new IllegalStateException("SearchBenchmark on " + backend + " failed, see " + log);
		}
		String loadAfter = loadAverage();
		Map<String, String> measures = new LinkedHashMap<>();
		List<Query> queries = new ArrayList<>();
		for (String line : Files.readAllLines(times)) {
			String[] fields = line.split("\t", -1);
			if (fields[0].equals("query")) {
				queries.add(new Query(fields[2], fields[3], Long.parseLong(fields[4]),
						Arrays.stream(fields[5].split(",")).mapToLong(Long::parseLong).toArray()));
			}
			else {
				measures.put(fields[0], fields[1]);
			}
		}
		// the last whole pass over the index in this run: the timed reindex (Lucene),
		// the build at start (the node's index is new at each run)
		Matcher indexed = INDEXED.matcher(Files.readString(log));
		String whole = "not rebuilt in this run";
		while (indexed.find()) {
			whole = String.format(Locale.ROOT, "%,d entities in %s s", Long.parseLong(indexed.group(1)),
					indexed.group(2));
		}
		return new Run(measures.get("engine"), measures, queries, whole, loadBefore, loadAfter);
	}

	private void searches(Run lucene, Run openSearch, String started) {
		StringBuilder r = this.report;
		r.append("Search: SearchBenchmark's 40 queries through `DirectorySearch.actors` (page of 20, exact total, ")
			.append("5 disjunctive facets, highlights), sequential, ")
			.append(lucene.measures().get("heap-mb"))
			.append(" MB heap for the application; Lucene first, then OpenSearch, each in a JVM of its own on the ")
			.append("same data directory and PostgreSQL; OpenSearch ")
			.append(this.nodeVersion)
			.append(", one node in its own JVM (")
			.append(System.getProperty("repertoire.opensearch.heap", "512m"))
			.append(" heap, ")
			.append("serial GC) on the same machine. Index built: for Lucene, a whole reindex asked once started ")
			.append("(unless BENCH_REINDEX=false); for OpenSearch, at its start (the node is new at each run). ")
			.append("Load average (1, 5, 15 min) when the run began: ")
			.append(started)
			.append(".\n\n");
		r.append("| measure | Lucene | OpenSearch |\n|---|---|---|\n");
		r.append(String.format(Locale.ROOT, "| application start (s) | %s | %s |%n",
				lucene.measures().get("start-seconds"), openSearch.measures().get("start-seconds")));
		r.append(String.format(Locale.ROOT, "| whole index built from PostgreSQL (the run's last pass) | %s | %s |%n",
				lucene.indexed(), openSearch.indexed()));
		r.append(String.format(Locale.ROOT, "| index size | %d MB (files) | %d MB (store, primaries) |%n",
				Long.parseLong(lucene.measures().get("index-bytes")) / (1024 * 1024),
				Long.parseLong(openSearch.measures().get("index-bytes")) / (1024 * 1024)));
		r.append(String.format(Locale.ROOT, "| load average before / after its JVM | %s / %s | %s / %s |%n",
				lucene.loadBefore(), lucene.loadAfter(), openSearch.loadBefore(), openSearch.loadAfter()));
		r.append(String.format(Locale.ROOT,
				"| load (1 min) before / after the measured rounds | %s / %s | %s / %s |%n%n",
				lucene.measures().get("load-before"), lucene.measures().get("load-after"),
				openSearch.measures().get("load-before"), openSearch.measures().get("load-after")));

		long[] l = lucene.all();
		long[] o = openSearch.all();
		r.append(String.format(Locale.ROOT, "%d queries x %d measured rounds, %d searches per backend%n%n",
				lucene.queries().size(), lucene.queries().get(0).nanos().length, l.length));
		r.append("| backend | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) |\n|---|---|---|---|---|\n");
		r.append(row("Lucene", l)).append(row("OpenSearch", o));
		r.append(String.format(Locale.ROOT, "| ratio OpenSearch / Lucene | %.1fx | %.1fx | %.1fx | %.1fx |%n%n",
				percentile(o, 50) / percentile(l, 50), percentile(o, 95) / percentile(l, 95),
				percentile(o, 99) / percentile(l, 99), percentile(o, 100) / percentile(l, 100)));

		r.append("Per query (ms; totals found by each backend)\n\n");
		r.append("| q | filters | Lucene p50 | Lucene p95 | OpenSearch p50 | OpenSearch p95 | Lucene total | "
				+ "OpenSearch total |\n|---|---|---|---|---|---|---|---|\n");
		for (int i = 0; i < lucene.queries().size(); i++) {
			Query a = lucene.queries().get(i);
			Query b = openSearch.queries().get(i);
			if (!a.q().equals(b.q()) || !a.filters().equals(b.filters())) {
				throw new IllegalStateException("The two runs did not search the same queries: " + a + ", " + b);
			}
			r.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %.1f | %.1f | %.1f | %,d | %,d |%n",
					a.q().isEmpty() ? "(none)" : "`" + a.q() + "`",
					a.filters().isEmpty() ? "" : "`" + a.filters() + "`", percentile(a.nanos(), 50),
					percentile(a.nanos(), 95), percentile(b.nanos(), 50), percentile(b.nanos(), 95), a.total(),
					b.total()));
		}
		r.append('\n');
	}

	// ------------------------------------------------------------------ writes

	private void writes(String node, int warmup, int writes) throws Exception {
		// one PostgreSQL for both instances: the data directory's, started here, stopped
		// here (no Spring application runs in this JVM to stop it)
		Path postgres = Path.of(this.dataDir, "postgres");
		String url = EmbeddedPostgresServer.startOnce(postgres, true).jdbcUrl("repertoire");
		this.started.add(() -> stopPostgres(postgres));
		JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(url, "postgres", ""));
		ensureAdministrator(jdbc);
		List<String> settings = List.of("--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
				"--spring.datasource.password=", "--spring.datasource.hikari.maximum-pool-size=8",
				"--spring.jpa.properties.hibernate.search.backend.type=elasticsearch",
				"--spring.jpa.properties.hibernate.search.backend.uris=" + node,
				"--repertoire.search.index-prefix=" + INDEX_PREFIX, "--repertoire.cluster.enabled=true",
				"--repertoire.backup.enabled=false");
		String loadBefore = loadAverage();
		long startA = System.nanoTime();
		log("Starting instance A");
		try (ApplicationProcess a = ApplicationProcess.start(ApplicationProcess.Jvm.PRODUCTION, Duration.ofMinutes(15),
				this.out.resolve("instance-a"), settings.toArray(String[]::new))) {
			this.started.add(a);
			double aSeconds = (System.nanoTime() - startA) / 1e9;
			long startB = System.nanoTime();
			log("Starting instance B");
			try (ApplicationProcess b = ApplicationProcess.start(ApplicationProcess.Jvm.PRODUCTION,
					Duration.ofMinutes(15), this.out.resolve("instance-b"), settings.toArray(String[]::new))) {
				this.started.add(b);
				double bSeconds = (System.nanoTime() - startB) / 1e9;
				log("A on port %d (%.0f s), B on port %d (%.0f s)", a.port(), aSeconds, b.port(), bSeconds);
				measureWrites(jdbc, a, b, warmup, writes, loadBefore, aSeconds, bSeconds);
			}
		}
	}

	private void measureWrites(JdbcClient jdbc, ApplicationProcess a, ApplicationProcess b, int warmup, int writes,
			String loadBefore, double aSeconds, double bSeconds) throws Exception {
		WebClient moderator = new WebClient(a.port());
		moderator.get("/connexion");
		if (!moderator.post("/connexion", "email", ADMIN, "motDePasse", PASSWORD).uri().equals("/moderation")) {
			throw new IllegalStateException("The benchmarks' administrator could not sign in on A");
		}
		HttpClient onB = HttpClient.newHttpClient();
		HttpClient posts = HttpClient.newBuilder()
			.cookieHandler(moderator.cookies())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		Random random = new Random(16);
		List<Actor> candidates = jdbc
			.sql("select id, name, coalesce(acronym, '') from actor where published and status = 'ACTIVE' "
					+ "order by id limit 20")
			.query((row, n) -> new Actor(row.getLong(1), row.getString(2), row.getString(3)))
			.list();
		// the first actor whose back-office form saves as it is
		Actor actor = null;
		for (Actor candidate : candidates) {
			String word = word(random);
			if (write(moderator, posts, a.port(), candidate, word) > 0) {
				actor = candidate;
				awaitListed(onB, b, actor, word);
				break;
			}
		}
		if (actor == null) {
			throw new IllegalStateException("No actor's form saved among " + candidates);
		}
		List<long[]> measured = new ArrayList<>();
		try {
			for (int round = 0; round < warmup + writes; round++) {
				String word = word(random);
				if (listed(onB, b, actor, word)) {
					throw new IllegalStateException("B lists " + word + " before it was written");
				}
				long sent = System.nanoTime();
				long answered = write(moderator, posts, a.port(), actor, word);
				if (answered < 0) {
					throw new IllegalStateException("A did not save " + word + " for " + actor);
				}
				long[] found = awaitListed(onB, b, actor, word);
				if (round >= warmup) {
					measured.add(new long[] { answered - sent, found[0] - sent, found[0] - answered, found[1] });
				}
			}
		}
		finally {
			// the actor's own acronym again
			write(moderator, posts, a.port(), actor, actor.acronym());
		}
		String loadAfter = loadAverage();

		StringBuilder r = this.report;
		r.append(String.format(Locale.ROOT,
				"Write on one instance, searchable on the other: two instances in "
						+ "cluster mode, each in its own JVM (512 MB heap, Elasticsearch backend on the node above, "
						+ "indexes `%s`), on one PostgreSQL (the data directory's, embedded); A started in %.0f s, "
						+ "B in %.0f s (%s). %d times (after %d not counted): "
						+ "the acronym of one actor (id %d) set to a new word through A's back-office form "
						+ "(`POST /moderation/acteurs/{id}/modifier`), then B's `/acteurs?q=<word>` asked, one request "
						+ "after the other, until its list shows the actor (B had shown that list, without it, just "
						+ "before the write). Load average before: %s; after: %s.%n%n",
				INDEX_PREFIX, aSeconds, bSeconds,
				(a.log() + b.log()).contains("rebuilding the search index") ? "one of them rebuilt the index"
						: "neither rebuilt the index: the node's was whole",
				writes, warmup, actor.id(), loadBefore, loadAfter));
		r.append("| measure | median | max |\n|---|---|---|\n");
		r.append(writeRow("A's request that saves (until its answer, ms)", measured, 0, true));
		r.append(writeRow("write sent on A → listed by B (ms)", measured, 1, true));
		r.append(writeRow("A's answer → listed by B (ms; B's whole request)", measured, 2, true));
		r.append(writeRow("requests to B until listed", measured, 3, false));
		r.append('\n');
	}

	private record Actor(long id, String name, String acronym) {
	}

	/**
	 * Saves the actor's back-office form with this acronym.
	 * @return when A answered (nanoTime), or -1 if the form was not saved
	 */
	private static long write(WebClient moderator, HttpClient posts, int port, Actor actor, String acronym)
			throws IOException, InterruptedException {
		String edit = "/moderation/acteurs/" + actor.id() + "/modifier";
		String[] fields = HtmlForms.fields(moderator.get(edit).body(), "acronym", acronym);
		List<String> pairs = new ArrayList<>(List.of(fields));
		pairs.addAll(List.of("_csrf", moderator.csrf()));
		HttpRequest post = HttpRequest.newBuilder(URI.create("http://localhost:" + port + edit))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString(WebClient.form(pairs)))
			.build();
		HttpResponse<String> saved = posts.send(post, HttpResponse.BodyHandlers.ofString());
		long answered = System.nanoTime();
		boolean ok = saved.statusCode() == 302 && saved.headers()
			.firstValue("Location")
			.filter((location) -> location.endsWith("/moderation/acteurs/" + actor.id()))
			.isPresent();
		return ok ? answered : -1;
	}

	/**
	 * Asks B until it lists the actor: when it did (nanoTime), and after how many
	 * requests.
	 */
	private static long[] awaitListed(HttpClient onB, ApplicationProcess b, Actor actor, String word)
			throws IOException, InterruptedException {
		long deadline = System.nanoTime() + SEARCHABLE_TIMEOUT.toNanos();
		int requests = 0;
		while (System.nanoTime() < deadline) {
			requests++;
			if (listed(onB, b, actor, word)) {
				return new long[] { System.nanoTime(), requests };
			}
		}
		throw new IllegalStateException("B did not list " + word + " within " + SEARCHABLE_TIMEOUT);
	}

	private static boolean listed(HttpClient onB, ApplicationProcess b, Actor actor, String word)
			throws IOException, InterruptedException {
		HttpRequest list = HttpRequest
			.newBuilder(URI.create("http://localhost:" + b.port() + "/acteurs?q="
					+ URLEncoder.encode(word.toLowerCase(Locale.ROOT), StandardCharsets.UTF_8)))
			.header("Accept", "text/html")
			.GET()
			.build();
		HttpResponse<String> page = onB.send(list, HttpResponse.BodyHandlers.ofString());
		if (page.statusCode() != 200) {
			throw new IllegalStateException("B answered " + page.statusCode() + " to " + list.uri());
		}
		return Jsoup.parse(page.body())
			.select(".cards .card-title")
			.eachText()
			.stream()
			.anyMatch((title) -> title.contains(actor.name()));
	}

	/** Stops the postmaster of this data directory, if it runs, and waits for its end. */
	private static void stopPostgres(Path postgres) throws IOException {
		Path pidFile = postgres.resolve("postmaster.pid");
		if (Files.exists(pidFile)) {
			ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).get(0).strip())).ifPresent((postmaster) -> {
				postmaster.destroy();
				postmaster.onExit().join();
			});
		}
	}

	/** The benchmarks' administrator, created in the database if missing. */
	private static void ensureAdministrator(JdbcClient jdbc) {
		boolean exists = jdbc.sql("select exists (select 1 from staff_user where lower(email) = lower(?))")
			.param(ADMIN)
			.query(Boolean.class)
			.single();
		if (!exists) {
			jdbc.sql("insert into staff_user (email, display_name, password_hash, role, created_at) "
					+ "values (?, 'Banc d''essai', ?, 'ADMIN', now())")
				.params(ADMIN, PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(PASSWORD))
				.update();
		}
	}

	/** Eight letters no dictionary holds: found only in the actor written. */
	private static String word(Random random) {
		StringBuilder word = new StringBuilder("ZQ");
		for (int i = 0; i < 6; i++) {
			word.append((char) ('A' + random.nextInt(26)));
		}
		return word.toString();
	}

	// ------------------------------------------------------------------ helpers

	private static String writeRow(String measure, List<long[]> rows, int column, boolean nanos) {
		long[] values = rows.stream().mapToLong((row) -> row[column]).sorted().toArray();
		double median = (values.length % 2 == 1) ? values[values.length / 2]
				: (values[values.length / 2 - 1] + values[values.length / 2]) / 2.0;
		double max = values[values.length - 1];
		return nanos ? String.format(Locale.ROOT, "| %s | %.1f | %.1f |%n", measure, median / 1e6, max / 1e6)
				: String.format(Locale.ROOT, "| %s | %.0f | %.0f |%n", measure, median, max);
	}

	private static double percentile(long[] nanos, double percentile) {
		return SearchBenchmark.percentile(nanos, percentile);
	}

	private static String row(String engine, long[] nanos) {
		return SearchBenchmark.row(engine, nanos);
	}

	/** The load averages over 1, 5 and 15 minutes, as {@code uptime} shows them. */
	private static String loadAverage() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return fields[0] + ", " + fields[1] + ", " + fields[2];
		}
		catch (IOException ex) {
			return String.format(Locale.ROOT, "%.2f",
					ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		}
	}

	private static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static void log(String format, Object... args) {
		System.err.printf(Locale.ROOT, format + "%n", args);
	}

}
