package fr.lianes.repertoire.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import fr.lianes.repertoire.testing.ProductionStartTest;
import fr.lianes.repertoire.testing.WebClient;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the container answers by itself, and how static files are served: no bare 500 for
 * the error page's own address, the security headers on the answers Tomcat writes without
 * the application, and fingerprinted assets cached for long.
 */
class ContainerEdgesTests extends ProductionStartTest {

	/** The headers every page carries, which Tomcat's own answers must carry too. */
	private static final List<String> SECURITY_HEADERS = List.of("content-security-policy", "x-content-type-options",
			"x-frame-options", "referrer-policy", "permissions-policy", "x-xss-protection", "cache-control", "pragma",
			"expires");

	@LocalServerPort
	private int port;

	/** Issue 12, defect 15: {@code GET /error} answered 500. */
	@Test
	void theErrorPagesOwnAddressIsNotAServerError() {
		WebClient browser = new WebClient(this.port);
		WebClient.Page page = browser.get("/error");
		assertThat(page.status()).isEqualTo(404);
		assertThat(page.body()).contains("Page introuvable");
		assertThat(browser.get("/error?status=500").status()).isEqualTo(404);
	}

	/**
	 * Issue 12, defect 15: a request Tomcat refuses before the application sees it (a bad
	 * request line, an unknown transfer coding) was answered without any security header.
	 */
	@Test
	void answersTomcatWritesItselfCarryTheSecurityHeaders() throws IOException {
		// a page never stored (the questionnaire's; public pages are public for a minute,
		// issue 18)
		Map<String, String> page = headers(
				exchange("GET /recensement HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
		assertThat(page.keySet()).containsAll(SECURITY_HEADERS);
		for (String request : List.of("GET /a{b}c HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
				"GET /%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
				"GET / HTTP/1.1\r\nHost: local host\r\nConnection: close\r\n\r\n",
				"POST /recensement/commencer HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: gzip, chunked\r\n"
						+ "Connection: close\r\n\r\n0\r\n\r\n")) {
			String answer = exchange(request);
			int status = Integer.parseInt(answer.substring(9, 12));
			assertThat(status).as(request).isIn(400, 501);
			Map<String, String> headers = headers(answer);
			for (String name : SECURITY_HEADERS) {
				assertThat(headers.get(name)).as("%s on %s", name, request.lines().findFirst().orElseThrow())
					.isEqualTo(page.get(name));
			}
			assertThat(answer).doesNotContainIgnoringCase("Apache Tomcat");
		}
	}

	/**
	 * Issue 12, defect 15: static files were sent with {@code Cache-Control: no-store},
	 * fetched again on every page.
	 */
	@Test
	void fingerprintedAssetsAreCachedForAYear() {
		WebClient browser = new WebClient(this.port);
		Document home = Jsoup.parse(browser.get("/").body());
		List<String> assets = Stream
			.concat(home.select("link[href^=/assets], link[href^=/webjars]").stream().map((e) -> e.attr("href")),
					home.select("script[src]").stream().map((e) -> e.attr("src")))
			.toList();
		assertThat(assets).hasSizeGreaterThanOrEqualTo(3);
		for (String asset : assets) {
			assertThat(asset).as("fingerprinted").matches(".*-[0-9a-f]{32}\\.(css|js|svg)");
			WebClient.Page file = browser.get(asset);
			assertThat(file.status()).as(asset).isEqualTo(200);
			assertThat(file.header("Cache-Control")).as(asset).contains("max-age=31536000").doesNotContain("no-store");
		}
		WebClient.Page plain = browser.get("/assets/css/repertoire.css");
		assertThat(plain.status()).isEqualTo(200);
		assertThat(plain.header("Cache-Control")).doesNotContain("no-store").doesNotContain("max-age=31536000");
		// the questionnaire is never stored; a public page is public for a minute (issue
		// 18)
		assertThat(browser.get("/recensement").header("Cache-Control")).contains("no-store");
	}

	/**
	 * Assets reach pages through {@code @{…}}, so that their versioned address is used.
	 */
	@Test
	void templatesReferToAssetsThroughTheirVersionedAddress() throws IOException {
		try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
			for (Path template : templates.filter((p) -> p.toString().endsWith(".html")).toList()) {
				String text = Files.readString(template);
				assertThat(text).as(template.toString())
					.doesNotContainPattern("(?<!th:)(href|src)=\"[^\"]*/(assets|webjars)/");
			}
		}
	}

	private String exchange(String request) throws IOException {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(60_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
		}
	}

	private static Map<String, String> headers(String answer) {
		Map<String, String> headers = new LinkedHashMap<>();
		for (String line : answer.substring(0, answer.indexOf("\r\n\r\n")).split("\r\n")) {
			int colon = line.indexOf(':');
			if (colon > 0) {
				headers.put(line.substring(0, colon).toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
			}
		}
		return headers;
	}

}
