package fr.lianes.repertoire.figures;

import java.time.Duration;

import fr.lianes.repertoire.BrowserSupport;
import org.junit.jupiter.api.AfterAll;
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

	@AfterAll
	static void stopBrowser() {
		if (driver != null) {
			driver.quit();
		}
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

		new Select(driver.findElement(By.id("f-pays"))).selectByValue("SN");
		driver.findElement(By.cssSelector(".figures-filters button[type=submit]")).click();
		// the click returns before the next page has loaded
		new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("pays=SN"));
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
		assertThat(driver.findElements(By.cssSelector("details:not([open])"))).isEmpty();
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

	private void open(String path) {
		driver.get("http://localhost:" + this.port + path);
	}

}
