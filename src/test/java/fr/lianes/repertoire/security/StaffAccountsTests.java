package fr.lianes.repertoire.security;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.lianes.repertoire.testing.ProductionStartTest;
import fr.lianes.repertoire.testing.WebClient;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, defect 14: staff accounts could only be added with SQL. Administrators now
 * add them, disable and re-enable them, and send a one-time link to set a password, with
 * the history of who did what; all over HTTP, on a directory started as production starts
 * it.
 */
class StaffAccountsTests extends ProductionStartTest {

	private static final String ACCOUNTS = "/moderation/administration/comptes";

	private static final Pattern ACCOUNT = Pattern.compile(ACCOUNTS + "/([0-9]+)");

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void anAdministratorAddsAModeratorWhoSetsAPasswordFromTheMailedLinkAndSignsIn() {
		WebClient admin = signedIn(ADMIN_EMAIL, ADMIN_PASSWORD);
		WebClient.Page list = admin.get(ACCOUNTS);
		assertThat(list.body()).contains(ADMIN_EMAIL, "Alex Administrateur", ACCOUNTS + "/nouveau");
		assertThat(admin.get(ACCOUNTS + "/nouveau").status()).isEqualTo(200);

		WebClient.Page errors = admin.post(ACCOUNTS + "/nouveau", "displayName", " ", "email", "camille@lianes", "role",
				"CHEF");
		assertThat(errors.status()).isEqualTo(422);
		assertThat(errors.body()).contains("error-summary", "Indiquez le nom de la personne",
				"Saisissez une adresse e-mail valide", "Choisissez le rôle du compte", "aria-invalid=\"true\"",
				"value=\"camille@lianes\"", "href=\"#email\"");
		assertThat(admin
			.post(ACCOUNTS + "/nouveau", "displayName", "Doublon", "email", ADMIN_EMAIL.toUpperCase(), "role",
					"MODERATOR")
			.body()).contains("Un compte existe déjà avec cette adresse");

		WebClient.Page created = admin.post(ACCOUNTS + "/nouveau", "displayName", "Camille Modératrice", "email",
				"camille@lianes.example", "role", "MODERATOR");
		assertThat(created.uri()).matches(ACCOUNTS + "/[0-9]+");
		assertThat(created.body()).contains("Camille Modératrice", "camille@lianes.example",
				"un lien pour définir son mot de passe");
		assertThat(history(created)).contains("Compte créé", "Lien envoyé", ADMIN_EMAIL);

		String link = linkIn(mailTo("camille@lianes.example", "mot de passe"), "/connexion/mot-de-passe");
		String token = link.substring(link.indexOf("jeton=") + 6);
		assertThat(this.jdbc.sql("select count(*) from staff_password_link where length(token_hash) = 32")
			.query(Integer.class)
			.single()).isPositive();
		assertThat(this.jdbc.sql("select count(*) from staff_password_link where encode(token_hash, 'escape') like ?")
			.param("%" + token + "%")
			.query(Integer.class)
			.single()).isZero();

		// before a password is set, nothing signs in
		WebClient moderator = new WebClient(this.port);
		moderator.get("/connexion");
		assertThat(moderator.post("/connexion", "email", "camille@lianes.example", "motDePasse", "").uri())
			.isEqualTo("/connexion?erreur");

		WebClient.Page form = moderator.get(link);
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.header("Referrer-Policy")).isEqualTo("no-referrer");
		assertThat(form.body()).contains("Camille Modératrice", "name=\"jeton\"");
		WebClient.Page tooShort = moderator.post("/connexion/mot-de-passe", "jeton", token, "motDePasse", "court",
				"confirmation", "court");
		assertThat(tooShort.status()).isEqualTo(422);
		assertThat(tooShort.body()).contains("au moins 12 caractères", "aria-invalid=\"true\"")
			.doesNotContain("value=\"court\"");
		assertThat(moderator
			.post("/connexion/mot-de-passe", "jeton", token, "motDePasse", "un mot de passe solide", "confirmation",
					"un mot de passe différent")
			.body()).contains("ne sont pas identiques");
		assertThat(moderator
			.post("/connexion/mot-de-passe", "jeton", token, "motDePasse", "é".repeat(40), "confirmation",
					"é".repeat(40))
			.body()).contains("trop long");
		WebClient.Page set = moderator.post("/connexion/mot-de-passe", "jeton", token, "motDePasse",
				"un mot de passe solide", "confirmation", "un mot de passe solide");
		assertThat(set.uri()).startsWith("/connexion");
		assertThat(set.body()).contains("Votre mot de passe est enregistré");

		// the link served once
		WebClient other = new WebClient(this.port);
		WebClient.Page used = other.get(link);
		assertThat(used.status()).isEqualTo(410);
		assertThat(used.body()).contains("n’est plus valable").doesNotContain("name=\"jeton\"");
		assertThat(moderator
			.post("/connexion/mot-de-passe", "jeton", token, "motDePasse", "un autre mot de passe long", "confirmation",
					"un autre mot de passe long")
			.status()).isEqualTo(410);

