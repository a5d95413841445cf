package fr.lianes.repertoire.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import fr.lianes.repertoire.RepertoireApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Campaign benchmark: a census campaign of the whole demo directory, as an administrator
 * runs it over HTTP, its mails sent to a real SMTP server in this JVM (GreenMail). Times
 * the request that starts a mailing, the time until every mail is queued and until every
 * mail is sent, and, while sending, {@code /acteurs?page=2} loaded by a visitor and the
 * progress part of the campaign page loaded as htmx does (every ~250 ms). First the
 * active actors, then the dormant ones, as in {@code CampaignTests} (which checks what
 * happens, not how long it takes).
 * <p>
 * Not a test: run by {@code src/bench/campaign.sh [scale]}. Arguments: the scale, the
 * data directory, the file to write the Markdown report to. The campaign, its mailings,
 * links and mails are deleted afterwards, so that the directory can serve other
 * benchmarks.
 */
public final class CampaignBenchmark {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final String BASE = "/moderation/administration/campagnes";

	private static final String ADMIN = "banc-d-essai@lianes.example";

	private static final String PASSWORD = "un mot de passe de banc d’essai";

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final String base;

	private final JdbcClient jdbc;

	private String csrf;

	private CampaignBenchmark(int port, JdbcClient jdbc) {
		this.base = "http://127.0.0.1:" + port;
		this.jdbc = jdbc;
	}

	/** What was measured while one mailing ran, in milliseconds. */
	private record Run(String what, long actors, long requestMillis, long queuedMillis, long sentMillis,
			List<Long> publicPage, List<Long> progressPart) {

		String row() {
			return "| %s | %,d | %d ms | %.1f s | %.1f s | %d / %d ms | %d / %d ms |".formatted(this.what, this.actors,
					this.requestMillis, this.queuedMillis / 1000.0, this.sentMillis / 1000.0, median(this.publicPage),
					max(this.publicPage), median(this.progressPart), max(this.progressPart));
		}

	}

	public static void main(String[] args) throws Exception {
		int scale = Integer.parseInt((args.length > 0) ? args[0] : "1");
		String dataDir = (args.length > 1) ? args[1] : "target/bench-" + scale + "x";
		Path report = Path.of((args.length > 2) ? args[2] : "target/campaign-bench-" + scale + "x.md");
		int smtpPort = freePort();
		GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", "smtp"));
		smtp.start();
		ConfigurableApplicationContext context = new SpringApplicationBuilder(RepertoireApplication.class).run(
				"--server.port=0", "--repertoire.data-dir=" + dataDir, "--repertoire.demo.scale=" + scale,
				"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort, "--repertoire.mail.poll-interval=1s",
				// the bench's administrator, created by the application itself when the
				// directory has none yet
				"--repertoire.admin.email=" + ADMIN, "--repertoire.admin.password=" + PASSWORD,
				"--repertoire.admin.name=Banc d'essai");
		try {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			String out = new CampaignBenchmark(port, jdbc).run(scale);
			Files.createDirectories(report.toAbsolutePath().getParent());
			Files.writeString(report, out);
			System.out.println();
			System.out.println(out);
			System.out.println("Report written to " + report);
		}
		finally {
			context.close();
			smtp.stop();
		}
	}

	private String run(int scale) throws Exception {
		get("/connexion");
		String signedIn = post("/connexion", "email", ADMIN, "motDePasse", PASSWORD).headers()
			.firstValue("Location")
			.orElse("");
		if (!signedIn.endsWith("/moderation")) {
			throw new IllegalStateException("sign-in failed (" + signedIn + "): the data directory has other "
					+ "administrators than " + ADMIN + "; use a data directory of the bench's own");
		}
		LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
		String name = "Campagne de mesure " + System.currentTimeMillis();
		get(BASE + "/nouvelle");
		HttpResponse<String> created = post(BASE, "name", name, "opensOn", today.toString(), "closesOn",
				today.plusDays(30).toString(), "asOf", today.toString());
		String location = created.headers()
			.firstValue("Location")
			.orElseThrow(() -> new IllegalStateException(
					"campaign not created (" + created.statusCode() + "): a campaign opened after today?"));
		int campaignId = Integer.parseInt(location.substring(location.lastIndexOf('/') + 1));
		try {
			double load = load();
			Run active = mailing(campaignId, false, "active actors");
			Run dormant = mailing(campaignId, true, "dormant actors");
			StringBuilder out = new StringBuilder();
			out.append("Scale %dx, %d cores, load %.1f at start and %.1f at the end, %s%n%n".formatted(scale,
					Runtime.getRuntime().availableProcessors(), load, load(), LocalDate.now()));
			out.append("| invitations | actors | request | all queued | all sent | "
					+ "`/acteurs` while sending: median / max | progress part: median / max |\n");
			out.append("|---|---|---|---|---|---|---|\n");
			out.append(active.row()).append('\n').append(dormant.row()).append('\n');
			return out.toString();
		}
		finally {
			try {
				deleteCampaign(campaignId);
			}
			catch (RuntimeException ex) {
				System.err.println("Campaign " + campaignId + " left in the directory: " + ex);
			}
		}
	}

