package fr.lianes.repertoire.imports;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import fr.lianes.repertoire.testing.BrowserSupport;
import fr.lianes.repertoire.testing.ProductionStartTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The import in a real browser, each page checked by axe-core: upload, mapping (a column
 * changed by hand), value mapping, preview, confirmation, progress (paused as a shutdown
 * pauses it, then taken up: htmx follows it without a reload), report and undo. The undo
 * leaves the shared database as it found it.
 */
class ImportBrowserTests extends ProductionStartTest {

	private static WebDriver driver;

	@LocalServerPort
	private int port;

	@Autowired
	ImportJobs jobs;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path directory;

	@BeforeAll
	static void startBrowser() {
		driver = BrowserSupport.start();
	}

	@Test
	void anAdministratorImportsFollowsTheProgressAndUndoes() throws Exception {
		String base = "http://localhost:" + this.port;
		driver.get(base + "/connexion");
		driver.findElement(By.id("email")).sendKeys(ADMIN_EMAIL);
		driver.findElement(By.id("motDePasse")).sendKeys(ADMIN_PASSWORD);
		submit(By.cssSelector("form[action='/connexion'] button"));
		assertThat(driver.getCurrentUrl()).endsWith("/moderation");

		Path file = this.directory.resolve("export-navigateur.csv");
		Files.writeString(file,
				"""
						Identifiant;Nom;Genre;Code postal;Commune;Titre du projet;Pays;Domaines;Nature de l'action
						N1;Association Navigateur;Asso de village;59000;Lille;Puits à Kandi;Bénin;Santé;Construction
						N2;Collectif Chromium;Association de solidarité internationale;59100;Roubaix;École à Podor;Sénégal;Education;Formation
						""",
				Charset.forName("windows-1252"));
		long actorsBefore = count("select count(*) from actor");

		driver.get(base + "/moderation/administration/import");
		BrowserSupport.checkAccessibility(driver);
		driver.findElement(By.id("fichiers")).sendKeys(file.toAbsolutePath().toString());
		submit(By.cssSelector("form[enctype='multipart/form-data'] button"));

		// the mapping: « Genre » is not a known header; the administrator maps it
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Correspondance des colonnes");
		assertThat(new Select(driver.findElement(By.id("charset-0"))).getFirstSelectedOption().getText())
			.isEqualTo("windows-1252");
		Select genre = new Select(driver.findElement(By.id("colonne-0-2")));
		assertThat(genre.getFirstSelectedOption().getAttribute("value")).isEmpty();
		BrowserSupport.checkAccessibility(driver);
		genre.selectByValue("TYPE");
		submit(By.cssSelector("form[action$='/essai'] button"));

		// the value mapping, on the same page as the preview
		assertThat(driver.findElement(By.id("apercu")).getText()).isEqualTo("Résultat de l’essai");
		Select value = new Select(driver.findElement(By.cssSelector("select[name^='valeur-TYPE-']")));
		BrowserSupport.checkAccessibility(driver);
		value.selectByValue("association-autre");
		submit(By.cssSelector("form[action$='/essai'] button"));
		assertThat(BrowserSupport.count(driver, "select[name^='valeur-']")).isZero();
		assertThat(driver.findElement(By.cssSelector("section[aria-labelledby=apercu] table tbody tr")).getText())
			.isEqualTo("Structures 2 0 0 0 0");
		BrowserSupport.checkAccessibility(driver);

		// the import, paused after its first batch as a shutdown pauses it
		this.jobs.stopAfterBatches(1);
		try {
			submit(By.cssSelector("form[action$='/import'] button"));
			assertThat(driver.getCurrentUrl()).endsWith("/rapport");
			long id = this.jobs.latest(driver.getCurrentUrl().replaceAll(".*/import/([0-9a-f]{32})/rapport", "$1"))
				.orElseThrow()
				.id();
			await().atMost(Duration.ofMinutes(1)).until(() -> !this.jobs.active(id));
			driver.navigate().refresh();
			assertThat(driver.findElement(By.id("avancement-import")).getTagName()).isEqualTo("progress");
			assertThat(driver.findElement(By.linkText("Actualiser l’avancement")).isDisplayed()).isTrue();
			BrowserSupport.checkAccessibility(driver);
		}
		finally {
			this.jobs.stopAfterBatches(0);
		}
		this.jobs.resumeInterrupted();
		// htmx asks for the progress again and puts the report in its place
		await().atMost(Duration.ofMinutes(1))
			.ignoreException(StaleElementReferenceException.class)
			.until(() -> driver.findElement(By.id("avancement")).getText().contains("Import terminé"));
		assertThat(driver.findElement(By.cssSelector("#avancement table tbody tr")).getText())
			.isEqualTo("Structures 2 0 0 0 0");
		assertThat(count("select count(*) from actor")).isEqualTo(actorsBefore + 2);
		BrowserSupport.checkAccessibility(driver);

		submit(By.cssSelector("form[action$='/annuler'] button"));
		assertThat(driver.findElement(By.cssSelector("#avancement [role=status]")).getText())
			.startsWith("Import annulé le");
		BrowserSupport.checkAccessibility(driver);
		assertThat(count("select count(*) from actor")).isEqualTo(actorsBefore);
	}

	/**
	 * Clicks a button that sends its form, and waits until the browser shows the page
	 * answered. WebDriver's click does not wait for a navigation that starts after it
	 * returns: on a busy machine the form's request (here the import's start, then its
	 * redirect) had not been answered yet when the test read the address, which was still
	 * the dry run's.
	 */
	private static void submit(By button) {
		WebElement page = driver.findElement(By.tagName("html"));
		driver.findElement(button).click();
		await().atMost(Duration.ofMinutes(1)).until(() -> stale(page));
		await().atMost(Duration.ofMinutes(1))
			.until(() -> "complete".equals(((JavascriptExecutor) driver).executeScript("return document.readyState")));
	}

	private static boolean stale(WebElement element) {
		try {
			element.isEnabled();
			return false;
		}
		catch (StaleElementReferenceException ex) {
			return true;
		}
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

}
