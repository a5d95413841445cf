package fr.lianes.repertoire.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without JavaScript, for tests: it keeps its cookies, follows redirects and
 * sends forms with the CSRF token of the last page, as a person's browser would.
 */
public final class WebClient {

	/** A page as received, after redirects. */
	public record Page(int status, String uri, String body, HttpResponse<String> response) {

		public String header(String name) {
			return this.response.headers().firstValue(name).orElse(null);
		}

	}

	private static final String HTML = "text/html,application/xhtml+xml";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final String base;

	private final CookieManager cookies = new CookieManager();

	private final HttpClient http;

	private String csrf;

	public WebClient(int port) {
		this.base = "http://localhost:" + port;
		this.http = HttpClient.newBuilder()
			.cookieHandler(this.cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	public CookieManager cookies() {
		return this.cookies;
	}

	public Page get(String path) {
		return follow(HttpRequest.newBuilder(URI.create(this.base + path)).header("Accept", HTML).GET().build());
	}

	/** A request as htmx sends it: the answer is a fragment. */
	public Page htmx(String path) {
		return follow(HttpRequest.newBuilder(URI.create(this.base + path)).header("HX-Request", "true").GET().build());
	}

	/** Sends a form; the CSRF token of the last page is added. */
	public Page post(String path, String... nameValues) {
		List<String> pairs = new ArrayList<>(List.of(nameValues));
		if (this.csrf != null) {
			pairs.add("_csrf");
			pairs.add(this.csrf);
		}
		return postRaw(path, form(pairs));
	}

	public Page postRaw(String path, String body) {
		return follow(HttpRequest.newBuilder(URI.create(this.base + path))
			.expectContinue(body.length() > 100_000)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", HTML)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	public String csrf() {
		return this.csrf;
	}

	public static String form(List<String> pairs) {
		List<String> encoded = new ArrayList<>();
		for (int i = 0; i < pairs.size(); i += 2) {
			encoded.add(URLEncoder.encode(pairs.get(i), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(pairs.get(i + 1), StandardCharsets.UTF_8));
		}
		return String.join("&", encoded);
	}

	public static String form(Map<String, String> values) {
		return values.entrySet()
			.stream()
			.map((e) -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	private Page follow(HttpRequest request) {
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			int redirects = 0;
			while (response.statusCode() / 100 == 3 && redirects++ < 10) {
				URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
				response = this.http.send(HttpRequest.newBuilder(next).header("Accept", HTML).GET().build(),
						HttpResponse.BodyHandlers.ofString());
			}
			Matcher token = CSRF.matcher(response.body());
			if (token.find()) {
				this.csrf = token.group(1);
			}
			return new Page(response.statusCode(),
					response.uri().getPath()
							+ ((response.uri().getQuery() != null) ? "?" + response.uri().getQuery() : ""),
					response.body(), response);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
