package fr.lianes.repertoire.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.lianes.repertoire.RepertoireApplication;
import fr.lianes.repertoire.demo.DemoDataGenerator;
import fr.lianes.repertoire.reference.ReferenceData;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Import benchmark: the demo directory written as the old directory's export
 * ({@code DemoDataGenerator.exportLegacy}, two Windows-1252 CSV files), then brought into
 * an empty directory started as production starts it, over HTTP as an administrator does:
 * upload, mapping page, dry run (one request), import in the background followed until
 * its report (the progress part asked as htmx does, every second), then the same files
 * imported again (nothing changes). Samples the heap every second while importing: the
 * heap used, and the old generation after each collection (what stays), to show that the
 * import streams.
 * <p>
 * Not a test: run by {@code src/bench/import.sh [scale]}. Arguments: the scale, the data
 * directory (empty: the import fills it), the file to write the Markdown report to.
 */
public final class ImportBenchmark {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final String PATH = "/moderation/administration/import";

	private static final String ADMIN = "banc-d-essai@lianes.example";

	private static final String PASSWORD = "un mot de passe de banc d’essai";

	private static final long SEED = 2006;

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final String base;

	private String csrf;

	private ImportBenchmark(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	public static void main(String[] args) throws Exception {
		int scale = Integer.parseInt((args.length > 0) ? args[0] : "1");
		String dataDir = (args.length > 1) ? args[1] : "target/bench-import-" + scale + "x";
		Path report = Path.of((args.length > 2) ? args[2] : "target/import-bench-" + scale + "x.md");
		ConfigurableApplicationContext context = new SpringApplicationBuilder(RepertoireApplication.class).run(
				"--server.port=0", "--repertoire.data-dir=" + dataDir, "--repertoire.demo.load-on-empty=false",
				"--repertoire.admin.email=" + ADMIN, "--repertoire.admin.password=" + PASSWORD,
				"--repertoire.admin.name=Banc d'essai");
		try {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			boolean againOnly = args.length > 3 && "1".equals(args[3]);
			long start = System.nanoTime();
			Path export = Path.of(dataDir, "export");
			List<Path> files = againOnly ? List.of(export.resolve("acteurs.csv"), export.resolve("projets.csv"))
					: context.getBean(DemoDataGenerator.class)
						.exportLegacy(scale, SEED, export, context.getBean(ReferenceData.class));
			long exportMillis = againOnly ? 0 : millisSince(start);
			String out = new ImportBenchmark(port).run(scale, files, exportMillis, againOnly);
			Files.createDirectories(report.toAbsolutePath().getParent());
			Files.writeString(report, out);
			System.out.println();
			System.out.println(out);
			System.out.println("Report written to " + report);
		}
		finally {
			context.close();
		}
	}

	/** What one import measured. */
	private record Run(String what, long dryRunMillis, long importMillis, String actors, String projects,
			List<long[]> heap) {

		String row() {
			return "| %s | %.1f s | %.1f s | %s | %s | %s |".formatted(this.what, this.dryRunMillis / 1000.0,
					this.importMillis / 1000.0, this.actors, this.projects, heapSummary(this.heap));
		}

	}

	private String run(int scale, List<Path> files, long exportMillis, boolean againOnly) throws Exception {
		get("/connexion");
		String signedIn = post("/connexion", "email", ADMIN, "motDePasse", PASSWORD).headers()
			.firstValue("Location")
			.orElse("");
		if (!signedIn.endsWith("/moderation")) {
			throw new IllegalStateException("sign-in failed (" + signedIn + "): use an empty data directory"
					+ (againOnly ? " or the one of an earlier run" : ""));
		}
		double load = load();
		long sizes = 0;
		for (Path file : files) {
			sizes += Files.size(file);
		}
		Run first = againOnly ? null : importOnce("first import, empty directory", files);
		Run second = importOnce("the same files again", files);
		StringBuilder out = new StringBuilder();
		out.append("Scale %dx, %d cores, max heap %d MB, load %.1f at start and %.1f at the end, %s%n%n".formatted(
				scale, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, load, load(),
				LocalDate.now()));
		List<String> names = files.stream().map((f) -> f.getFileName().toString()).toList();
		out.append(againOnly
				? "An earlier run's export imported again (the second pass only): %s, %.1f MB%n%n".formatted(names,
						sizes / 1e6)
				: "Export written in %.1f s: %s, %.1f MB%n%n".formatted(exportMillis / 1000.0, names, sizes / 1e6));
		out.append("| import | dry run (one request) | import (confirm → report) | actors: created / updated / "
				+ "unchanged / duplicates / refused | projects: same | heap used, max · old generation after "
				+ "GC at ¼ ½ ¾ end |\n");
		out.append("|---|---|---|---|---|---|\n");
		if (first != null) {
			out.append(first.row()).append('\n');
		}
		out.append(second.row()).append('\n');
		return out.toString();
	}

	private Run importOnce(String what, List<Path> files) throws Exception {
		String token = upload(files);
		Document mapping = Jsoup.parse(get(PATH + "/" + token).body());
		List<String> form = new ArrayList<>();
		for (Element select : mapping.select("form[method=post] select")) {
			Element chosen = select.selectFirst("option[selected]");
			form.add(select.attr("name"));
			form.add((chosen != null) ? chosen.val() : select.select("option").first().val());
		}
		form.addAll(List.of("publier", "on"));
		long start = System.nanoTime();
		HttpResponse<String> tried = post(PATH + "/" + token + "/essai", form.toArray(String[]::new));
		long dryRunMillis = millisSince(start);
		if (tried.statusCode() != 200) {
			throw new IllegalStateException("dry run refused: " + tried.statusCode());
		}
		List<long[]> heap = new ArrayList<>();
		start = System.nanoTime();
		HttpResponse<String> started = post(PATH + "/" + token + "/import");
		if (started.statusCode() != 302) {
			throw new IllegalStateException("import refused: " + started.statusCode());
		}
		while (true) {
			HttpResponse<String> part = send(
					HttpRequest.newBuilder(URI.create(this.base + PATH + "/" + token + "/rapport"))
						.header("HX-Request", "true")
						.GET()
						.build());
			heap.add(heap());
			if (!part.body().contains("<progress")) {
				long importMillis = millisSince(start);
				Document done = Jsoup.parse(get(PATH + "/" + token + "/rapport").body());
				List<String> rows = done.select("table caption:contains(Fiches importées) ~ tbody tr")
					.stream()
					.map((row) -> String.join(" / ", row.select("td").eachText()))
					.toList();
				if (rows.size() != 2) {
					throw new IllegalStateException("no report: " + done.text());
				}
				return new Run(what, dryRunMillis, importMillis, rows.get(0), rows.get(1), heap);
			}
			if (millisSince(start) > 60 * 60_000) {
				throw new IllegalStateException("the import did not end within an hour");
			}
			Thread.sleep(1000);
		}
	}

	/** The heap used now, and the old generation's use after its last collection. */
	private static long[] heap() {
		long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
		long old = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			MemoryUsage collected = pool.getCollectionUsage();
			if (pool.getType() == MemoryType.HEAP && collected != null
					&& (pool.getName().contains("Old") || pool.getName().contains("Tenured"))) {
				old = collected.getUsed();
			}
		}
		return new long[] { used, old };
	}

