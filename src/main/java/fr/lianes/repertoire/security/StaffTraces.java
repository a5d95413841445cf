package fr.lianes.repertoire.security;

import java.time.OffsetDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The purge of the traces the staff's sign-in leaves: password links used, revoked or
 * expired, and the wrong passwords counted against an address (rate-limit traces) once
 * they no longer lock anything.
 */
@Service
public class StaffTraces {

	private final JdbcClient jdbc;

	StaffTraces(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Deletes the password links used, revoked or expired before this time.
	 * @return how many were deleted
	 */
	@Transactional
	public int purgeLinksDoneBefore(OffsetDateTime before) {
		return this.jdbc.sql("""
				delete from staff_password_link
				where (used_at is not null and used_at < :before) or (revoked_at is not null and revoked_at < :before)
				   or expires_at < :before""").param("before", before).update();
	}

	/**
	 * Deletes the wrong-password counts last moved before this time that lock nothing any
	 * more.
	 * @return how many were deleted
	 */
	@Transactional
	public int purgeSignInFailuresBefore(OffsetDateTime before, OffsetDateTime now) {
		return this.jdbc.sql("""
				delete from staff_sign_in_failure
				where last_failure_at < :before and (locked_until is null or locked_until <= :now)""")
			.param("before", before)
			.param("now", now)
			.update();
	}

}
