package fr.lianes.repertoire.census;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import fr.lianes.repertoire.testing.BrowserSupport;
import fr.lianes.repertoire.testing.ProductionStartTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The questionnaire in Chromium on a phone (390 CSS pixels) and a desktop (1366): the
 * project page's length, the size of what one taps, the countries typed into chips, with
 * axe-core on every state. On a directory started as production starts it.
 */
class QuestionnaireBrowserTests extends ProductionStartTest {

	/**
	 * The checkboxes and radios shown whose clickable area (the box or a label holding
	 * its centre) is under 44 × 44 CSS pixels, after how many were measured.
	 */
	private static final String SMALL_TARGETS = """
			const small = [];
			let measured = 0;
			for (const box of document.querySelectorAll('input[type=checkbox], input[type=radio]')) {
			  if (box.getClientRects().length === 0) continue;
			  measured++;
			  const b = box.getBoundingClientRect();
			  const x = b.left + b.width / 2, y = b.top + b.height / 2;
			  let ok = b.width >= 44 && b.height >= 44;
			  const sizes = [];
			  for (const label of box.labels) {
			    const r = label.getBoundingClientRect();
			    sizes.push(Math.round(r.width) + 'x' + Math.round(r.height));
			    ok = ok || (r.width >= 44 && r.height >= 44 && x >= r.left && x <= r.right && y >= r.top && y <= r.bottom);
			  }
			  if (!ok) small.push((box.id || box.name) + ' ' + Math.round(b.width) + 'x' + Math.round(b.height) + ' labels ' + sizes.join(','));
			}
			return [measured, small.join('; ')];""";

	private static WebDriver driver;

	@LocalServerPort
	private int port;

	@BeforeAll
	static void startBrowser() {
		driver = BrowserSupport.start();
	}

	/**
	 * The empty project page measured 5,145 px at 1366 and 6,524 px at 390 before its
	 * optional fields were folded (issue 17); 2,205 and 3,448 px after.
	 */
	@Test
	void theProjectPageIsShortOnADesktopAndOnAPhone() {
		long desktop = projectPageHeight(1366);
		long phone = projectPageHeight(390);
		System.out.printf("Project page height: %d px at 1366, %d px at 390%n", desktop, phone);
		assertThat(desktop).isLessThan(2500);
		assertThat(phone).isLessThan(3800);
	}

	@Test
	void everyCheckboxAndRadioOfTheQuestionnaireIsAtLeast44PixelsToTapOnAPhone() {
		width(390);
		begin("cibles@asso.example");
		type("name", "Les Grandes Cibles");
		new Select(driver.findElement(By.id("actorType"))).selectByValue("association-solidarite-internationale");
		type("postalCode", "59000");
		type("communeName", "Lille");
		submit("form[action$='/recensement/structure'] .actions button");
		assertThat(driver.getCurrentUrl()).endsWith("/recensement/contacts");
		checkTargets("contacts", 3);
		type("contacts0.fullName", "Camille Cible");
		type("contacts0.email", "camille@cibles.example");
		driver.findElement(By.cssSelector("label[for='contacts0.publishName']")).click();
		assertThat(driver.findElement(By.id("contacts0.publishName")).isSelected()).isTrue();
		submit("button[name=action][value=suivant]");
		assertThat(driver.getCurrentUrl()).endsWith("/recensement/projets");

		open("/recensement/projets/nouveau");
		checkTargets("project, folded", 16);
		((JavascriptExecutor) driver).executeScript("document.querySelectorAll('details').forEach(d => d.open = true)");
		checkTargets("project, every fold open", 250);
		BrowserSupport.checkAccessibility(driver);
		type("title", "Cibles au Bénin");
		driver.findElement(By.cssSelector("label[for=kind1]")).click();
		new Select(driver.findElement(By.id("nature"))).selectByValue("TRAINING");
		driver.findElement(By.cssSelector("input[name=status][value=ONGOING]")).click();
		driver.findElement(By.id("countries-recherche")).sendKeys("bénin" + Keys.ENTER);
		driver.findElement(By.cssSelector("label[for=domains1]")).click();
		submit("button[name=action][value=enregistrer]");
		assertThat(driver.getCurrentUrl()).endsWith("/recensement/projets");

		open("/recensement/relecture");
		checkTargets("review", 2);
	}

