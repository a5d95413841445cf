package fr.lianes.repertoire.security;

import java.util.List;

import fr.lianes.repertoire.testing.ProductionStartTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;

/**
 * Staff sign in at /connexion; the back office refuses everyone else, and its
 * administration pages refuse moderators. On the application the production-start tests
 * share (its first administrator from the settings), not on one of its own.
 */
class StaffSignInTests extends ProductionStartTest {

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
		List<Route> routes = routes("/moderation");
		assertThat(routes).extracting(Route::pattern)
			.contains("/moderation", "/moderation/administration/comptes", "/moderation/soumissions/{id}/approuver");
		for (Route route : routes) {
			assertThat(route.request(this.mvc).exchange()).as(route.toString())
				.hasStatus3xxRedirection()
				.redirectedUrl()
				.endsWith("/connexion");
		}
	}

	@Test
	void moderatorsCannotDoWhatOnlyAdministratorsMay() {
		List<Route> routes = routes("/moderation/administration");
		assertThat(routes).isNotEmpty();
		for (Route route : routes) {
			assertThat(route.request(this.mvc).with(user("m@lianes.example").roles("MODERATOR")).exchange())
				.as(route.toString())
				.hasStatus(403);
			// administrators' actions (a reindex, invitations...) are not started here:
			// only
			// their pages are opened
			if (route.method() == RequestMethod.GET) {
				var admin = route.request(this.mvc).with(user("a@lianes.example").roles("ADMIN")).exchange();
				if (route.pattern().contains("{")) {
					assertThat(admin.getResponse().getStatus()).as(route.toString()).isNotEqualTo(403).isLessThan(500);
				}
				else {
					assertThat(admin).as(route.toString()).hasStatusOk();
				}
			}
		}
		assertThat(this.mvc.get().uri("/moderation").with(user("m@lianes.example").roles("MODERATOR"))).hasStatusOk();
	}

	/** A mapped route: a method and a pattern (its variables filled with a number). */
	private record Route(RequestMethod method, String pattern) {

		org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder request(MockMvcTester mvc) {
			String uri = this.pattern.replaceAll("\\{[^}]+}", "0");
			return (this.method == RequestMethod.POST) ? mvc.post()
				.uri(uri)
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
					: mvc.get().uri(uri);
		}

	}

	private List<Route> routes(String prefix) {
		return this.mappings.getHandlerMethods().keySet().stream().flatMap((info) -> {
			java.util.Set<RequestMethod> methods = info.getMethodsCondition().getMethods().isEmpty()
					? java.util.Set.of(RequestMethod.GET) : info.getMethodsCondition().getMethods();
			return info.getPatternValues()
				.stream()
				.filter((pattern) -> pattern.startsWith(prefix))
				.flatMap((pattern) -> methods.stream().map((method) -> new Route(method, pattern)));
		}).toList();
	}

	@Test
	void theFirstAdministratorComesFromTheSettingsWithAHashedPassword() {
		String hash = this.jdbc.sql("select password_hash from staff_user where email = ?")
			.param(ADMIN_EMAIL)
			.query(String.class)
			.single();
		assertThat(hash).startsWith("{bcrypt}").doesNotContain("mot de passe");
		assertThat(signInFrom("198.51.100.1", ADMIN_EMAIL, ADMIN_PASSWORD)).matches(authenticated().withRoles("ADMIN"))
			.hasRedirectedUrl("/moderation");
		assertThat(this.mvc.get().uri("/connexion")).hasStatusOk().bodyText().contains("Connexion de l’équipe");
	}

	@Test
	void anAccountIsLockedAfterFiveWrongPasswords() {
		this.accounts.create("verrou@lianes.example", "Camille Verrou", this.encoder.encode("le bon mot de passe"),
				StaffRole.MODERATOR);
		for (int i = 0; i < SignInAttempts.MAX_ATTEMPTS; i++) {
			assertThat(signInFrom("198.51.100.2", "verrou@lianes.example", "mauvais " + i)).matches(unauthenticated())
				.hasRedirectedUrl("/connexion?erreur");
		}
		assertThat(signInFrom("198.51.100.2", "verrou@lianes.example", "le bon mot de passe"))
			.matches(unauthenticated());
	}

	@Test
	void oneAddressCannotTryMoreThanTheLimit() {
		for (int i = 0; i < SignInThrottle.ATTEMPTS; i++) {
			assertThat(signInFrom("203.0.113.99", "personne" + i + "@lianes.example", "devine"))
				.hasStatus3xxRedirection();
		}
		assertThat(signInFrom("203.0.113.99", ADMIN_EMAIL, ADMIN_PASSWORD)).hasStatus(429);
		assertThat(signInFrom("203.0.113.100", ADMIN_EMAIL, ADMIN_PASSWORD)).hasRedirectedUrl("/moderation");
	}

	/**
	 * The sign-in form sent from this address: the application is shared with other
	 * classes, whose sign-ins count against their own address's limit, not these.
	 */
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
		var signIn = signInFrom("198.51.100.3", "totp@lianes.example", "mot de passe du totp");
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
		// the code of the authenticator app, at the application's time
		String code = Totp.code(secret,
				fr.lianes.repertoire.time.TestClock.get().instant().getEpochSecond() / Totp.STEP_SECONDS, 6);
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
			.param("email", ADMIN_EMAIL)
			.param("motDePasse", ADMIN_PASSWORD)
			.with((request) -> {
				request.setRemoteAddr("198.51.100.4");
				return request;
			})).hasStatus(403);
	}

}
