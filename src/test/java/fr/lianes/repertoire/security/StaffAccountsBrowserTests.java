package fr.lianes.repertoire.security;

import fr.lianes.repertoire.testing.BrowserSupport;
import fr.lianes.repertoire.testing.ProductionStartTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff accounts' pages in a real browser, each checked by axe-core: the list, the
 * new account's form and its errors, an account's page, and the page where its owner
 * chooses a password.
 */
class StaffAccountsBrowserTests extends ProductionStartTest {

	private static WebDriver driver;

	@LocalServerPort
	private int port;

	@BeforeAll
	static void startBrowser() {
		driver = BrowserSupport.start();
	}

	@Test
	void anAdministratorAddsAnAccountWhoseOwnerChoosesAPassword() {
		String base = "http://localhost:" + this.port;
		driver.get(base + "/connexion");
		driver.findElement(By.id("email")).sendKeys(ADMIN_EMAIL);
		driver.findElement(By.id("motDePasse")).sendKeys(ADMIN_PASSWORD);
		BrowserSupport.submit(driver, By.cssSelector("form[action='/connexion'] button"));
		BrowserSupport.awaitAddressEnding(driver, "/moderation");

		driver.get(base + "/moderation/administration/comptes");
		BrowserSupport.checkAccessibility(driver);
		driver.findElement(By.linkText("Ajouter un compte")).click();
		BrowserSupport.checkAccessibility(driver);
		driver.findElement(By.id("email")).sendKeys("navigateur@lianes");
		BrowserSupport.submit(driver, By.cssSelector("form[action$='/nouveau'] button"));
		assertThat(driver.findElement(By.className("error-summary")).getText()).contains("Indiquez le nom",
				"adresse e-mail valide");
		BrowserSupport.checkAccessibility(driver);

		driver.findElement(By.id("displayName")).sendKeys("Dominique Navigateur");
		driver.findElement(By.id("email")).clear();
		driver.findElement(By.id("email")).sendKeys("navigateur@lianes.example");
		BrowserSupport.submit(driver, By.cssSelector("form[action$='/nouveau'] button"));
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Dominique Navigateur");
		assertThat(driver.findElement(By.cssSelector("[role=status]")).getText()).contains("navigateur@lianes.example");
		BrowserSupport.checkAccessibility(driver);

		String link = linkIn(mailTo("navigateur@lianes.example", "mot de passe"), "/connexion/mot-de-passe");
		driver.manage().deleteAllCookies();
		driver.get(base + link);
		BrowserSupport.checkAccessibility(driver);
		driver.findElement(By.id("motDePasse")).sendKeys("trop court");
		driver.findElement(By.id("confirmation")).sendKeys("trop court");
		BrowserSupport.submit(driver, By.cssSelector("form[action='/connexion/mot-de-passe'] button"));
		assertThat(driver.findElement(By.className("error-summary")).getText()).contains("au moins 12 caractères");
		BrowserSupport.checkAccessibility(driver);
		driver.findElement(By.id("motDePasse")).sendKeys("un mot de passe de navigateur");
		driver.findElement(By.id("confirmation")).sendKeys("un mot de passe de navigateur");
		BrowserSupport.submit(driver, By.cssSelector("form[action='/connexion/mot-de-passe'] button"));
		BrowserSupport.awaitAddressEnding(driver, "/connexion?motDePasse");
		driver.findElement(By.id("email")).sendKeys("navigateur@lianes.example");
		driver.findElement(By.id("motDePasse")).sendKeys("un mot de passe de navigateur");
		BrowserSupport.submit(driver, By.cssSelector("form[action='/connexion'] button"));
		BrowserSupport.awaitAddressEnding(driver, "/moderation");
	}

}
