package fr.lianes.repertoire.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff accounts ({@code staff_user}).
 */
@Repository
class StaffAccounts {

	/** An account as sign-in and its administration need it. */
	record Account(long id, String email, String displayName, String passwordHash, StaffRole role, boolean enabled,
			String totpSecret, OffsetDateTime lastLoginAt, OffsetDateTime createdAt) {

		boolean hasSecondFactor() {
			return this.totpSecret != null;
		}

		/**
		 * Whether a password was set: an account created by an administrator has none
		 * yet.
		 */
		public boolean hasPassword() {
			return this.passwordHash != null;
		}

	}

	private static final String COLUMNS = "id, email, display_name, password_hash, role, enabled, totp_secret, "
			+ "last_login_at, created_at";

	private final JdbcClient jdbc;

	private final Clock clock;

	StaffAccounts(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	Optional<Account> byEmail(String email) {
		return this.jdbc.sql("select " + COLUMNS + " from staff_user where lower(email) = lower(?)")
			.param(email.strip())
			.query(StaffAccounts::account)
			.optional();
	}

	Optional<Account> byId(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from staff_user where id = ?")
			.param(id)
			.query(StaffAccounts::account)
			.optional();
	}

	/** Every account, administrators and moderators, by address. */
	List<Account> all() {
		return this.jdbc.sql("select " + COLUMNS + " from staff_user order by lower(email)")
			.query(StaffAccounts::account)
			.list();
	}

	boolean hasAdministrator() {
		return this.jdbc.sql("select exists (select 1 from staff_user where role = 'ADMIN' and enabled)")
			.query(Boolean.class)
			.single();
	}

	/** Whether the account of this address was disabled. */
	boolean isDisabled(String email) {
		return this.jdbc.sql("select exists (select 1 from staff_user where lower(email) = lower(?) and not enabled)")
			.param(email.strip())
			.query(Boolean.class)
			.single();
	}

	/**
	 * Creates an account.
	 * @param passwordHash its password's hash, or null: its owner sets it through a link
	 */
	@Transactional
	long create(String email, String displayName, String passwordHash, StaffRole role) {
		return this.jdbc
			.sql("insert into staff_user (email, display_name, password_hash, role, created_at) "
					+ "values (?, ?, ?, ?, ?) returning id")
			.params(email.strip(), displayName.strip(), passwordHash, role.name(), OffsetDateTime.now(this.clock))
			.query(Long.class)
			.single();
	}

	/**
	 * Enables or disables an account.
	 * @return whether it changed
	 */
	@Transactional
	boolean setEnabled(long id, boolean enabled) {
		return this.jdbc.sql("update staff_user set enabled = ?, version = version + 1 where id = ? and enabled <> ?")
			.params(enabled, id, enabled)
			.update() == 1;
	}

	/**
	 * The enabled administrators, their rows locked until the transaction ends: two
	 * administrators disabling each other at once cannot leave none.
	 */
	@Transactional
	List<Long> lockEnabledAdministrators() {
		return this.jdbc.sql("select id from staff_user where role = 'ADMIN' and enabled order by id for update")
			.query(Long.class)
			.list();
	}

	@Transactional
	void setPassword(long id, String passwordHash) {
		this.jdbc.sql("update staff_user set password_hash = ?, version = version + 1 where id = ?")
			.params(passwordHash, id)
			.update();
	}

	/**
	 * Notes that the owner is told of a lock now, unless they were less than
	 * {@code interval} ago.
	 * @return whether they are to be told
	 */
	@Transactional
	boolean markLockNotified(long id, OffsetDateTime now, Duration interval) {
		return this.jdbc.sql("""
				update staff_user set lock_notified_at = :now
				where id = :id and (lock_notified_at is null or lock_notified_at <= :since)""")
			.param("now", now)
			.param("since", now.minus(interval))
			.param("id", id)
			.update() == 1;
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
	void recordSignIn(String email, OffsetDateTime now) {
		this.jdbc.sql("update staff_user set last_login_at = ? where lower(email) = lower(?)")
			.params(now, email.strip())
			.update();
	}

	private static Account account(ResultSet rs, int row) throws SQLException {
		return new Account(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"),
				rs.getString("password_hash"), StaffRole.valueOf(rs.getString("role")), rs.getBoolean("enabled"),
				rs.getString("totp_secret"), rs.getObject("last_login_at", OffsetDateTime.class),
				rs.getObject("created_at", OffsetDateTime.class));
	}

}
