package fr.lianes.repertoire.security;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one-time links to set a staff account's password ({@code staff_password_link}): a
 * random token in the mailed link, its hash here; used once, by a POST, before it
 * expires. Only an account's latest link works.
 */
@Repository
class PasswordLinks {

	/** A link just created: its token goes into the mail, never into the database. */
	record Issued(String token, OffsetDateTime expiresAt) {
	}

	/** A link that can still be used, and the account it is for. */
	record Link(long accountId, OffsetDateTime expiresAt) {
	}

	private final JdbcClient jdbc;

	PasswordLinks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A new link for this account; its earlier links no longer work. */
	@Transactional
	Issued issue(long accountId, String createdBy, OffsetDateTime now, Duration validity) {
		revokeAll(accountId, now);
		String token = OneTimeTokens.random();
		OffsetDateTime expiresAt = now.plus(validity);
		this.jdbc.sql("""
				insert into staff_password_link (token_hash, staff_user_id, created_by, created_at, expires_at)
				values (?, ?, ?, ?, ?)""")
			.params(OneTimeTokens.hash(token), accountId, createdBy, now, expiresAt)
			.update();
		return new Issued(token, expiresAt);
	}

	/** The link of a token if it can still be used, without using it. */
	@Transactional(readOnly = true)
	Optional<Link> peek(String token, OffsetDateTime now) {
		if (!OneTimeTokens.isWellFormed(token)) {
			return Optional.empty();
		}
		return this.jdbc.sql("""
				select staff_user_id, expires_at from staff_password_link
				where token_hash = ? and used_at is null and revoked_at is null and expires_at > ?""")
			.params(OneTimeTokens.hash(token), now)
			.query((rs, i) -> new Link(rs.getLong(1), rs.getObject(2, OffsetDateTime.class)))
			.optional();
	}

	/** Uses a link: only the first of two simultaneous uses gets it. */
	@Transactional
	Optional<Link> consume(String token, OffsetDateTime now) {
		if (!OneTimeTokens.isWellFormed(token)) {
			return Optional.empty();
		}
		return this.jdbc.sql("""
				update staff_password_link set used_at = ?
				where token_hash = ? and used_at is null and revoked_at is null and expires_at > ?
				returning staff_user_id, expires_at""")
			.params(now, OneTimeTokens.hash(token), now)
			.query((rs, i) -> new Link(rs.getLong(1), rs.getObject(2, OffsetDateTime.class)))
			.optional();
	}

	/** Revokes an account's links not used yet. */
	@Transactional
	void revokeAll(long accountId, OffsetDateTime now) {
		this.jdbc
			.sql("update staff_password_link set revoked_at = ? "
					+ "where staff_user_id = ? and used_at is null and revoked_at is null")
			.params(now, accountId)
			.update();
	}

}
