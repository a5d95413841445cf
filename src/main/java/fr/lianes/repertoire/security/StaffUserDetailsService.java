package fr.lianes.repertoire.security;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Staff sign in with their email address. */
@Service
class StaffUserDetailsService implements UserDetailsService {

	private final StaffAccounts accounts;

	private final Clock clock;

	StaffUserDetailsService(StaffAccounts accounts, Clock clock) {
		this.accounts = accounts;
		this.clock = clock;
	}

	@Override
	public UserDetails loadUserByUsername(String email) {
		if (email == null || email.isBlank() || email.length() > 254) {
			throw new UsernameNotFoundException("no such staff member");
		}
		StaffAccounts.Account account = this.accounts.byEmail(email)
			.orElseThrow(() -> new UsernameNotFoundException("no such staff member"));
		return User.withUsername(account.email())
			.password(account.passwordHash())
			.roles(account.role().name())
			.disabled(!account.enabled())
			.accountLocked(account.isLocked(OffsetDateTime.now(this.clock)))
			.build();
	}

}
