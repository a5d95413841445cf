package fr.lianes.repertoire.security;

import java.time.OffsetDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Wrong passwords per account and per address they come from
 * ({@code staff_sign_in_failure}).
 */
@Repository
class SignInLocks {

	/**
	 * What an address did to an account.
	 *
	 * @param failures wrong passwords in a row since its last lock
	 * @param locks locks so far: each lasts twice as long as the one before
	 */
	record State(int failures, int locks, OffsetDateTime lockedUntil, OffsetDateTime lastFailureAt) {

		boolean isLocked(OffsetDateTime now) {
			return this.lockedUntil != null && this.lockedUntil.isAfter(now);
		}

	}

	private final JdbcClient jdbc;

	SignInLocks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The state of an account for an address, its row locked until the transaction ends:
	 * two wrong passwords at once are both counted.
	 */
	@Transactional
	State lock(long accountId, String address, OffsetDateTime now) {
		this.jdbc.sql("""
				insert into staff_sign_in_failure (staff_user_id, address, last_failure_at) values (?, ?, ?)
				on conflict do nothing""").params(accountId, address, now).update();
		return this.jdbc.sql("""
				select failures, locks, locked_until, last_failure_at from staff_sign_in_failure
				where staff_user_id = ? and address = ? for update""")
			.params(accountId, address)
			.query((rs, i) -> new State(rs.getInt(1), rs.getInt(2), rs.getObject(3, OffsetDateTime.class),
					rs.getObject(4, OffsetDateTime.class)))
			.single();
	}

	@Transactional
	void save(long accountId, String address, State state) {
		this.jdbc.sql("""
				update staff_sign_in_failure set failures = ?, locks = ?, locked_until = ?, last_failure_at = ?
				where staff_user_id = ? and address = ?""")
			.params(state.failures(), state.locks(), state.lockedUntil(), state.lastFailureAt(), accountId, address)
			.update();
	}

	/** Whether the account of this address is locked for this client address. */
	@Transactional(readOnly = true)
	boolean isLocked(String email, String address, OffsetDateTime now) {
		return this.jdbc.sql("""
				select exists (select 1 from staff_sign_in_failure f join staff_user u on u.id = f.staff_user_id
				               where lower(u.email) = lower(?) and f.address = ? and f.locked_until > ?)""")
			.params(email.strip(), address, now)
			.query(Boolean.class)
			.single();
	}

	/** Forgets what an address did to an account (after a right password). */
	@Transactional
	void clear(String email, String address) {
		this.jdbc.sql("""
				delete from staff_sign_in_failure f using staff_user u
				where u.id = f.staff_user_id and lower(u.email) = lower(?) and f.address = ?""")
			.params(email.strip(), address)
			.update();
	}

	/**
	 * Forgets the addresses that typed no wrong password for this account since
	 * {@code before} and are not locked any more: the table keeps only what still counts.
	 */
	@Transactional
	void forgetStale(long accountId, OffsetDateTime before, OffsetDateTime now) {
		this.jdbc.sql("""
				delete from staff_sign_in_failure
				where staff_user_id = ? and last_failure_at < ? and (locked_until is null or locked_until <= ?)""")
			.params(accountId, before, now)
			.update();
	}

	/** Forgets every address's wrong passwords for an account (a new password is set). */
	@Transactional
	void clearAll(long accountId) {
		this.jdbc.sql("delete from staff_sign_in_failure where staff_user_id = ?").param(accountId).update();
	}

}