	@Test
	void countriesTypedInTheSearchBoxBecomeChipsThatCanBeRemoved() {
		width(1366);
		begin("puce@asso.example");
		open("/recensement/projets/nouveau");
		WebElement search = driver.findElement(By.id("countries-recherche"));
		assertThat(search.isDisplayed()).isTrue();
		assertThat(driver.findElement(By.cssSelector(".country-none")).isDisplayed()).isTrue();

		// typing filters the lists and opens the continents that match
		search.sendKeys("mal");
		List<String> shown = driver.findElements(By.cssSelector(".country-list li"))
			.stream()
			.filter(WebElement::isDisplayed)
			.map(WebElement::getText)
			.toList();
		assertThat(shown).contains("Mali", "Malawi", "Malaisie").doesNotContain("Sénégal");
		search.sendKeys("i" + Keys.ENTER);
		assertThat(chips()).containsExactly("ML");
		assertThat(search.getAttribute("value")).isEmpty();
		assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("countries-recherche");
		search.sendKeys("viet" + Keys.ENTER);
		assertThat(chips()).containsExactly("ML", "VN");
		assertThat(driver.findElement(By.cssSelector(".country-none")).isDisplayed()).isFalse();

		// ticked in a continent's list: a chip at once
		driver.findElement(By.xpath("//details[contains(@class,'continent')]/summary[starts-with(., 'Europe')]"))
			.click();
		driver.findElement(By.cssSelector("label[for=countries-BE]")).click();
		assertThat(chips()).containsExactly("ML", "VN", "BE");
		BrowserSupport.checkAccessibility(driver);

		// a chip unticked goes back to its continent, unticked
		driver.findElement(By.cssSelector("label[for=countries-ML]")).click();
		assertThat(chips()).containsExactly("VN", "BE");
		WebElement mali = driver.findElement(By.id("countries-ML"));
		assertThat(mali.isSelected()).isFalse();
		assertThat(mali.findElement(By.xpath("ancestor::details")).getAttribute("class")).contains("continent");

		// sent without a title: the French message by the field, the chips as chosen
		type("title", "");
		submit("button[name=action][value=enregistrer]");
		assertThat(driver.findElement(By.cssSelector(".field.has-error #title-erreur")).getText())
			.contains("Ce champ est obligatoire.");
		assertThat(chips()).containsExactly("VN", "BE");
		BrowserSupport.checkAccessibility(driver);
	}

	private long projectPageHeight(int width) {
		width(width);
		begin("mesure" + width + "@asso.example");
		open("/recensement/projets/nouveau");
		BrowserSupport.checkAccessibility(driver);
		assertNoSidewaysScroll();
		return ((Number) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollHeight"))
			.longValue();
	}

	private static List<String> chips() {
		return driver.findElements(By.cssSelector(".country-chips input"))
			.stream()
			.filter(WebElement::isSelected)
			.map((box) -> box.getAttribute("value"))
			.toList();
	}

	private void checkTargets(String page, int atLeast) {
		List<?> result = (List<?>) ((JavascriptExecutor) driver).executeScript(SMALL_TARGETS);
		assertThat(((Number) result.get(0)).intValue()).as("checkboxes and radios on %s", page)
			.isGreaterThanOrEqualTo(atLeast);
		assertThat((String) result.get(1)).as("under 44 × 44 px on %s", page).isEmpty();
		BrowserSupport.checkAccessibility(driver);
		assertNoSidewaysScroll();
	}

	private static void assertNoSidewaysScroll() {
		Object extra = ((JavascriptExecutor) driver)
			.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
		assertThat(((Number) extra).intValue()).as("sideways scroll on %s", driver.getCurrentUrl())
			.isLessThanOrEqualTo(0);
	}

	private static void width(int width) {
		((ChromeDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", 900, "deviceScaleFactor", 1, "mobile", width < 800));
	}

	/** A new draft in a browser without cookies: the structure step. */
	private void begin(String email) {
		driver.manage().deleteAllCookies();
		open("/recensement");
		type("email", email);
		submit("form[action$='/recensement/commencer'] button[type=submit]");
		assertThat(driver.getCurrentUrl()).endsWith("/recensement/structure");
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
		new WebDriverWait(driver, Duration.ofSeconds(60), BrowserSupport.POLL).until((browser) -> {
			try {
				page.isEnabled();
				return false;
			}
			catch (org.openqa.selenium.StaleElementReferenceException ex) {
				return true;
			}
			catch (org.openqa.selenium.WebDriverException ex) {
				return ex.getMessage() != null && ex.getMessage().contains("does not belong to the document");
			}
		});
	}

}
