package fr.lianes.repertoire.security;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;

/**
 * Staff sign in at /connexion; the back office refuses everyone else, and its
 * administration pages refuse moderators.
 */
@SpringBootTest(properties = { "repertoire.admin.email=admin@lianes.example",
		"repertoire.admin.password=un mot de passe assez long" })
@AutoConfigureMockMvc
class StaffSignInTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping mappings;

	@Autowired
	private StaffAccounts accounts;

	@Autowired
	private PasswordEncoder encoder;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void everyBackOfficeRouteSendsAnonymousVisitorsToSignIn() {
		List<String> routes = this.mappings.getHandlerMethods()
			.keySet()
			.stream()
			.map(RequestMappingInfo::getPatternValues)
			.flatMap(java.util.Set::stream)
			.filter((pattern) -> pattern.startsWith("/moderation"))
			.toList();
		assertThat(routes).contains("/moderation", "/moderation/administration/comptes");
		for (String pattern : routes) {
			String route = pattern.replaceAll("\\{[^}]+\\}", "0");
			assertThat(this.mvc.get().uri(route)).as(route)
				.hasStatus3xxRedirection()
				.redirectedUrl()
				.endsWith("/connexion");
		}
	}

	@Test
	void moderatorsCannotOpenTheAdministrationPages() {
		List<String> routes = this.mappings.getHandlerMethods()
			.keySet()
			.stream()
			.map(RequestMappingInfo::getPatternValues)
			.flatMap(java.util.Set::stream)
			.filter((pattern) -> pattern.startsWith("/moderation/administration"))
			.toList();
		for (String pattern : routes) {
			// a path variable takes a value nothing has (404), a POST-only route answers
			// 405: the administrator is let in and nothing fails
			String route = pattern.replaceAll("\\{[^}]+\\}", "0");
			assertThat(this.mvc.get().uri(route).with(user("m@lianes.example").roles("MODERATOR"))).as(route)
				.hasStatus(403);
			assertThat(this.mvc.get()
				.uri(route)
				.with(user("a@lianes.example").roles("ADMIN"))
				.exchange()
				.getResponse()
				.getStatus()).as(route).isNotEqualTo(403).isLessThan(500);
		}
		assertThat(this.mvc.get().uri("/moderation").with(user("m@lianes.example").roles("MODERATOR"))).hasStatusOk();
	}

	@Test
	void theFirstAdministratorComesFromTheSettingsWithAHashedPassword() {
		String hash = this.jdbc.sql("select password_hash from staff_user where email = 'admin@lianes.example'")
			.query(String.class)
			.single();
		assertThat(hash).startsWith("{bcrypt}").doesNotContain("un mot de passe");
		assertThat(this.mvc.perform(formLogin("/connexion").userParameter("email")
			.passwordParam("motDePasse")
			.user("admin@lianes.example")
			.password("un mot de passe assez long"))).matches(authenticated().withRoles("ADMIN"))
			.hasRedirectedUrl("/moderation");
		assertThat(this.mvc.get().uri("/connexion")).hasStatusOk().bodyText().contains("Connexion de l’équipe");
	}

	@Test
	void anAccountIsLockedAfterFiveWrongPasswords() {
		this.accounts.create("verrou@lianes.example", "Camille Verrou", this.encoder.encode("le bon mot de passe"),
				StaffRole.MODERATOR);
		for (int i = 0; i < SignInAttempts.MAX_ATTEMPTS; i++) {
			assertThat(this.mvc.perform(formLogin("/connexion").userParameter("email")
				.passwordParam("motDePasse")
				.user("verrou@lianes.example")
				.password("mauvais " + i))).matches(unauthenticated()).hasRedirectedUrl("/connexion?erreur");
		}
		assertThat(this.mvc.perform(formLogin("/connexion").userParameter("email")
			.passwordParam("motDePasse")
			.user("verrou@lianes.example")
			.password("le bon mot de passe"))).matches(unauthenticated());
	}

	@Test
	void oneAddressCannotTryMoreThanTheLimit() {
		for (int i = 0; i < SignInThrottle.ATTEMPTS; i++) {
			assertThat(signInFrom("203.0.113.99", "personne" + i + "@lianes.example", "devine"))
				.hasStatus3xxRedirection();
		}
		assertThat(signInFrom("203.0.113.99", "admin@lianes.example", "un mot de passe assez long")).hasStatus(429);
		assertThat(signInFrom("203.0.113.100", "admin@lianes.example", "un mot de passe assez long"))
			.hasRedirectedUrl("/moderation");
	}

	private org.springframework.test.web.servlet.assertj.MvcTestResult signInFrom(String address, String email,
			String password) {
		return this.mvc.post()
			.uri("/connexion")
			.param("email", email)
			.param("motDePasse", password)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.with((request) -> {
				request.setRemoteAddr(address);
				return request;
			})
			.exchange();
	}

	@Test
	void anAccountWithASecondFactorNeedsItsCodeOnce() {
		String secret = Totp.newSecret();
		this.accounts.create("totp@lianes.example", "Dominique Code", this.encoder.encode("mot de passe du totp"),
				StaffRole.MODERATOR);
		this.accounts.enableSecondFactor("totp@lianes.example", secret, 0);
		var signIn = this.mvc.perform(formLogin("/connexion").userParameter("email")
			.passwordParam("motDePasse")
			.user("totp@lianes.example")
			.password("mot de passe du totp"));
		assertThat(signIn).hasRedirectedUrl("/connexion/code");
		org.springframework.mock.web.MockHttpSession session = (org.springframework.mock.web.MockHttpSession) signIn
			.getRequest()
			.getSession();
		assertThat(this.mvc.get().uri("/moderation").session(session)).hasStatus(403);
		assertThat(this.mvc.post()
			.uri("/connexion/code")
			.session(session)
			.param("code", "000000")
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
			.hasStatusOk()
			.bodyText()
			.contains("n’est pas le bon");
		String code = Totp.code(secret, java.time.Instant.now().getEpochSecond() / Totp.STEP_SECONDS, 6);
		assertThat(this.mvc.post()
			.uri("/connexion/code")
			.session(session)
			.param("code", code)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
			.hasRedirectedUrl("/moderation");
		assertThat(this.mvc.get().uri("/moderation").session(session)).hasStatusOk();
	}

	@Test
	void signingInWithoutTheFormsTokenIsRefused() {
		assertThat(this.mvc.post()
			.uri("/connexion")
			.param("email", "admin@lianes.example")
			.param("motDePasse", "un mot de passe assez long")).hasStatus(403);
	}

}
