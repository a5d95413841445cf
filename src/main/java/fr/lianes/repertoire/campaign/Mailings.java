package fr.lianes.repertoire.campaign;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import fr.lianes.repertoire.census.Responses;
import fr.lianes.repertoire.directory.EntryLookups;
import fr.lianes.repertoire.directory.EntryLookups.Reachable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mailings of the campaigns and their recipients. Who a mailing writes to is looked
 * up batch by batch, not listed in advance: invitations go to the actors (active, or
 * dormant when asked) with an address that this campaign has not invited yet; reminders
 * to the invited actors, not ceased, that have not responded. The directory gives the
 * actors and their addresses, the census who responded; each batch takes the next actors
 * by id.
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

	private static final String MAILING = "select id, campaign_id, kind, include_dormant, requested_by, requested_at, "
			+ "planned, finished_at, last_error from campaign_mailing ";

	/** How many actors the directory is asked for at once when looking for targets. */
	private static final int PAGE = 1000;

	private final JdbcClient jdbc;

	private final EntryLookups lookups;

	private final Responses responses;

	private final Clock clock;

	Mailings(JdbcClient jdbc, EntryLookups lookups, Responses responses, Clock clock) {
		this.jdbc = jdbc;
		this.lookups = lookups;
		this.responses = responses;
		this.clock = clock;
	}

	/** How many actors a mailing would write to now. */
	long countTargets(int campaignId, MailingKind kind, boolean includeDormant) {
		if (kind == MailingKind.REMINDER) {
			return this.lookups.countNotCeasedAmong(toRemind(campaignId));
		}
		long count = 0;
		long after = 0;
		for (List<Reachable> page = this.lookups.reachable(includeDormant, after, PAGE); !page
			.isEmpty(); page = this.lookups.reachable(includeDormant, after, PAGE)) {
			count += toInvite(campaignId, page).size();
			after = page.get(page.size() - 1).actorId();
		}
		return count;
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
		if (mailing.kind() == MailingKind.REMINDER) {
			return nextReminders(mailing.campaignId(), after, limit);
		}
		List<Target> targets = new ArrayList<>();
		int page = Math.max(limit, PAGE);
		for (List<Reachable> actors = this.lookups.reachable(mailing.includeDormant(), after, page); !actors.isEmpty()
				&& targets.size() < limit; actors = this.lookups.reachable(mailing.includeDormant(), after, page)) {
			for (Reachable actor : toInvite(mailing.campaignId(), actors)) {
				if (targets.size() < limit) {
					targets.add(target(actor));
				}
			}
			after = actors.get(actors.size() - 1).actorId();
		}
		return targets;
	}

	/**
	 * Those of these actors that the campaign has not invited yet: no invitation of
	 * theirs was queued, and none was left out since their entry last changed (a new
	 * address may reach them now).
	 */
	private List<Reachable> toInvite(int campaignId, List<Reachable> actors) {
		Map<Long, List<Invited>> invitations = new HashMap<>();
		this.jdbc.sql("""
				select actor_id, outcome, created_at from campaign_recipient
				where campaign_id = ? and kind = 'INVITATION' and actor_id = any(?)""")
			.params(campaignId, actors.stream().map(Reachable::actorId).toArray(Long[]::new))
			.query((rs) -> {
				invitations.computeIfAbsent(rs.getLong(1), (id) -> new ArrayList<>())
					.add(new Invited(RecipientOutcome.valueOf(rs.getString(2)), rs.getObject(3, OffsetDateTime.class)));
			});
		return actors.stream()
			.filter((actor) -> invitations.getOrDefault(actor.actorId(), List.of())
				.stream()
				.noneMatch((invited) -> invited.outcome() == RecipientOutcome.QUEUED
						|| !invited.at().isBefore(actor.lastChangedAt())))
			.toList();
	}

	/** An invitation recorded for an actor: queued or left out, and when. */
	private record Invited(RecipientOutcome outcome, OffsetDateTime at) {
	}

	/**
	 * The next actors to remind after {@code after}: the invitees are read a page at a
	 * time in id order (a batch never reads the whole list of invitees again), those who
	 * responded or ceased left out.
	 */
	private List<Target> nextReminders(int campaignId, long after, int limit) {
		Set<Long> responded = responded(campaignId);
		List<Target> targets = new ArrayList<>();
		int page = Math.max(limit, PAGE);
		for (List<Long> invited = invited(campaignId, after, page); !invited.isEmpty()
				&& targets.size() < limit; invited = invited(campaignId, after, page)) {
			List<Long> unanswered = invited.stream().filter((id) -> !responded.contains(id)).toList();
			this.lookups.notCeasedAmong(unanswered, after, limit - targets.size())
				.forEach((actor) -> targets.add(target(actor)));
			after = invited.get(invited.size() - 1);
		}
		return targets;
	}

	/** The actors the campaign invited (mail queued) that have not responded. */
	private List<Long> toRemind(int campaignId) {
		Set<Long> responded = responded(campaignId);
		return invited(campaignId, 0, Integer.MAX_VALUE).stream().filter((id) -> !responded.contains(id)).toList();
	}

	/** The actors the campaign invited (mail queued), after {@code after} in id order. */
	private List<Long> invited(int campaignId, long after, int limit) {
		return this.jdbc.sql("""
				select distinct actor_id from campaign_recipient
				where campaign_id = ? and kind = 'INVITATION' and outcome = 'QUEUED' and actor_id > ?
				order by actor_id limit ?""").params(campaignId, after, limit).query(Long.class).list();
	}

	private Set<Long> responded(int campaignId) {
		return Arrays.stream(this.responses.respondents(campaignId)).boxed().collect(Collectors.toSet());
	}

	private static Target target(Reachable actor) {
		return new Target(actor.actorId(), actor.name(), actor.addresses());
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
		Map<Long, List<Skipped>> skipped = new HashMap<>();
		this.jdbc.sql("""
				select r.actor_id, r.email, r.outcome, r.created_at
				from campaign_recipient r
				where r.campaign_id = :campaign and r.outcome <> 'QUEUED'
				  and not exists (select 1 from campaign_recipient later where later.campaign_id = r.campaign_id
				                  and later.actor_id = r.actor_id and later.mailing_id > r.mailing_id)
				  and not exists (select 1 from campaign_recipient q where q.campaign_id = r.campaign_id
				                  and q.actor_id = r.actor_id and q.kind = 'INVITATION' and q.outcome = 'QUEUED')""")
			.param("campaign", campaignId)
			.query((rs) -> {
				skipped.computeIfAbsent(rs.getLong(1), (id) -> new ArrayList<>())
					.add(new Skipped(rs.getLong(1), null, rs.getString(2), RecipientOutcome.valueOf(rs.getString(3)),
							rs.getObject(4, OffsetDateTime.class)));
			});
		// in the order of the actors' names, as the directory sorts them
		return this.lookups.namesInOrder(skipped.keySet())
			.entrySet()
			.stream()
			.flatMap((actor) -> skipped.get(actor.getKey())
				.stream()
				.map((s) -> new Skipped(s.actorId(), actor.getValue(), s.email(), s.outcome(), s.at())))
			.limit(limit)
			.toList();
	}

	/** The names of these actors, by id. */
	@Transactional(readOnly = true)
	Map<Long, String> names(List<Long> actorIds) {
		return this.lookups.namesInOrder(actorIds);
	}

	private Mailing mailing(ResultSet rs, int row) throws SQLException {
		return new Mailing(rs.getLong("id"), rs.getInt("campaign_id"), MailingKind.valueOf(rs.getString("kind")),
				rs.getBoolean("include_dormant"), rs.getString("requested_by"),
				rs.getObject("requested_at", OffsetDateTime.class), rs.getInt("planned"),
				rs.getObject("finished_at", OffsetDateTime.class), rs.getString("last_error"));
	}

	/**
	 * The time of every stamp written here: the application's clock, the one that stamps
	 * the actors and contacts these stamps are compared with.
	 */
	private OffsetDateTime now() {
		return OffsetDateTime.now(this.clock);
	}

}
