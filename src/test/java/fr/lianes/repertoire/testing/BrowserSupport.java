package fr.lianes.repertoire.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A headless Chromium driven by ChromeDriver (Debian's packages), and axe-core on the
 * page it shows. Without Chromium, tests using it are skipped, unless
 * {@code -Drepertoire.browser-tests=required} makes its absence a failure.
 */
public final class BrowserSupport {

	/** The elements wider than the page, to say which one makes it scroll. */
	public static final String OVERFLOW = """
			const width = document.documentElement.clientWidth;
			const wide = [];
			for (const e of document.querySelectorAll('body *')) {
			  const box = e.getBoundingClientRect();
			  if (box.width > 0 && box.right > width + 1 && getComputedStyle(e).position !== 'absolute') {
			    wide.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && e.className.baseVal === undefined ? '.' + e.className : '') + ' ' + Math.round(box.right));
			  }
			}
			return [document.documentElement.scrollWidth - width, wide.slice(0, 8).join(', ')];""";

	private static final Path CHROMIUM = Path.of(System.getProperty("repertoire.chromium", "/usr/bin/chromium"));

	private static final Path CHROMEDRIVER = Path
		.of(System.getProperty("repertoire.chromedriver", "/usr/bin/chromedriver"));

	private BrowserSupport() {
	}

	/** A new browser, or the test skipped when there is none (and it is not required). */
	public static WebDriver start() {
		boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		if (!present && "required".equals(System.getProperty("repertoire.browser-tests"))) {
			throw new IllegalStateException(
					"Chromium and ChromeDriver are required: " + CHROMIUM + ", " + CHROMEDRIVER);
		}
		Assumptions.assumeTrue(present, "Chromium or ChromeDriver missing: browser tests skipped");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1600",
				"--lang=fr-FR");
		// the pages' language follows Accept-Language, which --lang does not set in
		// headless mode
		options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "fr-FR,fr"));
		ChromeDriverService.Builder builder = new ChromeDriverService.Builder()
			.usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort();
		if (System.getenv("FAKETIME") != null) {
			// the suite run under libfaketime (README, "Tests at any hour"): Chromium
			// does
			// not start with it, so the browser keeps the real time
			builder.withEnvironment(java.util.Map.of("LD_PRELOAD", ""));
		}
		ChromeDriverService service = builder.build();
		WebDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
		return driver;
	}

	/** Fails on any serious or critical axe-core violation of the current page. */
	public static void checkAccessibility(WebDriver driver) {
		Results results = new AxeBuilder().analyze(driver);
		List<Rule> serious = results.getViolations()
			.stream()
			.filter((rule) -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
			.toList();
		assertThat(serious)
			.as("axe-core on %s: %s", driver.getCurrentUrl(),
					serious.stream().map((r) -> r.getId() + " " + r.getNodes()).toList())
			.isEmpty();
	}

	/**
	 * Presses a form's button and waits for the page it leads to: the old page gone, the
	 * new one loaded and its autofocus applied. Typing into a page whose error summary
	 * takes the focus a moment later loses keystrokes to the summary (a busy machine
	 * showed it: the password typed after an error arrived cut short).
	 */
	public static void submit(WebDriver driver, By button) {
		WebElement page = driver.findElement(By.tagName("html"));
		driver.findElement(button).click();
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
		wait.until((browser) -> isGone(page));
		wait.until((browser) -> Boolean.TRUE
			.equals(((JavascriptExecutor) browser).executeScript("if (document.readyState !== 'complete') return false;"
					+ " const first = document.querySelector('[autofocus]');"
					+ " return first === null || document.activeElement === first;")));
	}

	/**
	 * Whether the element's page has been replaced. ChromeDriver says so with a stale
	 * element reference, or, when the new page came at that very moment, with an
	 * inspector error ("Node with given id does not belong to the document") that
	 * Selenium's {@code stalenessOf} does not take for an answer.
	 */
	private static boolean isGone(WebElement element) {
		try {
			element.isEnabled();
			return false;
		}
		catch (WebDriverException ex) {
			return true;
		}
	}

	/** Waits until the browser's address ends with the given path and query. */
	public static void awaitAddressEnding(WebDriver driver, String end) {
		try {
			new WebDriverWait(driver, Duration.ofSeconds(30)).until((browser) -> browser.getCurrentUrl().endsWith(end));
		}
		catch (TimeoutException ex) {
			throw new AssertionError("Expected an address ending with " + end + ", still on " + driver.getCurrentUrl()
					+ " showing: " + driver.findElement(By.tagName("main")).getText(), ex);
		}
	}

}
