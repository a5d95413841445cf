package fr.lianes.repertoire.security;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What administrators do to staff accounts, and the owner's setting of a password. Each
 * change is one transaction with its history entry and the mail it queues.
 */
@Service
class StaffAdministration {

	/** Why a change was refused, as a message key. */
	enum Refusal {

		OWN_ACCOUNT("staff.accounts.refused.own-account"), LAST_ADMINISTRATOR("staff.accounts.refused.last-admin"),
		DISABLED("staff.accounts.refused.disabled");

		final String messageKey;

		Refusal(String messageKey) {
			this.messageKey = messageKey;
		}

	}

	private final StaffAccounts accounts;

	private final PasswordLinks links;

	private final AccountEvents events;

	private final SignInLocks locks;

	private final StaffMails mails;

	private final PasswordEncoder encoder;

	private final Duration linkValidity;

	private final Clock clock;

	StaffAdministration(StaffAccounts accounts, PasswordLinks links, AccountEvents events, SignInLocks locks,
			StaffMails mails, PasswordEncoder encoder,
			@Value("${repertoire.security.password-link-validity:2d}") Duration linkValidity, Clock clock) {
		this.accounts = accounts;
		this.links = links;
		this.events = events;
		this.locks = locks;
		this.mails = mails;
		this.encoder = encoder;
		this.linkValidity = linkValidity;
		this.clock = clock;
	}

	List<StaffAccounts.Account> accounts() {
		return this.accounts.all();
	}

	Optional<StaffAccounts.Account> account(long id) {
		return this.accounts.byId(id);
	}

	List<AccountEvents.Event> history(long id) {
		return this.events.of(id);
	}

	boolean isTaken(String email) {
		return this.accounts.byEmail(email).isPresent();
	}

	/** Creates an account without a password and mails its owner a link to set one. */
	@Transactional
	long create(NewAccountForm form, String administrator) {
		OffsetDateTime now = now();
		long id = this.accounts.create(form.email().strip(), form.displayName().strip(), null,
				StaffRole.valueOf(form.role()));
		this.events.record(id, AccountEvents.Kind.CREATED, administrator, form.role(), now);
		sendLink(this.accounts.byId(id).orElseThrow(), administrator, now);
		return id;
	}

	/** Mails a new link to set the password; the earlier ones stop working. */
	@Transactional
	Optional<Refusal> sendLink(long id, String administrator) {
		StaffAccounts.Account account = this.accounts.byId(id).orElseThrow();
		if (!account.enabled()) {
			return Optional.of(Refusal.DISABLED);
		}
		sendLink(account, administrator, now());
		return Optional.empty();
	}

	private void sendLink(StaffAccounts.Account account, String administrator, OffsetDateTime now) {
		PasswordLinks.Issued link = this.links.issue(account.id(), administrator, now, this.linkValidity);
		this.events.record(account.id(), AccountEvents.Kind.LINK_SENT, administrator, null, now);
		this.mails.passwordLink(account, link);
	}

	/**
	 * Disables an account: it can no longer sign in, its open sessions end at their next
	 * request, its links stop working. An administrator cannot disable their own account,
	 * nor the last enabled administrator.
	 */
	@Transactional
	Optional<Refusal> disable(long id, String administrator) {
		StaffAccounts.Account account = this.accounts.byId(id).orElseThrow();
		if (account.email().equalsIgnoreCase(administrator)) {
			return Optional.of(Refusal.OWN_ACCOUNT);
		}
		List<Long> administrators = this.accounts.lockEnabledAdministrators();
		if (administrators.contains(id) && administrators.size() <= 1) {
			return Optional.of(Refusal.LAST_ADMINISTRATOR);
		}
		OffsetDateTime now = now();
		if (this.accounts.setEnabled(id, false)) {
			this.links.revokeAll(id, now);
			this.events.record(id, AccountEvents.Kind.DISABLED, administrator, null, now);
		}
		return Optional.empty();
	}

	@Transactional
	void enable(long id, String administrator) {
		if (this.accounts.setEnabled(id, true)) {
			this.events.record(id, AccountEvents.Kind.ENABLED, administrator, null, now());
		}
	}

	/** The account a link is for, if the link can still be used. */
	Optional<StaffAccounts.Account> accountOfLink(String token) {
		return this.links.peek(token, now())
			.flatMap((link) -> this.accounts.byId(link.accountId()))
			.filter(StaffAccounts.Account::enabled);
	}

	/**
	 * Sets the password of a link's account and uses the link, in one transaction.
	 * @return the account, or empty when the link can no longer be used
	 */
	@Transactional
	Optional<StaffAccounts.Account> setPassword(String token, String password) {
		OffsetDateTime now = now();
		Optional<StaffAccounts.Account> account = this.links.consume(token, now)
			.flatMap((link) -> this.accounts.byId(link.accountId()))
			.filter(StaffAccounts.Account::enabled);
		account.ifPresent((a) -> {
			this.accounts.setPassword(a.id(), this.encoder.encode(password));
			this.locks.clearAll(a.id());
			this.events.record(a.id(), AccountEvents.Kind.PASSWORD_SET, a.email(), null, now);
		});
		return account;
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(this.clock);
	}

}
