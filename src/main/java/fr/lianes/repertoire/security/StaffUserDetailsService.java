package fr.lianes.repertoire.security;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Staff sign in with their email address; disabled accounts cannot. Locks are checked
 * before ({@link SignInThrottle}).
 */
@Service
class StaffUserDetailsService implements UserDetailsService {

	private final StaffAccounts accounts;

	StaffUserDetailsService(StaffAccounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public UserDetails loadUserByUsername(String email) {
		if (email == null || email.isBlank() || email.length() > 254) {
			throw new UsernameNotFoundException("no such staff member");
		}
		// an account whose password is not set yet cannot sign in, and says so no more
		// than an unknown address
		StaffAccounts.Account account = this.accounts.byEmail(email)
			.filter(StaffAccounts.Account::hasPassword)
			.orElseThrow(() -> new UsernameNotFoundException("no such staff member"));
		return User.withUsername(account.email())
			.password(account.passwordHash())
			.roles(account.role().name())
			.disabled(!account.enabled())
			.build();
	}

}
