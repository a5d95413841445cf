package fr.lianes.repertoire.campaign;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mailings of the campaigns and their recipients. Who a mailing writes to is a query,
 * not a list made in advance: invitations go to the actors (active, or dormant when
 * asked) with an address that this campaign has not invited yet; reminders to the invited
 * actors, not ceased, that have not responded. Each batch takes the next actors by id.
 */
@Repository
class Mailings {

	record Mailing(long id, int campaignId, MailingKind kind, boolean includeDormant, String requestedBy,
			OffsetDateTime requestedAt, int planned, OffsetDateTime finishedAt, String lastError) {

		boolean finished() {
			return this.finishedAt != null;
		}

		/** The references of its mails start with this. */
		String referencePrefix() {
			return "campaign:" + this.campaignId + "/mailing:" + this.id + "/";
		}

		String reference(long actorId) {
			return referencePrefix() + "actor:" + actorId;
		}

	}

	/** An actor to write to, with every address it has: its own first. */
	record Target(long actorId, String name, List<String> addresses) {
	}

	/** An actor left out of a mailing, and why. */
	record Skipped(long actorId, String name, String email, RecipientOutcome outcome, OffsetDateTime at) {
	}

	/**
	 * Submission statuses that count as a response (as {@code census.Responses} counts).
	 */
	private static final String RESPONDED = "('SUBMITTED', 'APPROVED')";

	private static final String ADDRESSES = """
			array_remove(array[nullif(btrim(a.email), '')]
			    || array(select btrim(c.email) from contact_person c
			             where c.actor_id = a.id and nullif(btrim(c.email), '') is not null
			             order by c.position, c.id), null) as addresses""";

	private static final String INVITATION_TARGETS = """
			from actor a
			where (a.status = 'ACTIVE' or (:dormant and a.status = 'DORMANT'))
			  and (nullif(btrim(a.email), '') is not null
			       or exists (select 1 from contact_person c where c.actor_id = a.id and nullif(btrim(c.email), '') is not null))
			  and not exists (select 1 from campaign_recipient r where r.campaign_id = :campaign and r.actor_id = a.id
			                  and r.kind = 'INVITATION'
			                  and (r.outcome = 'QUEUED'
			                       or (r.created_at >= a.updated_at
			                           and not exists (select 1 from contact_person c where c.actor_id = a.id
			                                           and c.updated_at > r.created_at))))
			""";

	private static final String REMINDER_TARGETS = """
			from actor a
			where a.status <> 'CEASED'
			  and exists (select 1 from campaign_recipient r where r.campaign_id = :campaign and r.actor_id = a.id
			              and r.kind = 'INVITATION' and r.outcome = 'QUEUED')
			  and not exists (select 1 from submission s where s.campaign_id = :campaign and s.actor_id = a.id
			                  and s.status in %s)
			""".formatted(RESPONDED);

	private static final String MAILING = "select id, campaign_id, kind, include_dormant, requested_by, requested_at, "
			+ "planned, finished_at, last_error from campaign_mailing ";

	private final JdbcClient jdbc;

	private final Clock clock;

