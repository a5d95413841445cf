package fr.lianes.repertoire.census;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.function.UnaryOperator;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Questionnaire responses in PostgreSQL. Every change is committed before the page that
 * acknowledges it is sent: what its author saw saved is saved.
 */
@Repository
class Submissions {

	private static final String COLUMNS = "id, status, campaign_id, actor_id, author_email, content::text as content, "
			+ "created_at, submitted_at";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	Submissions(JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	@Transactional
	long createDraft(String authorEmail, Integer campaignId, Long actorId, CensusAnswers answers, byte[] keyHash) {
		long id = this.jdbc.sql(
				"insert into submission (status, campaign_id, actor_id, author_email, content, created_at, updated_at) "
						+ "values ('DRAFT', ?, ?, ?, ?::jsonb, ?, ?) returning id")
			.params(campaignId, actorId, authorEmail, this.json.writeValueAsString(answers), now(), now())
			.query(Long.class)
			.single();
		addDraftKey(id, keyHash);
		return id;
	}

	/** Lets a browser continue a questionnaire, as long as it is a draft. */
	@Transactional
	void addDraftKey(long submissionId, byte[] keyHash) {
		this.jdbc.sql("""
				insert into submission_draft_key (key_hash, submission_id, created_at)
				select ?, id, ? from submission where id = ? and status = 'DRAFT'
				on conflict do nothing""").params(keyHash, now(), submissionId).update();
	}

	/** The questionnaire of a browser's key, unless the key was revoked. */
	@Transactional(readOnly = true)
	Optional<Draft> findByDraftKey(byte[] keyHash) {
		return this.jdbc
			.sql("select " + COLUMNS + " from submission where id = "
					+ "(select submission_id from submission_draft_key where key_hash = ? and revoked_at is null)")
			.param(keyHash)
			.query(this::draft)
			.optional();
	}

	/** Whether this key was one of a questionnaire revoked because it was sent. */
	@Transactional(readOnly = true)
	boolean wasSentWith(byte[] keyHash) {
		return this.jdbc.sql("""
				select exists (select 1 from submission_draft_key k join submission s on s.id = k.submission_id
				               where k.key_hash = ? and k.revoked_at is not null and s.status <> 'DRAFT')""")
			.param(keyHash)
			.query(Boolean.class)
			.single();
	}

	/**
	 * Revokes every browser's key to a questionnaire just sent, and gives the one that
	 * sent it a new key, for its thank-you page only.
	 */
	@Transactional
	void replaceKeysOnSending(long id, byte[] thanksKeyHash) {
		this.jdbc.sql("update submission_draft_key set revoked_at = ? where submission_id = ? and revoked_at is null")
			.params(now(), id)
			.update();
		this.jdbc.sql("insert into submission_draft_key (key_hash, submission_id, created_at) values (?, ?, ?)")
			.params(thanksKeyHash, id, now())
			.update();
	}

	/**
	 * The sent questionnaire of a key, the key revoked at once: it is shown once, to one
	 * request.
	 */
	@Transactional
	Optional<Draft> takeSent(byte[] keyHash) {
		return this.jdbc.sql("""
				update submission_draft_key k set revoked_at = ? from submission s
				where k.key_hash = ? and k.revoked_at is null and s.id = k.submission_id and s.status <> 'DRAFT'
				returning k.submission_id""").params(now(), keyHash).query(Long.class).optional().flatMap(this::find);
	}

	@Transactional(readOnly = true)
	Optional<Draft> find(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from submission where id = ?")
			.param(id)
			.query(this::draft)
			.optional();
	}

	/** The latest draft still open that this address started. */
	@Transactional(readOnly = true)
	Optional<Draft> findOpenByEmail(String email, java.time.Duration validity) {
		return this.jdbc
			.sql("select " + COLUMNS + " from submission where status = 'DRAFT' and lower(author_email) = lower(?) "
					+ "and updated_at > ? order by updated_at desc limit 1")
			.params(email, now().minus(validity))
			.query(this::draft)
			.optional();
	}

	/**
	 * Changes the answers of an open draft, the row locked meanwhile: two tabs saving
	 * different steps at once both keep their part.
	 * @return the draft as saved, empty if it is no longer a draft
	 */
	@Transactional
	Optional<Draft> update(long id, UnaryOperator<CensusAnswers> change) {
		Optional<Draft> current = this.jdbc
			.sql("select " + COLUMNS + " from submission where id = ? and status = 'DRAFT' for update")
			.param(id)
			.query(this::draft)
			.optional();
		if (current.isEmpty()) {
			return Optional.empty();
		}
		CensusAnswers answers = change.apply(current.get().answers());
		this.jdbc.sql("update submission set content = ?::jsonb, updated_at = ?, version = version + 1 where id = ?")
			.params(this.json.writeValueAsString(answers), now(), id)
			.update();
		return find(id);
	}

	@Transactional
	void setAuthorEmail(long id, String email) {
		this.jdbc.sql("update submission set author_email = ?, updated_at = ? where id = ? and status = 'DRAFT'")
			.params(email, now(), id)
			.update();
	}

	/**
	 * Sends a draft for moderation, once: a second click or a second tab finds it sent.
	 * @return whether this call sent it
	 */
	@Transactional
	boolean submit(long id, Integer campaignId) {
		return this.jdbc
			.sql("update submission set status = 'SUBMITTED', submitted_at = :now, updated_at = :now, "
					+ "campaign_id = coalesce(:campaign, campaign_id), version = version + 1 "
					+ "where id = :id and status = 'DRAFT'")
			.param("now", now())
			.param("campaign", campaignId)
			.param("id", id)
			.update() == 1;
	}

	/**
	 * A new draft holding a sent response's answers, for its author to change what the
	 * network asked; no browser holds it until the author follows the link sent. It keeps
	 * the response's start time: its answers show the entry as it was then.
	 */
	@Transactional
	long reopen(long submissionId) {
		return this.jdbc.sql("""
				insert into submission (status, campaign_id, actor_id, author_email, content, created_at, updated_at)
				select 'DRAFT', campaign_id, actor_id, author_email, content, created_at, ? from submission where id = ?
				returning id""").params(now(), submissionId).query(Long.class).single();
	}

	/**
	 * The time of every stamp written here: the application's clock, not the database's.
	 */
	private OffsetDateTime now() {
		return OffsetDateTime.now(this.clock);
	}

	private Draft draft(ResultSet rs, int row) throws SQLException {
		return new Draft(rs.getLong("id"), SubmissionStatus.valueOf(rs.getString("status")),
				(Integer) rs.getObject("campaign_id"), (Long) rs.getObject("actor_id"), rs.getString("author_email"),
				this.json.readValue(rs.getString("content"), CensusAnswers.class),
				rs.getObject("created_at", OffsetDateTime.class), rs.getObject("submitted_at", OffsetDateTime.class));
	}

}