	private static String heapSummary(List<long[]> samples) {
		long max = samples.stream().mapToLong((s) -> s[0]).max().orElse(0);
		StringBuilder old = new StringBuilder();
		for (int quarter = 1; quarter <= 4; quarter++) {
			int at = Math.max(0, samples.size() * quarter / 4 - 1);
			old.append((quarter > 1) ? " " : "").append(samples.isEmpty() ? 0 : samples.get(at)[1] >> 20);
		}
		return "%d MB · %s MB".formatted(max >> 20, old);
	}

	/** Sends the files as the upload form does (multipart, streamed from the disk). */
	private String upload(List<Path> files) throws Exception {
		get(PATH);
		String boundary = "----banc" + System.nanoTime();
		List<HttpRequest.BodyPublisher> parts = new ArrayList<>();
		parts.add(HttpRequest.BodyPublishers.ofString(
				"--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + this.csrf + "\r\n"));
		for (Path file : files) {
			parts.add(HttpRequest.BodyPublishers
				.ofString("--" + boundary + "\r\nContent-Disposition: form-data; name=\"fichiers\"; filename=\""
						+ file.getFileName() + "\"\r\nContent-Type: text/csv\r\n\r\n"));
			parts.add(HttpRequest.BodyPublishers.ofFile(file));
			parts.add(HttpRequest.BodyPublishers.ofString("\r\n"));
		}
		parts.add(HttpRequest.BodyPublishers.ofString("--" + boundary + "--\r\n"));
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(this.base + PATH))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.concat(parts.toArray(HttpRequest.BodyPublisher[]::new)))
			.build());
		String location = response.headers()
			.firstValue("Location")
			.orElseThrow(() -> new IllegalStateException("upload refused: " + response.statusCode()));
		return location.substring(location.lastIndexOf('/') + 1);
	}

	private HttpResponse<String> get(String path) throws Exception {
		HttpResponse<String> response = send(
				HttpRequest.newBuilder(URI.create(this.base + path)).header("Accept", "text/html").GET().build());
		Matcher matcher = CSRF.matcher(response.body());
		if (matcher.find()) {
			this.csrf = matcher.group(1);
		}
		return response;
	}

	private HttpResponse<String> post(String path, String... nameValues) throws Exception {
		StringBuilder body = new StringBuilder("_csrf=").append(URLEncoder.encode(this.csrf, StandardCharsets.UTF_8));
		for (int i = 0; i + 1 < nameValues.length; i += 2) {
			body.append('&')
				.append(URLEncoder.encode(nameValues[i], StandardCharsets.UTF_8))
				.append('=')
				.append(URLEncoder.encode(nameValues[i + 1], StandardCharsets.UTF_8));
		}
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
			.build());
	}

	private HttpResponse<String> send(HttpRequest request) throws Exception {
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static long millisSince(long start) {
		return (System.nanoTime() - start) / 1_000_000;
	}

	private static double load() {
		return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
	}

}
