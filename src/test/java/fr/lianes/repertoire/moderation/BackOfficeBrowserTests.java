package fr.lianes.repertoire.moderation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import fr.lianes.repertoire.testing.Questionnaire;
import fr.lianes.repertoire.testing.TypedActor;
import fr.lianes.repertoire.testing.WebClient;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import fr.lianes.repertoire.testing.BrowserSupport;
import fr.lianes.repertoire.testing.ProductionStartTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every back-office page, signed in as an administrator, at 320, 390 and 1366 CSS pixels
 * wide in Chromium (issue 17): its own layout (no public header, the staff menu with one
 * section marked current, folded under « Menu » on a phone), nothing scrolls sideways,
 * axe-core finds nothing serious (at 320 and 1366 px), and a screenshot of each is
 * written under {@code target/screenshots/}. The review pages of a new structure and of
 * an update included. On a directory started as production starts it, filled through the
 * questionnaire, with a census campaign (the context is closed afterwards: the others
 * start without one). {@code ResponsiveBrowserTests} leaves the back office to this
 * class: a page dropped from here is no longer checked, neither with axe-core nor for
 * sideways scrolling.
 */
@DirtiesContext
class BackOfficeBrowserTests extends ProductionStartTest {

	private static final List<Integer> WIDTHS = List.of(320, 390, 1366);

	private static final Path SCREENSHOTS = Path.of("target/screenshots");

	/**
	 * Public headers; current sections shown in the staff menu; « Menu » folds shown.
	 */
	private static final String LAYOUT = """
			const shown = (e) => e.checkVisibility({ visibilityProperty: true });
			return [document.querySelectorAll('header.site-header').length,
			  [...document.querySelectorAll('header.staff-header .staff-nav a[aria-current=page]')].filter(shown).length,
			  [...document.querySelectorAll('.staff-menu-fold > summary')].filter(shown).length];""";

	private static WebDriver driver;

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void everyBackOfficePageHasTheStaffLayoutAndFitsEveryWidth() throws IOException {
		WebClient admin = new WebClient(this.port);
		admin.get("/connexion");
		admin.post("/connexion", "email", ADMIN_EMAIL, "motDePasse", ADMIN_PASSWORD);
		TypedActor first = TypedActor
			.actor("bureau-un", "Association des Très Longues Dénominations de la Coopération Décentralisée",
					"association-solidarite-internationale", "59000", "Lille")
			.description("Une description longue avec une adresse interminable "
					+ "https://www.une-association-au-nom-tres-long.example/pages/presentation/historique.")
			.project(TypedActor.TypedProject
				.project("Un projet de coopération décentralisée au titre particulièrement long")
				.in("SN")
				.domains("nutrition"));
		long actorId = Questionnaire.enter(this.port, this.jdbc, admin, first);
		long otherId = Questionnaire.enter(this.port, this.jdbc, admin,
				TypedActor.actor("bureau-deux", "Association des Très Longues Dénominations",
						"association-solidarite-internationale", "59000", "Lille"));
		long update = BackOfficeReviewTests.sendUpdate(this.port, this.jdbc, first, actorId, "description",
				"Une description revue, avec https://www.une-association-au-nom-tres-long.example/pages/nouvelles/2026.");
		long fresh = Questionnaire.send(this.port, this.jdbc,
				TypedActor.actor("bureau-trois", "Nouvelle Association Internationale de Solidarité",
						"association-solidarite-internationale", "62000", "Arras"));
		long projectId = this.jdbc.sql("select id from project where lead_actor_id = ?")
			.param(actorId)
			.query(Long.class)
			.single();
		// a census campaign closing on the first day of a month, as an administrator
		// opens
		// it: its dates say « 1er »
		String campaigns = "/moderation/administration/campagnes";
		LocalDate today = LocalDate.now(this.clock);
		LocalDate closes = today.plusDays(40).withDayOfMonth(1);
		admin.get(campaigns + "/nouvelle");
		WebClient.Page campaign = admin.post(campaigns, "name", "Recensement des largeurs", "opensOn", today.toString(),
				"closesOn", closes.toString(), "asOf", today.toString());
		assertThat(campaign.uri()).matches(campaigns + "/[0-9]+");
		String firstOfMonth = "1er " + closes.format(DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRENCH));
		assertThat(Jsoup.parse(campaign.body()).select("main").text()).contains("au " + firstOfMonth);
		assertThat(Jsoup.parse(admin.get(campaigns).body()).select("main table").text()).contains("au " + firstOfMonth);
		assertThat(Jsoup.parse(new WebClient(this.port).get("/recensement").body()).select("main").text())
			.contains("au " + firstOfMonth);

		String admin0 = "/moderation/administration";
		List<String> pages = new ArrayList<>(List.of("/moderation", "/moderation/soumissions/" + fresh,
				"/moderation/soumissions/" + update, "/moderation/acteurs", "/moderation/acteurs?q=association",
				"/moderation/acteurs/" + actorId, "/moderation/acteurs/" + actorId + "/modifier",
				"/moderation/acteurs/" + actorId + "/contacts", "/moderation/projets/" + projectId,
				"/moderation/projets/" + projectId + "/modifier", "/moderation/a-relancer", "/moderation/doublons",
				"/moderation/doublons?acteur=" + actorId, "/moderation/doublons/fusion?a=" + actorId + "&b=" + otherId,
				admin0 + "/comptes", admin0 + "/comptes/nouveau", admin0 + "/campagnes", admin0 + "/campagnes/nouvelle",
				campaign.uri(), admin0 + "/referentiels", admin0 + "/referentiels/types-acteurs",
				admin0 + "/referentiels/types-acteurs/association-solidarite-internationale",
				admin0 + "/referentiels/territoires", admin0 + "/referentiels/territoires/metropole-lilloise",
				admin0 + "/referentiels/domaines", admin0 + "/referentiels/domaines/nutrition", admin0 + "/index",
				admin0 + "/sauvegardes", admin0 + "/import", "/moderation/compte/double-authentification"));

