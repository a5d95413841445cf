package fr.lianes.repertoire.security;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts wrong passwords per account and per address they come from: after
 * {@value #MAX_ATTEMPTS} in a row the account is locked for that address only, for
 * {@link #LOCK_FOR} the first time and twice as long at each new lock (at most
 * {@link #LONGEST_LOCK}), and its owner is told by mail. A stranger can lock an account
 * for themselves, not for its owner; guessing a password stays hopeless (with the limit
 * per address of {@link SignInThrottle}). An address's record is forgotten after a right
 * password, or {@link #FORGET_AFTER} without a wrong one.
 */
@Component
class SignInAttempts {

	static final int MAX_ATTEMPTS = 5;

	static final Duration LOCK_FOR = Duration.ofMinutes(15);

	static final Duration LONGEST_LOCK = Duration.ofHours(24);

	static final Duration FORGET_AFTER = Duration.ofHours(24);

	/** The owner is told of locks at most this often. */
	static final Duration NOTIFY_AT_MOST_EVERY = Duration.ofHours(1);

	private static final int MAX_ADDRESS_LENGTH = 64;

	private final StaffAccounts accounts;

	private final SignInLocks locks;

	private final AccountEvents events;

	private final StaffMails mails;

	private final Clock clock;

	SignInAttempts(StaffAccounts accounts, SignInLocks locks, AccountEvents events, StaffMails mails, Clock clock) {
		this.accounts = accounts;
		this.locks = locks;
		this.events = events;
		this.mails = mails;
		this.clock = clock;
	}

	/** Whether this account is locked for this client address. */
	boolean isLocked(String email, String address) {
		return email != null && !email.isBlank() && email.length() <= 254 && address != null
				&& this.locks.isLocked(email, key(address), OffsetDateTime.now(this.clock));
	}

	@EventListener
	@Transactional
	void failed(AuthenticationFailureBadCredentialsEvent event) {
		Object name = event.getAuthentication().getPrincipal();
		Optional<String> address = address(event.getAuthentication());
		if (!(name instanceof String email) || email.isBlank() || email.length() > 254 || address.isEmpty()) {
			return;
		}
		this.accounts.byEmail(email).ifPresent((account) -> failed(account, address.get()));
	}

	private void failed(StaffAccounts.Account account, String address) {
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		this.locks.forgetStale(account.id(), now.minus(FORGET_AFTER), now);
		SignInLocks.State state = this.locks.lock(account.id(), address, now);
		if (state.isLocked(now)) {
			// refused before its password was checked: nothing more to count
			return;
		}
		int failures = state.failures() + 1;
		if (failures < MAX_ATTEMPTS) {
			this.locks.save(account.id(), address, new SignInLocks.State(failures, state.locks(), null, now));
			return;
		}
		int lockCount = state.locks() + 1;
		Duration lockFor = lockDuration(lockCount);
		this.locks.save(account.id(), address, new SignInLocks.State(0, lockCount, now.plus(lockFor), now));
		this.events.record(account.id(), AccountEvents.Kind.SIGN_IN_LOCKED, null, address, now);
		if (this.accounts.markLockNotified(account.id(), now, NOTIFY_AT_MOST_EVERY)) {
			this.mails.signInLocked(account, address, lockFor, now);
		}
	}

	/** The length of an address's n-th lock: 15 minutes, 30, 60... at most a day. */
	static Duration lockDuration(int lockCount) {
		int doublings = Math.min(lockCount - 1, 16);
		Duration duration = LOCK_FOR.multipliedBy(1L << doublings);
		return (duration.compareTo(LONGEST_LOCK) > 0) ? LONGEST_LOCK : duration;
	}

	@EventListener
	@Transactional
	void succeeded(AuthenticationSuccessEvent event) {
		String email = event.getAuthentication().getName();
		address(event.getAuthentication()).ifPresent((address) -> this.locks.clear(email, address));
		this.accounts.recordSignIn(email, OffsetDateTime.now(this.clock));
	}

	private static Optional<String> address(Authentication authentication) {
		return (authentication.getDetails() instanceof WebAuthenticationDetails details
				&& details.getRemoteAddress() != null) ? Optional.of(key(details.getRemoteAddress()))
						: Optional.empty();
	}

	/** A client address as its record is kept. */
	private static String key(String address) {
		return (address.length() > MAX_ADDRESS_LENGTH) ? address.substring(0, MAX_ADDRESS_LENGTH) : address;
	}

}
