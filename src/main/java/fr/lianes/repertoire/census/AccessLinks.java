package fr.lianes.repertoire.census;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
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

	private final Clock clock;

	AccessLinks(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional
	Issued issue(Purpose purpose, String email, Long submissionId, Long actorId, Duration validity) {
		return issueUntil(purpose, email, submissionId, actorId, now().plus(validity));
	}

	/** A link that lasts until a given moment (the end of a campaign). */
	@Transactional
	Issued issueUntil(Purpose purpose, String email, Long submissionId, Long actorId, OffsetDateTime expiresAt) {
		String token = Tokens.random();
		this.jdbc
			.sql("insert into access_link (token_hash, purpose, email, submission_id, actor_id, expires_at, "
					+ "created_at) values (?, ?, ?, ?, ?, ?, ?)")
			.params(Tokens.hash(token), purpose.name(), email, submissionId, actorId, expiresAt, now())
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
					+ "where token_hash = ? and used_at is null and expires_at > ?")
			.params(Tokens.hash(token), now())
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
			.sql("update access_link set used_at = ? " + "where token_hash = ? and used_at is null and expires_at > ? "
					+ "returning purpose, email, submission_id, actor_id, expires_at")
			.params(now(), Tokens.hash(token), now())
			.query(this::link)
			.optional();
	}

	/** The application clock's time: links expire by it, whatever the database's zone. */
	private OffsetDateTime now() {
		return OffsetDateTime.now(this.clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.MICROS);
	}

	private Link link(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Link(Purpose.valueOf(rs.getString("purpose")), rs.getString("email"),
				(Long) rs.getObject("submission_id"), (Long) rs.getObject("actor_id"),
				rs.getObject("expires_at", OffsetDateTime.class));
	}

}