		WebClient signedIn = signedIn("camille@lianes.example", "un mot de passe solide");
		assertThat(signedIn.get("/moderation").status()).isEqualTo(200);
		assertThat(signedIn.get(ACCOUNTS).status()).as("not an administrator").isEqualTo(403);
		assertThat(history(admin.get(created.uri()))).contains("Mot de passe défini");
	}

	@Test
	void aDisabledAccountCannotSignInAndItsSessionEndsUntilItIsReEnabled() {
		WebClient admin = signedIn(ADMIN_EMAIL, ADMIN_PASSWORD);
		String account = addWithPassword(admin, "Dominique Désactivée", "desactivee@lianes.example",
				"un mot de passe de dominique");
		WebClient moderator = signedIn("desactivee@lianes.example", "un mot de passe de dominique");

		admin.get(account);
		WebClient.Page disabled = admin.post(account + "/desactivation");
		assertThat(disabled.uri()).isEqualTo(account);
		assertThat(disabled.body()).contains("est désactivé");
		assertThat(history(disabled)).contains("Compte désactivé", ADMIN_EMAIL);
		assertThat(admin.get(ACCOUNTS).body()).contains("Désactivé");

		assertThat(moderator.get("/moderation").uri()).as("the open session ends").startsWith("/connexion");
		WebClient again = new WebClient(this.port);
		again.get("/connexion");
		assertThat(again
			.post("/connexion", "email", "desactivee@lianes.example", "motDePasse", "un mot de passe de dominique")
			.uri()).isEqualTo("/connexion?erreur");
		// a link cannot bring a disabled account back
		admin.get(account);
		assertThat(admin.post(account + "/lien").body()).contains("Réactivez le compte");

		admin.get(account);
		WebClient.Page enabled = admin.post(account + "/reactivation");
		assertThat(enabled.body()).contains("est réactivé");
		assertThat(history(enabled)).contains("Compte réactivé");
		signedIn("desactivee@lianes.example", "un mot de passe de dominique");
	}

	@Test
	void aLinkExpiresAndOnlyTheLatestOneWorks() {
		WebClient admin = signedIn(ADMIN_EMAIL, ADMIN_PASSWORD);
		String account = add(admin, "Sacha Lien", "lien@lianes.example");
		String first = linkIn(mailTo("lien@lianes.example", "mot de passe"), "/connexion/mot-de-passe");
		admin.get(account);
		WebClient.Page resent = admin.post(account + "/lien");
		assertThat(resent.body()).contains("Un nouveau lien");
		assertThat(history(resent)).containsSubsequence("Lien envoyé", "Lien envoyé");
		String second = org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.until(() -> linkIn(mailTo("lien@lianes.example", "mot de passe"), "/connexion/mot-de-passe"),
					(link) -> !link.equals(first));

		WebClient moderator = new WebClient(this.port);
		assertThat(moderator.get(first).status()).as("replaced by the latest").isEqualTo(410);
		assertThat(moderator.get(second).status()).isEqualTo(200);
		this.clock.advance(Duration.ofDays(3));
		assertThat(moderator.get(second).status()).as("expired").isEqualTo(410);
		assertThat(moderator
			.post("/connexion/mot-de-passe", "jeton", second.substring(second.indexOf("jeton=") + 6), "motDePasse",
					"un mot de passe trop tard", "confirmation", "un mot de passe trop tard")
			.status()).isEqualTo(410);
	}

	@Test
	void anAdministratorCannotDisableTheirOwnAccountNorTheLastAdministrator() {
		WebClient admin = signedIn(ADMIN_EMAIL, ADMIN_PASSWORD);
		long adminId = this.jdbc.sql("select id from staff_user where email = ?")
			.param(ADMIN_EMAIL)
			.query(Long.class)
			.single();
		admin.get(ACCOUNTS + "/" + adminId);
		WebClient.Page refused = admin.post(ACCOUNTS + "/" + adminId + "/desactivation");
		assertThat(refused.body()).contains("Vous ne pouvez pas désactiver votre propre compte");
		assertThat(this.jdbc.sql("select enabled from staff_user where id = ?")
			.param(adminId)
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(admin.get(ACCOUNTS + "/999999").status()).isEqualTo(404);
	}

	@Test
	void theAccountFormsNeedTheirToken() {
		WebClient admin = signedIn(ADMIN_EMAIL, ADMIN_PASSWORD);
		assertThat(admin
			.postRaw(ACCOUNTS + "/nouveau",
					WebClient.form(java.util.List.of("displayName", "Sans Jeton", "email", "sans.jeton@lianes.example",
							"role", "MODERATOR")))
			.status()).isEqualTo(403);
		assertThat(this.jdbc.sql("select count(*) from staff_user where email = 'sans.jeton@lianes.example'")
			.query(Integer.class)
			.single()).isZero();
	}

	/** Adds an account through the form; its page's path. */
	private String add(WebClient admin, String name, String email) {
		admin.get(ACCOUNTS + "/nouveau");
		WebClient.Page created = admin.post(ACCOUNTS + "/nouveau", "displayName", name, "email", email, "role",
				"MODERATOR");
		Matcher matcher = ACCOUNT.matcher(created.uri());
		assertThat(matcher.matches()).as(created.uri()).isTrue();
		return created.uri();
	}

	private String addWithPassword(WebClient admin, String name, String email, String password) {
		String account = add(admin, name, email);
		String link = linkIn(mailTo(email, "mot de passe"), "/connexion/mot-de-passe");
		WebClient owner = new WebClient(this.port);
		owner.get(link);
		owner.post("/connexion/mot-de-passe", "jeton", link.substring(link.indexOf("jeton=") + 6), "motDePasse",
				password, "confirmation", password);
		return account;
	}

	private WebClient signedIn(String email, String password) {
		WebClient browser = new WebClient(this.port);
		browser.get("/connexion");
		WebClient.Page home = browser.post("/connexion", "email", email, "motDePasse", password);
		assertThat(home.uri()).as("sign-in of " + email).isEqualTo("/moderation");
		return browser;
	}

	private static String history(WebClient.Page page) {
		return Jsoup.parse(page.body()).select("#historique-compte ~ *").text();
	}

}
