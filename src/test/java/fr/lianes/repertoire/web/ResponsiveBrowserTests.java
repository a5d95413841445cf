package fr.lianes.repertoire.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import fr.lianes.repertoire.testing.Questionnaire;
import fr.lianes.repertoire.testing.TypedActor;
import fr.lianes.repertoire.testing.WebClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import fr.lianes.repertoire.testing.BrowserSupport;
import fr.lianes.repertoire.testing.ProductionStartTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of public and questionnaire page at 320, 390 and 1366 CSS pixels wide in
 * Chromium: nothing scrolls sideways at any of them, axe-core finds nothing serious (at
 * 320 px, and at 1366 px too where the page shows something at one width only: see
 * {@link #changesWithWidth}; not where another class runs it on the same page at the same
 * width: see {@link #checkedElsewhere}), and a screenshot of each is written under
 * {@code target/screenshots/} for review. On a directory started as production starts it,
 * filled through the questionnaire. The back office is {@code BackOfficeBrowserTests}'
 * (every page of it at the same widths, its layout, sideways scrolling and axe-core, with
 * longer names and addresses than here).
 */
class ResponsiveBrowserTests extends ProductionStartTest {

	private static final List<Integer> WIDTHS = List.of(320, 390, 1366);

	private static final Path SCREENSHOTS = Path.of("target/screenshots");

	private static WebDriver driver;

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void noPageScrollsSidewaysAtAnyWidthAndAxeFindsNothingSerious() throws IOException {
		WebClient admin = new WebClient(this.port);
		admin.get("/connexion");
		admin.post("/connexion", "email", ADMIN_EMAIL, "motDePasse", ADMIN_PASSWORD);
		long actorId = Questionnaire.enter(this.port, this.jdbc, admin, TypedActor
			.actor("largeur", "Association des Très Longues Dénominations Internationales",
					"association-solidarite-internationale", "59000", "Lille")
			.description(
					"Une association dont la description est assez longue pour remplir plusieurs lignes sur un téléphone, avec une adresse web interminable https://www.une-association-au-nom-tres-long.example/pages/presentation/historique.")
			.project(TypedActor.TypedProject
				.project("Un projet de coopération décentralisée au titre particulièrement long")
				.in("SN")
				.domains("nutrition")));
		String actor = this.jdbc.sql("select slug from actor where id = ?").param(actorId).query(String.class).single();
		String project = this.jdbc.sql("select slug from project order by id desc limit 1")
			.query(String.class)
			.single();

		List<String> pages = List.of("/", "/acteurs", "/acteurs?q=association", "/acteurs/" + actor, "/projets",
				"/projets/" + project, "/pays", "/pays/sn", "/domaines", "/domaines/nutrition", "/territoires",
				"/territoires/metropole-lilloise", "/chiffres", "/donnees", "/donnees/api", "/integrer", "/recensement",
				"/recensement/mise-a-jour", "/donnees-personnelles", "/donnees-personnelles/demande",
				"/donnees-personnelles/demande?objet=effacement", "/mentions-legales", "/accessibilite", "/connexion",
				"/page-inconnue");

		driver = BrowserSupport.start();
		Files.createDirectories(SCREENSHOTS);
		List<String> failures = new ArrayList<>();
		for (int width : WIDTHS) {
			((ChromeDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride",
					Map.of("width", width, "height", 900, "deviceScaleFactor", 1, "mobile", width < 800));
			driver.manage().deleteAllCookies();
			for (String page : pages) {
				visit(page, width, failures);
				if (page.equals("/acteurs") || page.equals("/projets")) {
					listOrder(page, width, failures);
				}
			}
			// the questionnaire, every step of a draft
			driver.get(url("/recensement"));
			driver.findElement(By.id("email")).sendKeys("largeur" + width + "@asso.example");
			driver.findElement(By.cssSelector("form[action$='/recensement/commencer'] button[type=submit]")).click();
			check("/recensement/structure", width, failures);
			for (String step : List.of("/recensement/contacts", "/recensement/projets", "/recensement/projets/nouveau",
					"/recensement/relecture")) {
				visit(step, width, failures);
				assertThat(path()).as(step).startsWith(step.replace("/nouveau", "/"));
			}
			// a request for a copy of one's data: sent, the emailed link's page, done
			String address = "donnees" + width + "@asso.example";
			driver.get(url("/donnees-personnelles/demande"));
			driver.findElement(By.id("objet-copie")).click();
			driver.findElement(By.id("email")).sendKeys(address);
			driver.findElement(By.cssSelector("form[action$='/donnees-personnelles/demande'] button[type=submit]"))
				.click();
			check("/donnees-personnelles/demande (envoyée)", width, failures);
			driver.get(
					url(linkIn(mailTo(address, "Confirmez votre demande"), "/donnees-personnelles/demande/confirmer")));
			check("/donnees-personnelles/demande/confirmer", width, failures);
			driver.findElement(By.cssSelector("form[action$='/confirmer'] button[type=submit]")).click();
			assertThat(driver.findElement(By.cssSelector("main [role=status]")).getText()).contains(address);
			check("/donnees-personnelles/demande/confirmer (faite)", width, failures);
		}
		assertThat(failures).isEmpty();
	}

	/**
	 * A list's filters: on a narrow screen the search box, then the count and the first
	 * result, then the « Filtrer » button; on a wide one the filters beside the results.
	 */
	private void listOrder(String page, int width, List<String> failures) {
		List<?> tops = (List<?>) ((JavascriptExecutor) driver).executeScript(LIST_BOXES);
		double search = ((Number) tops.get(0)).doubleValue();
		double count = ((Number) tops.get(1)).doubleValue();
		double firstResult = ((Number) tops.get(2)).doubleValue();
		double filtrer = ((Number) tops.get(3)).doubleValue();
		double filtersRight = ((Number) tops.get(4)).doubleValue();
		double resultsLeft = ((Number) tops.get(5)).doubleValue();
		double filtersTop = ((Number) tops.get(6)).doubleValue();
		double resultsBottom = ((Number) tops.get(7)).doubleValue();
		boolean linkToResults = (Boolean) tops.get(8);
		if (!linkToResults) {
			failures.add(page + " at " + width + " px: no « aller aux résultats » link after the search box");
		}
		if (width < 800) {
			if (!(search < count && count < firstResult && firstResult < filtrer)) {
				failures.add(page + " at " + width + " px: search " + search + ", count " + count + ", first result "
						+ firstResult + ", « Filtrer » " + filtrer + " are not in this order from the top");
			}
		}
		else if (!(filtersRight <= resultsLeft && filtersTop < resultsBottom)) {
			failures.add(page + " at " + width + " px: the filters (right " + filtersRight + ", top " + filtersTop
					+ ") are not beside the results (left " + resultsLeft + ", bottom " + resultsBottom + ")");
		}
		// the search box, before the results, still sends the filters' form (folded here)
		if (width == 390 && page.equals("/acteurs")) {
			driver.findElement(By.id("q")).sendKeys("association" + Keys.ENTER);
			new WebDriverWait(driver, Duration.ofSeconds(30), BrowserSupport.POLL)
				.until((browser) -> path().contains("q=association"));
			assertThat(path()).startsWith("/acteurs?");
		}
	}

	/** Where a list page's parts are, in CSS pixels from the top of the page. */
	private static final String LIST_BOXES = """
			const box = (selector) => document.querySelector(selector).getBoundingClientRect();
			const y = window.scrollY;
			const fold = document.querySelector('details.filter-fold > summary');
			const filtrer = getComputedStyle(fold).display === 'none' ? box('form.filters') : fold.getBoundingClientRect();
			const link = document.querySelector('.to-results a[href="#result-count"]');
			return [box('#q').top + y, box('#result-count').top + y, box('.cards > li').top + y, filtrer.top + y,
			  box('form.filters').right, box('.list-results').left, box('form.filters').top + y,
			  box('.list-results').bottom + y,
			  link !== null && (document.querySelector('#q').compareDocumentPosition(link) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0];""";

	private void visit(String page, int width, List<String> failures) {
		driver.get(url(page));
		check(page, width, failures);
	}

	private void check(String page, int width, List<String> failures) {
		List<?> overflow = (List<?>) ((JavascriptExecutor) driver).executeScript(BrowserSupport.OVERFLOW);
		long extra = ((Number) overflow.get(0)).longValue();
		if (extra > 0) {
			failures.add(page + " at " + width + " px scrolls " + extra + " px sideways: " + overflow.get(1));
		}
		if (axeHere(page, width)) {
			try {
				BrowserSupport.checkAccessibility(driver);
			}
			catch (AssertionError ex) {
				failures.add(page + " at " + width + " px: " + ex.getMessage().lines().findFirst().orElse(""));
			}
		}
		Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
		String name = (page.equals("/") ? "accueil" : page.substring(1).replaceAll("[^a-z0-9]+", "-")) + "-" + width
				+ ".png";
		try {
			Files.copy(shot, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Whether axe-core runs on this page at this width here (it takes seconds a page): on
	 * the narrow layout (390 px has the same one as 320: the style sheet's breakpoints
	 * are at 40, 48 and 50 rem), and on the wide one too where the page is not the same
	 * there; not where another class runs it already.
	 */
	static boolean axeHere(String page, int width) {
		return (width == 320 || (width == 1366 && changesWithWidth(page))) && !checkedElsewhere(page, width);
	}

	/**
	 * Whether another class runs axe-core on this page, in the same state, at this width:
	 * {@code QuestionnaireBrowserTests} a new draft's empty project form at 1366 px. Here
	 * it is still measured for sideways scrolling and photographed at every width.
	 */
	static boolean checkedElsewhere(String page, int width) {
		return width == 1366 && page.equals("/recensement/projets/nouveau");
	}

	/**
	 * Whether a page shows something at one width only, so that axe-core checks both
	 * layouts: the lists' filters (folded by {@code filters.js} on a narrow screen), the
	 * key figures' map of the region (wide screens only) and the questionnaire's step
	 * names (hidden on a phone). The other pages have the same content and navigation at
	 * every width, only laid out differently: axe-core checks them once, at 320 px, the
	 * narrowest layout (where tables scroll sideways in their own box).
	 */
	static boolean changesWithWidth(String page) {
		return page.equals("/acteurs") || page.startsWith("/acteurs?") || page.equals("/projets")
				|| page.startsWith("/projets?") || page.equals("/chiffres") || page.startsWith("/recensement/");
	}

	private static String path() {
		return driver.getCurrentUrl().replaceFirst("^https?://[^/]+", "");
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
