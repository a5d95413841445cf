package fr.lianes.repertoire.security;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff accounts, and the failed sign-ins that lock them for a while.
 */
@Repository
class StaffAccounts {

	/** An account as sign-in needs it. */
	record Account(long id, String email, String displayName, String passwordHash, StaffRole role, boolean enabled,
			OffsetDateTime lockedUntil, String totpSecret) {

		boolean hasSecondFactor() {
			return this.totpSecret != null;
		}

		boolean isLocked(OffsetDateTime now) {
			return this.lockedUntil != null && this.lockedUntil.isAfter(now);
		}

	}

	private final JdbcClient jdbc;

	StaffAccounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Account> byEmail(String email) {
		return this.jdbc
			.sql("select id, email, display_name, password_hash, role, enabled, locked_until, totp_secret "
					+ "from staff_user where lower(email) = lower(?)")
			.param(email.strip())
			.query((rs, i) -> new Account(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					StaffRole.valueOf(rs.getString(5)), rs.getBoolean(6), rs.getObject(7, OffsetDateTime.class),
					rs.getString(8)))
			.optional();
	}

	boolean hasAdministrator() {
		return this.jdbc.sql("select exists (select 1 from staff_user where role = 'ADMIN' and enabled)")
			.query(Boolean.class)
			.single();
	}

	@Transactional
	long create(String email, String displayName, String passwordHash, StaffRole role) {
		return this.jdbc
			.sql("insert into staff_user (email, display_name, password_hash, role) values (?, ?, ?, ?) returning id")
			.params(email.strip(), displayName, passwordHash, role.name())
			.query(Long.class)
			.single();
	}

	/** One more failed sign-in; past the limit, the account is locked for a while. */
	@Transactional
	void recordFailure(String email, int maxAttempts, Duration lockFor) {
		this.jdbc.sql("""
				update staff_user set failed_attempts = failed_attempts + 1,
				       locked_until = case when failed_attempts + 1 >= :max then now() + cast(:lock as interval)
				                           else locked_until end
				where lower(email) = lower(:email)""")
			.param("max", maxAttempts)
			.param("lock", lockFor.toSeconds() + " seconds")
			.param("email", email.strip())
			.update();
	}

	@Transactional
	void enableSecondFactor(String email, String secret, long step) {
		this.jdbc.sql("update staff_user set totp_secret = ?, totp_last_step = ? where lower(email) = lower(?)")
			.params(secret, step, email.strip())
			.update();
	}

	/**
	 * Records the time step of a code just accepted; false if that step (or a later one)
	 * was already used: a code works once.
	 */
	@Transactional
	boolean useSecondFactorStep(String email, long step) {
		return this.jdbc
			.sql("update staff_user set totp_last_step = ? where lower(email) = lower(?) "
					+ "and (totp_last_step is null or totp_last_step < ?)")
			.params(step, email.strip(), step)
			.update() == 1;
	}

	@Transactional
	void recordSuccess(String email) {
		this.jdbc
			.sql("update staff_user set failed_attempts = 0, locked_until = null, last_login_at = now() "
					+ "where lower(email) = lower(?)")
			.param(email.strip())
			.update();
	}

}
