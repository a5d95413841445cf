package fr.lianes.repertoire.figures;

import java.time.Duration;

import fr.lianes.repertoire.testing.BrowserSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The key figures and the maps in a real browser, checked by axe-core.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FiguresBrowserTests {

	private static WebDriver driver;

	@LocalServerPort
	private int port;

	@BeforeAll
	static void startBrowser() {
		driver = BrowserSupport.start();
	}

	@Test
	void theFiguresPageAndItsFiltersAreAccessible() {
		open("/chiffres");
		BrowserSupport.checkAccessibility(driver);
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Quelques chiffres");
		assertThat(driver.findElements(By.cssSelector(".map-world a.country"))).hasSizeGreaterThan(50);
		assertThat(driver.findElement(By.cssSelector(".map-world svg")).getSize().getWidth()).isGreaterThan(500);
		driver.findElement(By.cssSelector("#territoires details summary")).click();
		assertThat(driver.findElement(By.cssSelector("#territoires table")).isDisplayed()).isTrue();
		BrowserSupport.checkAccessibility(driver);

		// the filters are folded under their title, open once a filter is chosen
		driver.findElement(By.cssSelector(".figures-filter-fold > summary")).click();
		new Select(driver.findElement(By.id("f-pays"))).selectByValue("SN");
		driver.findElement(By.cssSelector(".figures-filters button[type=submit]")).click();
		// the click returns before the next page has loaded
		new WebDriverWait(driver, Duration.ofSeconds(10), BrowserSupport.POLL)
			.until(ExpectedConditions.urlContains("pays=SN"));
		assertThat(driver.getCurrentUrl()).contains("/chiffres?").contains("pays=SN");
		assertThat(driver.findElement(By.tagName("h1")).getText()).contains("Sénégal");
		BrowserSupport.checkAccessibility(driver);

		driver.findElement(By.cssSelector(".map-region a.tile[href='/territoires/metropole-lilloise']")).click();
		assertThat(driver.getCurrentUrl()).endsWith("/territoires/metropole-lilloise");
	}

	@Test
	void everyTableOpensForPrintingAndClosesAfter() {
		open("/chiffres");
		assertThat(driver.findElement(By.cssSelector("#pays table")).isDisplayed()).isFalse();
		JavascriptExecutor js = (JavascriptExecutor) driver;
		js.executeScript("window.dispatchEvent(new Event('beforeprint'))");
		assertThat(BrowserSupport.count(driver, "details:not([open])")).isZero();
		assertThat(driver.findElement(By.cssSelector("#pays table")).isDisplayed()).isTrue();
		js.executeScript("window.dispatchEvent(new Event('afterprint'))");
		assertThat(driver.findElement(By.cssSelector("#pays table")).isDisplayed()).isFalse();
	}

	@Test
	void theCountriesPageWithItsMapIsAccessible() {
		open("/pays");
		BrowserSupport.checkAccessibility(driver);
		driver.findElement(By.cssSelector(".map-world a.country[href='/pays/ml']")).click();
		assertThat(driver.getCurrentUrl()).endsWith("/pays/ml");
		BrowserSupport.checkAccessibility(driver);
		open("/");
		BrowserSupport.checkAccessibility(driver);
	}

	/**
	 * Every piece of text of the charts and maps that is shown, with its rendered size:
	 * SVG text at its font size times the scale its drawing is shown at, HTML text at its
	 * computed size; and the page's sideways overflow.
	 */
	private static final String TEXT_SIZES = """
			const sizes = [];
			for (const e of document.querySelectorAll('.figures-page .chart *, .figures-page .map *, .key-figures *')) {
			  const own = [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim() !== '');
			  if (!own || e.getClientRects().length === 0) {
			    continue;
			  }
			  const box = e.getBoundingClientRect();
			  if (box.width === 0 || box.height === 0 || e.closest('details:not([open]) > :not(summary)')) {
			    continue;
			  }
			  let size = parseFloat(getComputedStyle(e).fontSize);
			  if (e instanceof SVGElement) {
			    size = size * e.getScreenCTM().a;
			  }
			  sizes.push([e.tagName.toLowerCase() + '.' + (e.getAttribute('class') || '') + ' ' + e.textContent.trim().slice(0, 30), size,
			    e.closest('.chart') !== null, e.closest('.chart-legend') !== null]);
			}
			return [document.documentElement.scrollWidth - document.documentElement.clientWidth, sizes];""";

	@Test
	void chartTextIsReadableOnAPhoneAndOnADesktopAndNothingScrollsSideways() {
		for (int width : java.util.List.of(390, 1366)) {
			((org.openqa.selenium.chrome.ChromeDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride",
					java.util.Map.of("width", width, "height", 900, "deviceScaleFactor", 1, "mobile", width < 800));
			open("/chiffres");
			java.util.List<?> measured = (java.util.List<?>) ((JavascriptExecutor) driver).executeScript(TEXT_SIZES);
			assertThat(((Number) measured.get(0)).longValue()).as("sideways scroll at %d px", width).isZero();
			java.util.List<?> sizes = (java.util.List<?>) measured.get(1);
			// the bars' labels and values, the legends, the key figures: hundreds of
			// texts
			assertThat(sizes).as("texts measured at %d px", width).hasSizeGreaterThan(100);
			java.util.List<String> small = sizes.stream()
				.map((s) -> (java.util.List<?>) s)
				.filter((s) -> ((Number) s.get(1)).doubleValue() < 12)
				.map((s) -> s.get(0) + " " + s.get(1) + " px")
				.toList();
			assertThat(small).as("chart text under 12 px at %d px", width).isEmpty();
			// the charts' own text (bars, stacked bars' legends, tables' links): 14 px or
			// more
			java.util.List<String> under14 = sizes.stream()
				.map((s) -> (java.util.List<?>) s)
				.filter((s) -> Boolean.TRUE.equals(s.get(2)) && ((Number) s.get(1)).doubleValue() < 14)
				.map((s) -> s.get(0) + " " + s.get(1) + " px")
				.toList();
			assertThat(under14).as("charts' text under 14 px at %d px", width).isEmpty();
			// the stacked bars' legends among them, every share named
			assertThat(sizes.stream().map((s) -> (java.util.List<?>) s).filter((s) -> Boolean.TRUE.equals(s.get(3))))
				.as("texts of the stacked bars' legends measured at %d px", width)
				.hasSizeGreaterThanOrEqualTo(
						driver.findElements(By.cssSelector("#familles .chart-legend li, #natures .chart-legend li"))
							.size());
			// the bars use the width the page gives them
			double bar = driver.findElement(By.cssSelector("#pays .hbar:first-child .hbar-track")).getSize().getWidth();
			double row = driver.findElement(By.cssSelector("#pays .hbar:first-child")).getSize().getWidth();
			assertThat(bar / row).as("share of the row the longest bar uses at %d px", width).isGreaterThan(0.5);
			// the smallest share of a stacked chart still has its value, in the legend
			assertThat(driver.findElements(By.cssSelector("#familles .chart-legend li")))
				.allSatisfy((li) -> assertThat(li.getText()).containsPattern("[0-9] \\(.*[0-9].*%\\)"));
			// axe-core on the phone's layout: the desktop's (the same above 50 rem) is
			// checked at 1280 px by theFiguresPageAndItsFiltersAreAccessible
			if (width < 800) {
				BrowserSupport.checkAccessibility(driver);
			}
		}
		((org.openqa.selenium.chrome.ChromeDriver) driver).executeCdpCommand("Emulation.clearDeviceMetricsOverride",
				java.util.Map.of());
	}

	private void open(String path) {
		driver.get("http://localhost:" + this.port + path);
	}

}
