package fr.lianes.repertoire.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link BrowserSupport#checkAccessibility} fails on a serious violation of the page or
 * of a frame of it, and passes a page without one: served by a small server of the test's
 * own, without the application.
 */
class BrowserSupportTests {

	private static final String PAGE = """
			<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Page</title></head>
			<body><main><h1>Page</h1>%s</main></body></html>""";

	private static final Map<String, String> PAGES = Map.of("/propre",
			PAGE.formatted("<p>Un texte.</p><iframe title=\"Un cadre\" src=\"/cadre-propre\"></iframe>"),
			"/cadre-propre", PAGE.formatted("<p>Le texte du cadre.</p>"), "/image-sans-texte",
			PAGE.formatted("<img src=\"/image.png\" width=\"10\" height=\"10\">"), "/cadre-sale",
			PAGE.formatted("<iframe title=\"Un cadre\" src=\"/image-sans-texte\"></iframe>"));

	private HttpServer server;

	@BeforeEach
	void serve() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", (exchange) -> {
			String page = PAGES.get(exchange.getRequestURI().getPath());
			byte[] body = (page != null) ? page.getBytes(StandardCharsets.UTF_8) : new byte[0];
			exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
			exchange.sendResponseHeaders((page != null) ? 200 : 404, (body.length > 0) ? body.length : -1);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	@Test
	void axeCoreFailsOnASeriousViolationOfThePageOrOfItsFrames() {
		WebDriver driver = BrowserSupport.start();
		driver.get(url("/propre"));
		BrowserSupport.checkAccessibility(driver);

		driver.get(url("/image-sans-texte"));
		assertThatThrownBy(() -> BrowserSupport.checkAccessibility(driver)).isInstanceOf(AssertionError.class)
			.hasMessageContaining("image-alt");

		driver.get(url("/cadre-sale"));
		assertThatThrownBy(() -> BrowserSupport.checkAccessibility(driver)).isInstanceOf(AssertionError.class)
			.hasMessageContaining("image-alt");
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + path;
	}

}
