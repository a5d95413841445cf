package fr.lianes.repertoire.security;

import java.time.Duration;

import fr.lianes.repertoire.testing.ProductionStartTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Wrong passwords lock an account only for the address they come from, for longer each
 * time, and its owner is told by mail: a stranger cannot keep someone else out, and
 * guessing stays hopeless.
 */
class SignInLockOutTests extends ProductionStartTest {

	private static final String PASSWORD = "le bon mot de passe du compte";

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private StaffAccounts accounts;

	@Autowired
	private PasswordEncoder encoder;

	/**
	 * Issue 12, defect 8: five wrong passwords from anywhere locked the account for
	 * everyone, its owner included.
	 */
	@Test
	void wrongPasswordsFromOneAddressDoNotLockTheOwnerOutAndTheOwnerIsTold() {
		this.accounts.create("cible@lianes.example", "Claude Cible", this.encoder.encode(PASSWORD),
				StaffRole.MODERATOR);
		for (int i = 0; i < SignInAttempts.MAX_ATTEMPTS; i++) {
			assertThat(signIn("203.0.113.7", "cible@lianes.example", "devine " + i))
				.hasRedirectedUrl("/connexion?erreur");
		}
		assertThat(signIn("203.0.113.7", "cible@lianes.example", PASSWORD)).as("locked for the stranger")
			.hasRedirectedUrl("/connexion?erreur");
		assertThat(signIn("198.51.100.4", "cible@lianes.example", PASSWORD)).as("open for the owner")
			.hasRedirectedUrl("/moderation");
		String mail = text(mailTo("cible@lianes.example", "Connexion"));
		assertThat(mail).contains("203.0.113.7", "15 minutes");
	}

	/**
	 * Issue 12, defect 8: once a lock had expired, the failures were still counted and
	 * one more wrong password locked the account again for fifteen minutes.
	 */
	@Test
	void anExpiredLockIsNotReArmedByOneWrongPasswordAndTheNextLockIsLonger() {
		this.accounts.create("retour@lianes.example", "Dominique Retour", this.encoder.encode(PASSWORD),
				StaffRole.MODERATOR);
		String address = "203.0.113.8";
		for (int i = 0; i < SignInAttempts.MAX_ATTEMPTS; i++) {
			signIn(address, "retour@lianes.example", "devine " + i);
		}
		assertThat(signIn(address, "retour@lianes.example", PASSWORD)).hasRedirectedUrl("/connexion?erreur");
		this.clock.advance(Duration.ofMinutes(16));
		assertThat(signIn(address, "retour@lianes.example", "une faute de frappe"))
			.hasRedirectedUrl("/connexion?erreur");
		assertThat(signIn(address, "retour@lianes.example", PASSWORD)).as("one wrong password does not lock again")
			.hasRedirectedUrl("/moderation");

	}

	/** Each lock of an address lasts twice as long as its previous one. */
	@Test
	void eachNewLockOfAnAddressLastsTwiceAsLong() {
		this.accounts.create("double@lianes.example", "Sacha Double", this.encoder.encode(PASSWORD),
				StaffRole.MODERATOR);
		String address = "203.0.113.9";
		for (int i = 0; i < SignInAttempts.MAX_ATTEMPTS; i++) {
			signIn(address, "double@lianes.example", "devine " + i);
		}
		this.clock.advance(Duration.ofMinutes(16));
		for (int i = 0; i < SignInAttempts.MAX_ATTEMPTS; i++) {
			signIn(address, "double@lianes.example", "encore " + i);
		}
		this.clock.advance(Duration.ofMinutes(16));
		assertThat(signIn(address, "double@lianes.example", PASSWORD)).as("still locked after 16 minutes")
			.hasRedirectedUrl("/connexion?erreur");
		this.clock.advance(Duration.ofMinutes(15));
		assertThat(signIn(address, "double@lianes.example", PASSWORD)).as("open after 31 minutes")
			.hasRedirectedUrl("/moderation");
	}

	/**
	 * A day without a wrong password, and an address's locks start again at 15 minutes.
	 */
	@Test
	void anAddressIsForgottenAfterADayWithoutAWrongPassword() {
		this.accounts.create("oubli@lianes.example", "Camille Oubli", this.encoder.encode(PASSWORD),
				StaffRole.MODERATOR);
		String address = "203.0.113.10";
		for (int i = 0; i < SignInAttempts.MAX_ATTEMPTS; i++) {
			signIn(address, "oubli@lianes.example", "devine " + i);
		}
		this.clock.advance(Duration.ofHours(25));
		for (int i = 0; i < SignInAttempts.MAX_ATTEMPTS; i++) {
			signIn(address, "oubli@lianes.example", "encore " + i);
		}
		assertThat(signIn(address, "oubli@lianes.example", PASSWORD)).hasRedirectedUrl("/connexion?erreur");
		this.clock.advance(Duration.ofMinutes(16));
		assertThat(signIn(address, "oubli@lianes.example", PASSWORD)).as("a first lock again: 15 minutes")
			.hasRedirectedUrl("/moderation");
	}

	private MvcTestResult signIn(String address, String email, String password) {
		return this.mvc.post()
			.uri("/connexion")
			.param("email", email)
			.param("motDePasse", password)
			.with(csrf())
			.with((request) -> {
				request.setRemoteAddr(address);
				return request;
			})
			.exchange();
	}

}