	Mailings(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** How many actors a mailing would write to now. */
	long countTargets(int campaignId, MailingKind kind, boolean includeDormant) {
		return this.jdbc.sql("select count(*) " + targets(kind))
			.param("campaign", campaignId)
			.param("dormant", includeDormant)
			.query(Long.class)
			.single();
	}

	/**
	 * Records a mailing to run.
	 * @throws org.springframework.dao.DuplicateKeyException if one is already running for
	 * the campaign
	 */
	long create(int campaignId, MailingKind kind, boolean includeDormant, String requestedBy, long planned) {
		return this.jdbc.sql("""
				insert into campaign_mailing (campaign_id, kind, include_dormant, requested_by, planned, requested_at)
				values (?, ?, ?, ?, ?, ?) returning id""")
			.params(campaignId, kind.name(), includeDormant, requestedBy, planned, now())
			.query(Long.class)
			.single();
	}

	/**
	 * The mailing if it is still to be finished, locked until the end of the transaction:
	 * two runners (two instances) take its batches one after the other.
	 */
	Optional<Mailing> lockUnfinished(long id) {
		return this.jdbc.sql(MAILING + "where id = ? and finished_at is null for update")
			.param(id)
			.query(this::mailing)
			.optional();
	}

	/** The next actors of a mailing, after those it has dealt with. */
	List<Target> nextTargets(Mailing mailing, int limit) {
		long after = this.jdbc.sql("select coalesce(max(actor_id), 0) from campaign_recipient where mailing_id = ?")
			.param(mailing.id())
			.query(Long.class)
			.single();
		return this.jdbc
			.sql("select a.id, a.name, " + ADDRESSES + " " + targets(mailing.kind())
					+ " and a.id > :after order by a.id limit :limit")
			.param("campaign", mailing.campaignId())
			.param("dormant", mailing.includeDormant())
			.param("after", after)
			.param("limit", limit)
			.query((rs, row) -> new Target(rs.getLong("id"), rs.getString("name"), strings(rs.getArray("addresses"))))
			.list();
	}

	/**
	 * Records what became of an actor in a mailing.
	 * @return false if it was already recorded (or, for an invitation, the actor already
	 * invited by the campaign): nothing is to be sent
	 */
	boolean record(Mailing mailing, long actorId, RecipientOutcome outcome, String email) {
		return this.jdbc.sql("""
				insert into campaign_recipient (mailing_id, actor_id, campaign_id, kind, outcome, email, created_at)
				values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
			.params(mailing.id(), actorId, mailing.campaignId(), mailing.kind().name(), outcome.name(), email, now())
			.update() == 1;
	}

	void finish(long id, String error) {
		this.jdbc.sql("update campaign_mailing set finished_at = ?, last_error = ? where id = ?")
			.params(now(), error, id)
			.update();
	}

	@Transactional
	void interrupted(long id, String error) {
		this.jdbc.sql("update campaign_mailing set last_error = ? where id = ? and finished_at is null")
			.params(error, id)
			.update();
	}

	void clearError(long id) {
		this.jdbc.sql("update campaign_mailing set last_error = null where id = ? and last_error is not null")
			.param(id)
			.update();
	}

	@Transactional(readOnly = true)
	List<Long> unfinished() {
		return this.jdbc.sql("select id from campaign_mailing where finished_at is null order by id")
			.query(Long.class)
			.list();
	}

	@Transactional(readOnly = true)
	List<Mailing> ofCampaign(int campaignId) {
		return this.jdbc.sql(MAILING + "where campaign_id = ? order by id desc")
			.param(campaignId)
			.query(this::mailing)
			.list();
	}

	/** How many actors each mailing of the campaign queued or skipped, by outcome. */
	@Transactional(readOnly = true)
	Map<Long, Map<RecipientOutcome, Long>> outcomes(int campaignId) {
		Map<Long, Map<RecipientOutcome, Long>> outcomes = new HashMap<>();
		this.jdbc.sql("""
				select mailing_id, outcome, count(*) from campaign_recipient
				where campaign_id = ? group by mailing_id, outcome""").param(campaignId).query((rs) -> {
			outcomes.computeIfAbsent(rs.getLong(1), (id) -> new EnumMap<>(RecipientOutcome.class))
				.put(RecipientOutcome.valueOf(rs.getString(2)), rs.getLong(3));
		});
		return outcomes;
	}

	/**
	 * The actors the campaign's latest mailing that dealt with them left out, and who
	 * were not written to since.
	 */
	@Transactional(readOnly = true)
	List<Skipped> skipped(int campaignId, int limit) {
		return this.jdbc.sql("""
				select r.actor_id, a.name, r.email, r.outcome, r.created_at
				from campaign_recipient r join actor a on a.id = r.actor_id
				where r.campaign_id = :campaign and r.outcome <> 'QUEUED'
				  and not exists (select 1 from campaign_recipient later where later.campaign_id = r.campaign_id
				                  and later.actor_id = r.actor_id and later.mailing_id > r.mailing_id)
				  and not exists (select 1 from campaign_recipient q where q.campaign_id = r.campaign_id
				                  and q.actor_id = r.actor_id and q.kind = 'INVITATION' and q.outcome = 'QUEUED')
				order by a.name, r.actor_id
				limit :limit""")
			.param("campaign", campaignId)
			.param("limit", limit)
			.query((rs, row) -> new Skipped(rs.getLong(1), rs.getString(2), rs.getString(3),
					RecipientOutcome.valueOf(rs.getString(4)), rs.getObject(5, OffsetDateTime.class)))
			.list();
	}

	/** The names of these actors, by id. */
	@Transactional(readOnly = true)
	Map<Long, String> names(List<Long> actorIds) {
		Map<Long, String> names = new HashMap<>();
		if (actorIds.isEmpty()) {
			return names;
		}
		this.jdbc.sql("select id, name from actor where id = any(?)")
			.param(actorIds.toArray(Long[]::new))
			.query((rs) -> {
				names.put(rs.getLong(1), rs.getString(2));
			});
		return names;
	}

	private static String targets(MailingKind kind) {
		return (kind == MailingKind.INVITATION) ? INVITATION_TARGETS : REMINDER_TARGETS;
	}

	private Mailing mailing(ResultSet rs, int row) throws SQLException {
		return new Mailing(rs.getLong("id"), rs.getInt("campaign_id"), MailingKind.valueOf(rs.getString("kind")),
				rs.getBoolean("include_dormant"), rs.getString("requested_by"),
				rs.getObject("requested_at", OffsetDateTime.class), rs.getInt("planned"),
				rs.getObject("finished_at", OffsetDateTime.class), rs.getString("last_error"));
	}

	private static List<String> strings(Array array) throws SQLException {
		return (array != null) ? List.of((String[]) array.getArray()) : List.of();
	}

	/**
	 * The time of every stamp written here: the application's clock, the one that stamps
	 * the actors and contacts these stamps are compared with.
	 */
	private OffsetDateTime now() {
		return OffsetDateTime.now(this.clock);
	}

}
