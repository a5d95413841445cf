package fr.lianes.repertoire.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

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
 * A headless Chromium driven by ChromeDriver (Debian's packages), one for the test
 * classes of a JVM, and axe-core on the page it shows. Without Chromium, tests using it
 * are skipped, unless {@code -Drepertoire.browser-tests=required} makes its absence a
 * failure.
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

	private static final Duration IMPLICIT_WAIT = Duration.ofSeconds(2);

	/**
	 * How often a wait looks again (Selenium's default, 500 ms, is most of a page's time
	 * on a quiet machine).
	 */
	public static final Duration POLL = Duration.ofMillis(100);

	/** axe-core can take many seconds on a large page of a busy machine. */
	private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(2);

	/**
	 * axe-core's script as Deque's artifact bundles it (the one its {@code AxeBuilder}
	 * injects).
	 */
	private static final String AXE = axeScript();

	/**
	 * axe-core on the current frame's document and its frames, every rule that can find a
	 * serious or critical violation; answers those violations, or the error axe-core met.
	 * The rules whose impact is minor or moderate are left out: axe-core 4 gives each
	 * rule its impact and every violation of the rule takes it, and this class reports
	 * serious and critical ones only (a rule with no impact of its own would run). Only
	 * the violations are described ({@code resultTypes}): axe-core does not write out the
	 * thousands of nodes that pass.
	 */
	private static final String RUN_AXE = """
			const done = arguments[arguments.length - 1];
			const rules = {};
			for (const rule of (axe._audit && axe._audit.rules) || []) {
			  if (rule.impact === 'minor' || rule.impact === 'moderate') {
			    rules[rule.id] = { enabled: false };
			  }
			}
			axe.run(document, { resultTypes: ['violations'], rules: rules })
			  .then((results) => done(results.violations
			    .filter((rule) => rule.impact === 'serious' || rule.impact === 'critical')
			    .map((rule) => rule.id + ' ' + rule.nodes
			      .map((node) => JSON.stringify(node.target) + ' ' + node.failureSummary).join(' | '))))
			  .catch((error) => done(['axe-core failed: ' + error]));""";

	/** The browser of this JVM, shared by its test classes. */
	private static WebDriver shared;

	/** Its first window, the one handed out. */
	private static String firstWindow;

	private BrowserSupport() {
	}

	/**
	 * The browser, or the test skipped when there is none (and it is not required). One
	 * Chromium serves every test class of the JVM (started at the first call, quit when
	 * the JVM ends): each call hands it back as a new one would be, on a blank page in
	 * one window, without cookies or cache, at its own width.
	 */
	public static synchronized WebDriver start() {
		boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		if (!present && "required".equals(System.getProperty("repertoire.browser-tests"))) {
			throw new IllegalStateException(
					"Chromium and ChromeDriver are required: " + CHROMIUM + ", " + CHROMEDRIVER);
		}
		Assumptions.assumeTrue(present, "Chromium or ChromeDriver missing: browser tests skipped");
		if (shared != null && !reset(shared)) {
			quit(shared);
			shared = null;
		}
		if (shared == null) {
			WebDriver started = launch();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> quit(started)));
			firstWindow = started.getWindowHandle();
			shared = started;
		}
		return shared;
	}

	private static WebDriver launch() {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1600",
				"--lang=fr-FR");
		// the pages' language follows Accept-Language, which --lang does not set in
		// headless mode
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "fr-FR,fr"));
		ChromeDriverService.Builder builder = new ChromeDriverService.Builder()
			.usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort();
		if (System.getenv("FAKETIME") != null) {
			// the suite run under libfaketime (README, "Tests at any hour"): Chromium
			// does not start with it, so the browser keeps the real time
			builder.withEnvironment(Map.of("LD_PRELOAD", ""));
		}
		WebDriver driver = new ChromeDriver(builder.build(), options);
		driver.manage().timeouts().implicitlyWait(IMPLICIT_WAIT).scriptTimeout(SCRIPT_TIMEOUT);
		return driver;
	}

	/**
	 * Puts the browser back as a new one: its other windows closed, a blank page, no
	 * cookies (of any site: the test classes' applications all answer on localhost), no
	 * cache, no emulated screen, the usual waits. False when it no longer answers.
	 */
	private static boolean reset(WebDriver driver) {
		try {
			for (String window : driver.getWindowHandles()) {
				if (!window.equals(firstWindow)) {
					driver.switchTo().window(window).close();
				}
			}
			driver.switchTo().window(firstWindow);
			driver.get("about:blank");
			ChromeDriver chrome = (ChromeDriver) driver;
			chrome.executeCdpCommand("Network.clearBrowserCookies", Map.of());
			chrome.executeCdpCommand("Network.clearBrowserCache", Map.of());
			chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
			driver.manage().timeouts().implicitlyWait(IMPLICIT_WAIT).scriptTimeout(SCRIPT_TIMEOUT);
			return true;
		}
		catch (WebDriverException ex) {
			return false;
		}
	}

	private static void quit(WebDriver driver) {
		try {
			driver.quit();
		}
		catch (WebDriverException ex) {
			// already gone
		}
	}

	/**
	 * Fails on any serious or critical axe-core violation of the current page (the
	 * current frame's document when the driver is in a frame), its same-origin frames
	 * included.
	 */
	public static void checkAccessibility(WebDriver driver) {
		injectAxe(driver);
		List<?> serious = (List<?>) ((JavascriptExecutor) driver).executeAsyncScript(RUN_AXE);
		assertThat(serious).as("axe-core on %s: %s", driver.getCurrentUrl(), serious).isEmpty();
	}

	/**
	 * Puts axe-core in the current document and in its frames, where axe-core's run asks
	 * for their results. Through the driver, as Deque's {@code AxeBuilder} does: the
	 * pages' Content-Security-Policy forbids a script of theirs to evaluate it.
	 */
	private static void injectAxe(WebDriver driver) {
		JavascriptExecutor js = (JavascriptExecutor) driver;
		if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe?.run === 'function';"))) {
			js.executeScript(AXE);
		}
		List<?> frames = (List<?>) js.executeScript("return [...document.querySelectorAll('iframe, frame')];");
		for (Object frame : frames) {
			driver.switchTo().frame((WebElement) frame);
			try {
				injectAxe(driver);
			}
			finally {
				driver.switchTo().parentFrame();
			}
		}
	}

	private static String axeScript() {
		try (InputStream in = AxeBuilder.class.getResourceAsStream("/axe.min.js")) {
			if (in == null) {
				throw new IllegalStateException("axe.min.js is not on the class path");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * How many elements of the current document match the selector, at once: Selenium's
	 * {@code findElements} waits the whole implicit wait for an element that is absent.
	 */
	public static int count(WebDriver driver, String selector) {
		return ((Number) ((JavascriptExecutor) driver)
			.executeScript("return document.querySelectorAll(arguments[0]).length;", selector)).intValue();
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
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30), POLL);
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
			new WebDriverWait(driver, Duration.ofSeconds(30), POLL)
				.until((browser) -> browser.getCurrentUrl().endsWith(end));
		}
		catch (TimeoutException ex) {
			throw new AssertionError("Expected an address ending with " + end + ", still on " + driver.getCurrentUrl()
					+ " showing: " + driver.findElement(By.tagName("main")).getText(), ex);
		}
	}

}
