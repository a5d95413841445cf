package fr.lianes.repertoire.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.sun.net.httpserver.HttpServer;
import fr.lianes.repertoire.testing.BrowserSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The widget in a real browser: a partner's page served from another origin (a server of
 * its own, on another port) frames {@code /integrer/...}; the framed list and map render,
 * their links open the directory in a new tab, and a page that may not be framed is
 * refused by the browser. axe-core finds nothing serious on {@code /donnees}, the API's
 * documentation, {@code /integrer} and the framed pages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WidgetBrowserTests {

	private static WebDriver driver;

	@LocalServerPort
	private int port;

	/** The partner's site: one page framing what its path names after /cadre. */
	private HttpServer partner;

	@BeforeAll
	static void startBrowser() {
		driver = BrowserSupport.start();
	}

	@BeforeEach
	void startPartner() throws IOException {
		this.partner = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.partner.createContext("/cadre", (exchange) -> {
			String framed = exchange.getRequestURI().getRawQuery();
			String page = """
					<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Site partenaire</title></head>
					<body><main><h1>Site partenaire</h1>
					<iframe id="widget" src="http://localhost:%d%s" title="Acteurs de la région" width="800" height="700"></iframe>
					</main></body></html>"""
				.formatted(this.port, framed);
			byte[] body = page.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		this.partner.start();
	}

	@AfterEach
	void stopPartner() {
		this.partner.stop(0);
		// back to one window for the next test
		List<String> windows = new ArrayList<>(driver.getWindowHandles());
		for (int i = 1; i < windows.size(); i++) {
			driver.switchTo().window(windows.get(i)).close();
		}
		driver.switchTo().window(windows.get(0));
	}

	@Test
	void aPartnerFramesTheListWhoseLinksOpenTheDirectoryInANewTab() {
		openPartner("/integrer/acteurs?pays=SN");
		assertThat(driver.getCurrentUrl()).startsWith("http://127.0.0.1:");
		String partnerWindow = driver.getWindowHandle();
		driver.switchTo().frame("widget");
		assertThat(location()).isEqualTo("http://localhost:" + this.port + "/integrer/acteurs?pays=SN");
		assertThat(driver.findElement(By.tagName("h1")).getText())
			.isEqualTo("Acteurs de la coopération internationale en Hauts-de-France : Sénégal");
		List<WebElement> actors = driver.findElements(By.cssSelector("ul.widget-cards > li > h2 > a"));
		assertThat(actors).hasSize(WidgetController.LIST_SIZE);
		assertThat(actors.get(0).isDisplayed()).isTrue();
		String name = actors.get(0).getText();
		String href = actors.get(0).getDomAttribute("href");

		actors.get(0).click();
		new WebDriverWait(driver, Duration.ofSeconds(10), BrowserSupport.POLL)
			.until((d) -> d.getWindowHandles().size() == 2);
		String directoryWindow = driver.getWindowHandles()
			.stream()
			.filter((w) -> !w.equals(partnerWindow))
			.findFirst()
			.orElseThrow();
		driver.switchTo().window(directoryWindow);
		new WebDriverWait(driver, Duration.ofSeconds(10), BrowserSupport.POLL)
			.until((d) -> d.getCurrentUrl().endsWith(href));
		assertThat(driver.getCurrentUrl()).isEqualTo("http://localhost:" + this.port + href);
		assertThat(driver.findElement(By.tagName("h1")).getText()).startsWith(name);

		// the partner's page is still there, its frame on the list
		driver.switchTo().window(partnerWindow);
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Site partenaire");
		driver.switchTo().frame("widget");
		// the next actors open inside the frame
		driver.findElement(By.cssSelector("nav.widget-pages a[rel=next]")).click();
		new WebDriverWait(driver, Duration.ofSeconds(10), BrowserSupport.POLL)
			.until((d) -> location().contains("curseur="));
		assertThat(driver.getWindowHandles()).hasSize(2);
		assertThat(driver.findElements(By.cssSelector("ul.widget-cards > li > h2 > a"))).isNotEmpty();
		BrowserSupport.checkAccessibility(driver);
	}

	@Test
	void aPartnerFramesTheMapButNoOtherPage() {
		openPartner("/integrer/carte?domaine=sante");
		driver.switchTo().frame("widget");
		assertThat(location()).startsWith("http://localhost:" + this.port + "/integrer/carte");
		assertThat(driver.findElement(By.tagName("h1")).getText()).endsWith(": Santé");
		assertThat(driver.findElements(By.cssSelector(".map-world a.country"))).hasSizeGreaterThan(10);
		assertThat(driver.findElement(By.cssSelector(".map-world svg")).getSize().getWidth()).isGreaterThan(300);
		driver.findElement(By.cssSelector("p.widget-all a")).click();
		new WebDriverWait(driver, Duration.ofSeconds(10), BrowserSupport.POLL)
			.until((d) -> d.getWindowHandles().size() == 2);
		driver.switchTo().defaultContent();

		// the directory's own pages refuse to be framed
		for (String refused : new String[] { "/acteurs?pays=SN", "/integrer" }) {
			openPartner(refused);
			driver.switchTo().frame("widget");
			assertThat(location()).as(refused).doesNotStartWith("http://localhost:" + this.port);
			assertThat(BrowserSupport.count(driver, "h1.widget-title, main h1")).as(refused).isZero();
			driver.switchTo().defaultContent();
		}
	}

	@Test
	void theOpenDataPagesTheBuilderAndTheFramedPagesAreAccessible() {
		for (String path : new String[] { "/donnees", "/donnees/api", "/integrer", "/integrer?forme=carte&pays=SN",
				"/integrer/acteurs?territoire=dunkerquois", "/integrer/carte?pays=SN" }) {
			driver.get("http://localhost:" + this.port + path);
			assertThat(driver.findElement(By.tagName("h1")).getText()).as(path).isNotBlank();
			BrowserSupport.checkAccessibility(driver);
		}
		// the builder's preview frames its own widget
		driver.get("http://localhost:" + this.port + "/integrer?pays=ML");
		driver.switchTo().frame(driver.findElement(By.cssSelector("#apercu iframe")));
		assertThat(driver.findElement(By.tagName("h1")).getText()).endsWith(": Mali");
		driver.switchTo().defaultContent();
	}

	private void openPartner(String framed) {
		driver.get("http://127.0.0.1:" + this.partner.getAddress().getPort() + "/cadre?" + framed);
	}

	private static String location() {
		return (String) ((JavascriptExecutor) driver).executeScript("return document.location.href");
	}

}