		Path file = Files.createTempFile("largeurs", ".csv");
		Files.writeString(file, """
				Identifiant;Nom;Genre;Code postal;Commune;Titre du projet;Pays;Domaines;Nature de l'action
				L1;Association des Largeurs d'Écran;Asso de village;59000;Lille;Puits à Kandi;Bénin;Santé;Construction
				""");

		driver = BrowserSupport.start();
		Files.createDirectories(SCREENSHOTS);
		List<String> failures = new ArrayList<>();
		for (int width : WIDTHS) {
			((ChromeDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride",
					Map.of("width", width, "height", 900, "deviceScaleFactor", 1, "mobile", width < 800));
			driver.manage().deleteAllCookies();
			driver.get(url("/connexion"));
			driver.findElement(By.id("email")).sendKeys(ADMIN_EMAIL);
			driver.findElement(By.id("motDePasse")).sendKeys(ADMIN_PASSWORD);
			driver.findElement(By.cssSelector("form[action$='/connexion'] button[type=submit]")).click();
			List<String> visited = new ArrayList<>(pages);
			// a staff account's own page, reached from the list
			driver.get(url(admin0 + "/comptes"));
			visited.add(driver
				.findElement(By.cssSelector("main a[href^='" + admin0 + "/comptes/']:not([href$='/nouveau'])"))
				.getAttribute("href")
				.replaceFirst("^https?://[^/]+", ""));
			for (String page : visited) {
				driver.get(url(page));
				check(page, width, failures);
			}
			// an import: the columns' mapping of a file sent, then its dry run
			driver.get(url(admin0 + "/import"));
			driver.findElement(By.id("fichiers")).sendKeys(file.toAbsolutePath().toString());
			driver.findElement(By.cssSelector("form[enctype='multipart/form-data'] button")).click();
			// the click returns before the next page has loaded
			new WebDriverWait(driver, Duration.ofSeconds(30), BrowserSupport.POLL)
				.until(ExpectedConditions.urlMatches(".*/import/[0-9a-f]{32}$"));
			check(admin0 + "/import/{jeton}", width, failures);
			driver.findElement(By.cssSelector("form[action$='/essai'] button")).click();
			new WebDriverWait(driver, Duration.ofSeconds(30), BrowserSupport.POLL)
				.until(ExpectedConditions.urlMatches(".*/essai$"));
			assertThat(driver.findElement(By.id("apercu")).getText()).isNotBlank();
			check(admin0 + "/import/{jeton}/essai", width, failures);
		}
		assertThat(failures).isEmpty();

		// its tables read at a glance (at 1366 px): bordered, headers that stay in view,
		// zebra rows, numbers aligned on the right in figures of one width
		driver.get(url(admin0 + "/referentiels/types-acteurs"));
		List<?> table = (List<?>) ((JavascriptExecutor) driver).executeScript(TABLE);
		assertThat(new ArrayList<Object>(table)).containsExactly("sticky", true, "right", "tabular-nums", true);
	}

	/**
	 * The first table's header position, whether its even rows differ from the odd ones,
	 * the alignment and figures of its number cells, whether it has a border.
	 */
	private static final String TABLE = """
			const table = document.querySelector('main table');
			const rows = table.querySelectorAll('tbody tr');
			const num = table.querySelector('td.num');
			return [getComputedStyle(table.querySelector('thead th')).position,
			  getComputedStyle(rows[0]).backgroundColor !== getComputedStyle(rows[1]).backgroundColor,
			  getComputedStyle(num).textAlign, getComputedStyle(num).fontVariantNumeric,
			  getComputedStyle(table).borderTopStyle !== 'none'];""";

	private void check(String page, int width, List<String> failures) {
		// what is rendered: the links of the folded menu are in the page but not shown
		List<?> layout = (List<?>) ((JavascriptExecutor) driver).executeScript(LAYOUT);
		boolean narrow = width < 800;
		if (((Number) layout.get(0)).intValue() != 0 || ((Number) layout.get(1)).intValue() != (narrow ? 0 : 1)
				|| ((Number) layout.get(2)).intValue() != (narrow ? 1 : 0)) {
			failures.add(page + " at " + width + " px: not the staff layout with one current section " + layout + " ("
					+ driver.findElement(By.tagName("h1")).getText() + ")");
		}
		List<?> overflow = (List<?>) ((JavascriptExecutor) driver).executeScript(BrowserSupport.OVERFLOW);
		long extra = ((Number) overflow.get(0)).longValue();
		if (extra > 0) {
			failures.add(page + " at " + width + " px scrolls " + extra + " px sideways: " + overflow.get(1));
		}
		// axe-core at the narrowest and the widest layout (the menu differs): 390 px has
		// the narrow one, and axe takes seconds a page on a busy machine
		if (width != 390) {
			try {
				BrowserSupport.checkAccessibility(driver);
			}
			catch (AssertionError ex) {
				failures.add(page + " at " + width + " px: " + ex.getMessage().lines().findFirst().orElse(""));
			}
		}
		Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
		String name = "back-office-" + page.substring(1).replaceAll("[^a-z0-9]+", "-") + "-" + width + ".png";
		try {
			Files.copy(shot, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
