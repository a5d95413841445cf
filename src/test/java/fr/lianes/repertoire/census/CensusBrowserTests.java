package fr.lianes.repertoire.census;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import fr.lianes.repertoire.testing.BrowserSupport;
import fr.lianes.repertoire.testing.CensusWebTest;
import fr.lianes.repertoire.testing.Questionnaire;
import fr.lianes.repertoire.testing.WebClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The questionnaire in a real browser (Debian's Chromium, driven by ChromeDriver:
 * {@link BrowserSupport}), with axe-core checking every page for serious and critical
 * accessibility violations.
 * <p>
 * Without Chromium the tests are skipped, unless
 * {@code -Drepertoire.browser-tests=required} (set by {@code .ci/run}, which installs it)
 * makes its absence a failure.
 */
class CensusBrowserTests extends CensusWebTest {

	private static WebDriver driver;

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private org.springframework.security.crypto.password.PasswordEncoder encoder;

	@BeforeAll
	static void startBrowser() {
		driver = BrowserSupport.start();
	}

	@Test
	void aNewActorFillsTheWholeQuestionnaireWithTwoProjects() {
		driver.manage().deleteAllCookies();
		open("/recensement");
		checkAccessibility();
		type("email", "navigateur@asso.example");
		submit("form[action='/recensement/commencer'] button[type=submit]");

		assertThat(driver.getCurrentUrl()).endsWith("/recensement/structure");
		checkAccessibility();
		// a first try with a wrong SIRET: the summary takes the focus, the value stays
		type("name", "Les Amis du Navigateur");
		new Select(driver.findElement(By.id("actorType"))).selectByValue("association-solidarite-internationale");
		type("siret", "12345678901234");
		type("postalCode", "59000");
		type("communeName", "Lille");
		submit("form[action='/recensement/structure'] .actions button");
		assertThat(driver.switchTo().activeElement().getAttribute("class")).contains("error-summary");
		assertThat(driver.findElement(By.id("siret")).getAttribute("value")).isEqualTo("12345678901234");
		checkAccessibility();
		type("siret", "");
		type("website", "www.navigateur.example");
		type("description", "Une association fictive, pour le test du navigateur.");
		submit("form[action='/recensement/structure'] .actions button");

		assertThat(driver.getCurrentUrl()).endsWith("/recensement/contacts");
		checkAccessibility();
		type("contacts0.fullName", "Alex Navigateur");
		type("contacts0.email", "alex@navigateur.example");
		driver.findElement(By.id("contacts0.publishName")).click();
		submit("button[name=action][value=suivant]");

		assertThat(driver.getCurrentUrl()).endsWith("/recensement/projets");
		checkAccessibility();
		addProject("Jardins partagés à Kaolack", "SN", "séné");
		addProject("Bibliothèque de Tanguiéta", "BJ", "Benin");

		open("/recensement/relecture");
		checkAccessibility();
		assertThat(driver.getPageSource()).contains("Jardins partagés à Kaolack", "Bibliothèque de Tanguiéta");
		driver.findElement(By.id("publication-oui")).click();
		submit("form[action='/recensement/envoi'] .actions button");

		assertThat(driver.getCurrentUrl()).endsWith("/recensement/merci");
		checkAccessibility();
		assertThat(mailTo("navigateur@asso.example", "bien été reçue")).isNotNull();
		assertThat(this.jdbc
			.sql("select count(*) from submission where author_email = ? and status = 'SUBMITTED' "
					+ "and jsonb_array_length(content->'projects') = 2")
			.param("navigateur@asso.example")
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aReturningActorChangesOneProjectThroughTheEmailedLink() {
		var actor = this.jdbc.sql("""
				select a.id, a.email from actor a
				where a.published and a.email is not null and a.status = 'ACTIVE'
				  and exists (select 1 from project p where p.lead_actor_id = a.id and p.published)
				  and (select count(*) from actor b where lower(b.email) = lower(a.email)) = 1
				order by a.id limit 1""").query((rs, i) -> new Object[] { rs.getLong(1), rs.getString(2) }).single();
		String email = (String) actor[1];
		driver.manage().deleteAllCookies();
		open("/recensement/mise-a-jour");
		checkAccessibility();
		type("email", email);
		submit("form[action='/recensement/mise-a-jour'] button[type=submit]");
		checkAccessibility();

		open(linkIn(mailTo(email, "mettre à jour")));
		checkAccessibility();
		submit("form[action='/recensement/lien'] button");
		assertThat(driver.getCurrentUrl()).endsWith("/recensement/structure");
		open("/recensement/projets");
		driver.findElement(By.cssSelector(".census-projects li a")).click();
		checkAccessibility();
		type("title", "Projet renommé par le navigateur");
		submit("button[name=action][value=enregistrer]");
		assertThat(driver.getCurrentUrl()).endsWith("/recensement/projets");

		open("/recensement/relecture");
		driver.findElement(By.id("publication-oui")).click();
		submit("form[action='/recensement/envoi'] .actions button");
		assertThat(driver.getCurrentUrl()).endsWith("/recensement/merci");
		assertThat(this.jdbc.sql("select content::text from submission where actor_id = ? and status = 'SUBMITTED'")
			.param(actor[0])
			.query(String.class)
			.single()).contains("Projet renommé par le navigateur");
	}

	@Test
	void aModeratorApprovesANewActorWhichAppearsInSearchAtOnce() {
		Questionnaire.sendNewActor(new WebClient(this.port), "Les Jardiniers du Navigateur", "jardiniers@asso.example");
		signInAsModerator();
		open("/moderation");
		checkAccessibility();
		driver.findElement(By.linkText("Les Jardiniers du Navigateur")).click();
		checkAccessibility();
		assertThat(driver.getPageSource()).contains("Projet de Les Jardiniers du Navigateur");
		submit("form[action$='/approuver'] button");
		assertThat(driver.getCurrentUrl()).endsWith("/moderation");
		assertThat(driver.findElement(By.cssSelector(".notice")).getText()).contains("Les Jardiniers du Navigateur");

		open("/acteurs?q=Jardiniers+Navigateur");
		checkAccessibility();
		driver.findElement(By.linkText("Les Jardiniers du Navigateur")).click();
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Les Jardiniers du Navigateur");
		assertThat(mailTo("jardiniers@asso.example", "validée")).isNotNull();
	}

	@Test
	void aRequestForChangesGoesToItsAuthorByEmailAndComesBackToTheQueue() {
		Questionnaire.sendNewActor(new WebClient(this.port), "Les Précisions du Navigateur", "precisions@asso.example");
		signInAsModerator();
		open("/moderation");
		driver.findElement(By.linkText("Les Précisions du Navigateur")).click();
		submit("form[action$='/modifications'] button");
		assertThat(driver.findElement(By.id("demande-erreur")).isDisplayed()).isTrue();
		assertThat(driver.findElement(By.id("demande")).getAttribute("aria-invalid")).isEqualTo("true");
		checkAccessibility();
		type("demande", "Merci d’indiquer votre site internet.");
		submit("form[action$='/modifications'] button");
		assertThat(driver.getCurrentUrl()).endsWith("/moderation");

		// the author, in their own browser, follows the link of the mail
		driver.manage().deleteAllCookies();
		open(linkIn(mailTo("precisions@asso.example", "précision est nécessaire")));
		checkAccessibility();
		submit("form[action='/recensement/lien'] button");
		assertThat(driver.getCurrentUrl()).endsWith("/recensement/structure");
		assertThat(driver.findElement(By.id("name")).getAttribute("value")).isEqualTo("Les Précisions du Navigateur");
		type("website", "https://precisions.example");
		submit("form[action='/recensement/structure'] .actions button");
		open("/recensement/relecture");
		driver.findElement(By.id("publication-oui")).click();
		submit("form[action='/recensement/envoi'] .actions button");
		assertThat(driver.getCurrentUrl()).endsWith("/recensement/merci");

		signInAsModerator();
		open("/moderation");
		driver.findElement(By.linkText("Les Précisions du Navigateur")).click();
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("https://precisions.example");
		submit("form[action$='/approuver'] button");
		assertThat(this.jdbc.sql("select website from actor where name = 'Les Précisions du Navigateur' and published")
			.query(String.class)
			.single()).isEqualTo("https://precisions.example");
	}

	/**
	 * Whether axe-core has checked the sign-in page: the same empty form at each sign-in.
	 */
	private static boolean signInPageChecked;

	private void signInAsModerator() {
		staffAccount(this.jdbc, this.encoder, "navigatrice@lianes.example", "MODERATOR");
		driver.manage().deleteAllCookies();
		open("/connexion");
		if (!signInPageChecked) {
			checkAccessibility();
			signInPageChecked = true;
		}
		type("email", "navigatrice@lianes.example");
		type("motDePasse", STAFF_PASSWORD);
		submit("form[action='/connexion'] button[type=submit]");
		assertThat(driver.getCurrentUrl()).endsWith("/moderation");
	}

	/**
	 * Adds a project, its country found by typing part of its name in the countries'
	 * search box (Enter adds the first country found as a chip).
	 */
	private void addProject(String title, String country, String typed) {
		open("/recensement/projets/nouveau");
		checkAccessibility();
		type("title", title);
		driver.findElement(By.cssSelector("input[name=kind][value=COOPERATION]")).click();
		new Select(driver.findElement(By.id("nature"))).selectByValue("TRAINING");
		driver.findElement(By.cssSelector("input[name=status][value=ONGOING]")).click();
		// the years are optional: folded until opened
		driver.findElement(By.cssSelector("#dates > summary")).click();
		type("startYear", "2025");
		driver.findElement(By.id("countries-recherche")).sendKeys(typed + Keys.ENTER);
		assertThat(driver.findElement(By.cssSelector(".country-chips #countries-" + country)).isSelected()).isTrue();
		driver.findElement(By.cssSelector("input[name=domains][value=education]")).click();
		submit("button[name=action][value=enregistrer]");
		assertThat(driver.getCurrentUrl()).as(() -> errors()).endsWith("/recensement/projets");
		assertThat(driver.getPageSource()).contains(title);
	}

	private static String errors() {
		List<WebElement> summary = driver.findElements(By.cssSelector(".error-summary"));
		if (summary.isEmpty()) {
			try {
				Files.writeString(Path.of("target/browser-failure.html"), driver.getPageSource());
			}
			catch (java.io.IOException ex) {
				// only a diagnostic
			}
		}
		return summary.isEmpty() ? "no error summary (page in target/browser-failure.html)" : summary.get(0).getText();
	}

	private void open(String path) {
		driver.get("http://localhost:" + this.port + path);
	}

	private static void type(String id, String text) {
		WebElement field = driver.findElement(By.id(id));
		field.clear();
		field.sendKeys(text);
	}

	/** Clicks a submit button and waits for the next page to replace this one. */
	private static void submit(String css) {
		WebElement page = driver.findElement(By.tagName("html"));
		driver.findElement(By.cssSelector(css)).click();
		new WebDriverWait(driver, Duration.ofSeconds(60), BrowserSupport.POLL).until((browser) -> isGone(page));
	}

	/**
	 * Whether the element left the document: Chromium says so with a stale reference, or,
	 * while the next page replaces this one, with "does not belong to the document".
	 */
	private static boolean isGone(WebElement element) {
		try {
			element.isEnabled();
			return false;
		}
		catch (StaleElementReferenceException ex) {
			return true;
		}
		catch (WebDriverException ex) {
			if (ex.getMessage() != null && ex.getMessage().contains("does not belong to the document")) {
				return true;
			}
			throw ex;
		}
	}

	private static void checkAccessibility() {
		BrowserSupport.checkAccessibility(driver);
	}

}
