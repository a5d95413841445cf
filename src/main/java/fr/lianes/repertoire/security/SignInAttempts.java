package fr.lianes.repertoire.security;

import java.time.Duration;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins: after {@value #MAX_ATTEMPTS} in a row an account is locked for
 * {@link #LOCK_FOR}, which makes guessing a password hopeless.
 */
@Component
class SignInAttempts {

	static final int MAX_ATTEMPTS = 5;

	static final Duration LOCK_FOR = Duration.ofMinutes(15);

	private final StaffAccounts accounts;

	SignInAttempts(StaffAccounts accounts) {
		this.accounts = accounts;
	}

	@EventListener
	void failed(AuthenticationFailureBadCredentialsEvent event) {
		Object name = event.getAuthentication().getPrincipal();
		if (name instanceof String email && !email.isBlank() && email.length() <= 254) {
			this.accounts.recordFailure(email, MAX_ATTEMPTS, LOCK_FOR);
		}
	}

	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		this.accounts.recordSuccess(event.getAuthentication().getName());
	}

}
