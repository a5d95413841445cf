package fr.lianes.repertoire.census;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time links sent by email: a random token in the link, its hash in the database;
 * used once, before it expires.
 */
@Repository
class AccessLinks {

	enum Purpose {

		RESUME_DRAFT, UPDATE_ENTRY, WITHDRAW

	}

	/** A valid link, as found when its token is presented. */
	record Link(Purpose purpose, String email, Long submissionId, Long actorId, OffsetDateTime expiresAt) {
	}

	/** A link just created: its token goes into the email, never into the database. */
	record Issued(String token, OffsetDateTime expiresAt) {
	}

	private final JdbcClient jdbc;

	AccessLinks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional
	Issued issue(Purpose purpose, String email, Long submissionId, Long actorId, Duration validity) {
		String token = Tokens.random();
		OffsetDateTime expiresAt = this.jdbc
			.sql("insert into access_link (token_hash, purpose, email, submission_id, actor_id, expires_at) "
					+ "values (?, ?, ?, ?, ?, now() + ?::interval) returning expires_at")
			.params(Tokens.hash(token), purpose.name(), email, submissionId, actorId, validity.toSeconds() + " seconds")
			.query(OffsetDateTime.class)
			.single();
		return new Issued(token, expiresAt);
	}

	/** A link that lasts until a given moment (the end of a campaign). */
	@Transactional
	Issued issueUntil(Purpose purpose, String email, Long submissionId, Long actorId, OffsetDateTime expiresAt) {
		String token = Tokens.random();
		this.jdbc
			.sql("insert into access_link (token_hash, purpose, email, submission_id, actor_id, expires_at) "
					+ "values (?, ?, ?, ?, ?, ?)")
			.params(Tokens.hash(token), purpose.name(), email, submissionId, actorId, expiresAt)
			.update();
		return new Issued(token, expiresAt);
	}

	/** The link of a token if it can still be used, without using it. */
	@Transactional(readOnly = true)
	Optional<Link> peek(String token) {
		if (!Tokens.isWellFormed(token)) {
			return Optional.empty();
		}
		return this.jdbc
			.sql("select purpose, email, submission_id, actor_id, expires_at from access_link "
					+ "where token_hash = ? and used_at is null and expires_at > now()")
			.param(Tokens.hash(token))
			.query(this::link)
			.optional();
	}

	/** Uses a link: only the first of two simultaneous uses gets it. */
	@Transactional
	Optional<Link> consume(String token) {
		if (!Tokens.isWellFormed(token)) {
			return Optional.empty();
		}
		return this.jdbc
			.sql("update access_link set used_at = now() "
					+ "where token_hash = ? and used_at is null and expires_at > now() "
					+ "returning purpose, email, submission_id, actor_id, expires_at")
			.param(Tokens.hash(token))
			.query(this::link)
			.optional();
	}

	private Link link(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Link(Purpose.valueOf(rs.getString("purpose")), rs.getString("email"),
				(Long) rs.getObject("submission_id"), (Long) rs.getObject("actor_id"),
				rs.getObject("expires_at", OffsetDateTime.class));
	}

}
