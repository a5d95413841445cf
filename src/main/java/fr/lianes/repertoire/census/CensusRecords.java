package fr.lianes.repertoire.census;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the census keeps about an address (the responses it sent, the links mailed to it),
 * and the purge of what outlived its retention period: drafts left untouched, one-time
 * links used or expired, refused responses.
 */
@Service
public class CensusRecords {

	/** A questionnaire response sent from the address, or a draft started with it. */
	public record ResponseKept(long id, String status, OffsetDateTime createdAt, OffsetDateTime submittedAt,
			OffsetDateTime decidedAt, String content) {
	}

	/** A one-time link mailed to the address. */
	public record LinkKept(String purpose, OffsetDateTime createdAt, OffsetDateTime usedAt) {
	}

	public record KeptAbout(List<ResponseKept> responses, List<LinkKept> links) {
	}

	private final JdbcClient jdbc;

	CensusRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public KeptAbout keptAbout(String email) {
		List<ResponseKept> responses = this.jdbc.sql("""
				select id, status, created_at, submitted_at, decided_at, content::text as content from submission
				where lower(author_email) = lower(:email) order by created_at, id""")
			.param("email", email)
			.query((rs, row) -> new ResponseKept(rs.getLong("id"), rs.getString("status"),
					rs.getObject("created_at", OffsetDateTime.class),
					rs.getObject("submitted_at", OffsetDateTime.class),
					rs.getObject("decided_at", OffsetDateTime.class), rs.getString("content")))
			.list();
		List<LinkKept> links = this.jdbc.sql("""
				select purpose, created_at, used_at from access_link
				where lower(email) = lower(:email) order by created_at""")
			.param("email", email)
			.query((rs, row) -> new LinkKept(rs.getString("purpose"), rs.getObject("created_at", OffsetDateTime.class),
					rs.getObject("used_at", OffsetDateTime.class)))
			.list();
		return new KeptAbout(responses, links);
	}

	/**
	 * Deletes the drafts nobody touched since this time (their links and browser keys
	 * with them).
	 * @return how many were deleted
	 */
	@Transactional
	public int purgeDraftsUntouchedSince(OffsetDateTime before) {
		return this.jdbc.sql("delete from submission where status = 'DRAFT' and updated_at < :before")
			.param("before", before)
			.update();
	}

	/**
	 * Deletes the one-time links used or expired before this time.
	 * @return how many were deleted
	 */
	@Transactional
	public int purgeLinksDoneBefore(OffsetDateTime before) {
		return this.jdbc.sql("""
				delete from access_link
				where (used_at is not null and used_at < :before) or expires_at < :before""")
			.param("before", before)
			.update();
	}

	/**
	 * Deletes the responses refused before this time.
	 * @return how many were deleted
	 */
	@Transactional
	public int purgeRefusedBefore(OffsetDateTime before) {
		return this.jdbc.sql("delete from submission where status = 'REJECTED' and decided_at < :before")
			.param("before", before)
			.update();
	}

}