	private Run mailing(int campaignId, boolean dormant, String what) throws Exception {
		get(BASE + "/" + campaignId);
		String prefix = "campaign:" + campaignId + "/";
		long before = count("select count(*) from outgoing_mail where reference like ?", prefix + "%");
		long start = System.nanoTime();
		HttpResponse<String> sent = post(BASE + "/" + campaignId + "/invitations", "enVeille", String.valueOf(dormant));
		long requestMillis = millisSince(start);
		if (sent.statusCode() != 302) {
			throw new IllegalStateException("invitations refused: " + sent.statusCode());
		}
		List<Long> publicPage = new ArrayList<>();
		List<Long> progressPart = new ArrayList<>();
		Long queued = null;
		while (true) {
			long page = System.nanoTime();
			expectOk(send(HttpRequest.newBuilder(URI.create(this.base + "/acteurs?page=2")).GET().build()));
			publicPage.add(millisSince(page));
			long part = System.nanoTime();
			expectOk(send(HttpRequest.newBuilder(URI.create(this.base + BASE + "/" + campaignId))
				.header("HX-Request", "true")
				.GET()
				.build()));
			progressPart.add(millisSince(part));
			if (queued == null
					&& count("select count(*) from campaign_mailing where campaign_id = ? " + "and finished_at is null",
							campaignId) == 0) {
				queued = millisSince(start);
			}
			if (queued != null && count("select count(*) from outgoing_mail where reference like ? "
					+ "and sent_at is null and failed_at is null", prefix + "%") == 0) {
				long actors = count("select count(*) from outgoing_mail where reference like ?", prefix + "%") - before;
				return new Run(what, actors, requestMillis, queued, millisSince(start), publicPage, progressPart);
			}
			if (millisSince(start) > 15 * 60_000) {
				throw new IllegalStateException("the mailing did not end within 15 minutes");
			}
			Thread.sleep(250);
		}
	}

	private void deleteCampaign(int campaignId) {
		String prefix = "campaign:" + campaignId + "/%";
		// the links its mails carried (update and withdrawal), then the rest: mailings
		// and
		// recipients go with the campaign (on delete cascade)
		this.jdbc.sql("""
				delete from access_link l using campaign_recipient r
				where r.campaign_id = :campaign and lower(l.email) = lower(r.email)
				  and l.created_at >= (select min(requested_at) from campaign_mailing where campaign_id = :campaign)""")
			.param("campaign", campaignId)
			.update();
		this.jdbc.sql("delete from outgoing_mail where reference like ?").param(prefix).update();
		this.jdbc.sql("delete from census_campaign where id = ?").param(campaignId).update();
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(this.base + path)).GET().build());
		Matcher token = CSRF.matcher(response.body());
		if (token.find()) {
			this.csrf = token.group(1);
		}
		return response;
	}

	private HttpResponse<String> post(String path, String... nameValues) throws IOException, InterruptedException {
		List<String> pairs = new ArrayList<>(List.of(nameValues));
		pairs.add("_csrf");
		pairs.add(this.csrf);
		List<String> encoded = new ArrayList<>();
		for (int i = 0; i < pairs.size(); i += 2) {
			encoded.add(URLEncoder.encode(pairs.get(i), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(pairs.get(i + 1), StandardCharsets.UTF_8));
		}
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(String.join("&", encoded)))
			.build());
	}

	private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static void expectOk(HttpResponse<String> response) {
		if (response.statusCode() != 200) {
			throw new IllegalStateException(response.uri() + " answered " + response.statusCode());
		}
	}

	private long count(String sql, Object... params) {
		return this.jdbc.sql(sql).params(params).query(Long.class).single();
	}

	private static double load() {
		return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
	}

	private static long millisSince(long nanos) {
		return (System.nanoTime() - nanos) / 1_000_000;
	}

	private static long median(List<Long> values) {
		return values.isEmpty() ? 0 : values.stream().sorted().toList().get(values.size() / 2);
	}

	private static long max(List<Long> values) {
		return values.stream().mapToLong(Long::longValue).max().orElse(0);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
