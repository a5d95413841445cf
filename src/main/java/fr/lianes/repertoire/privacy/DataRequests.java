package fr.lianes.repertoire.privacy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The requests for a copy or an erasure ({@code data_request}): a 256-bit token mailed to
 * the address, only its SHA-256 stored, used once before it expires.
 */
@Component
class DataRequests {

	enum Kind {

		ACCESS, ERASURE

	}

	record Request(long id, Kind kind, String email, OffsetDateTime expiresAt) {
	}

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	DataRequests(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Records a request; its token, to mail. */
	@Transactional(propagation = Propagation.MANDATORY)
	String create(Kind kind, String email, OffsetDateTime now, OffsetDateTime expiresAt) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		this.jdbc.sql("""
				insert into data_request (token_hash, kind, email, created_at, expires_at)
				values (?, ?, ?, ?, ?)""").params(hash(token), kind.name(), email, now, expiresAt).update();
		return token;
	}

	/** Requests made for this address since this time. */
	@Transactional(propagation = Propagation.MANDATORY)
	long countSince(String email, OffsetDateTime since) {
		return this.jdbc.sql("select count(*) from data_request where email = ? and created_at >= ?")
			.params(email, since)
			.query(Long.class)
			.single();
	}

	/** The request this token proves, if not carried out yet nor expired. */
	@Transactional(readOnly = true)
	Optional<Request> peek(String token, OffsetDateTime now) {
		if (!isWellFormed(token)) {
			return Optional.empty();
		}
		return this.jdbc.sql("""
				select id, kind, email, expires_at from data_request
				where token_hash = ? and done_at is null and expires_at > ?""")
			.params(hash(token), now)
			.query((rs, row) -> new Request(rs.getLong("id"), Kind.valueOf(rs.getString("kind")), rs.getString("email"),
					rs.getObject("expires_at", OffsetDateTime.class)))
			.optional();
	}

	/** Marks the request carried out, once: false if another click did it first. */
	@Transactional(propagation = Propagation.MANDATORY)
	boolean markDone(long id, OffsetDateTime now) {
		return this.jdbc.sql("update data_request set done_at = ? where id = ? and done_at is null")
			.params(now, id)
			.update() == 1;
	}

	/**
	 * Deletes the requests carried out, and those left unconfirmed, before this time.
	 * @return how many were deleted
	 */
	@Transactional
	int purgeBefore(OffsetDateTime before) {
		return this.jdbc.sql("""
				delete from data_request
				where (done_at is not null and done_at < :before) or (done_at is null and expires_at < :before)""")
			.param("before", before)
			.update();
	}

	static boolean isWellFormed(String token) {
		return token != null && token.matches("[A-Za-z0-9_-]{43}");
	}

	private static byte[] hash(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

}
