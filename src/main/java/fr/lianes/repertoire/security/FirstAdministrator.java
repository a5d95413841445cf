package fr.lianes.repertoire.security;

import fr.lianes.repertoire.mail.MailOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Creates the first administrator from {@code repertoire.admin.email} and
 * {@code repertoire.admin.password} (e.g. {@code REPERTOIRE_ADMIN_EMAIL} and
 * {@code REPERTOIRE_ADMIN_PASSWORD}) when no administrator exists. There is no default
 * account: without these settings the back office stays closed.
 */
@Component
class FirstAdministrator implements ApplicationRunner {

	static final int MIN_PASSWORD_LENGTH = 12;

	private static final Logger LOGGER = LoggerFactory.getLogger(FirstAdministrator.class);

	private final StaffAccounts accounts;

	private final PasswordEncoder encoder;

	private final Environment environment;

	FirstAdministrator(StaffAccounts accounts, PasswordEncoder encoder, Environment environment) {
		this.accounts = accounts;
		this.encoder = encoder;
		this.environment = environment;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.accounts.hasAdministrator()) {
			return;
		}
		String email = this.environment.getProperty("repertoire.admin.email");
		String password = this.environment.getProperty("repertoire.admin.password");
		if (email == null || password == null) {
			LOGGER.info("No staff administrator yet: set REPERTOIRE_ADMIN_EMAIL and REPERTOIRE_ADMIN_PASSWORD "
					+ "to create the first one");
			return;
		}
		if (!MailOutbox.isDeliverable(email.strip())) {
			throw new IllegalStateException("repertoire.admin.email is not a mail address with a dotted domain");
		}
		if (password.length() < MIN_PASSWORD_LENGTH) {
			throw new IllegalStateException(
					"repertoire.admin.password must have at least " + MIN_PASSWORD_LENGTH + " characters");
		}
		this.accounts.create(email, this.environment.getProperty("repertoire.admin.name", "Administrateur"),
				this.encoder.encode(password), StaffRole.ADMIN);
		LOGGER.info("First staff administrator created for {}", email.replaceAll("(?<=.).(?=[^@]*@)", "*"));
	}

}
