package fr.lianes.repertoire.census;

import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The census responses as the back office lists them: the queue of those waiting for a
 * decision, its counts by kind and by campaign, and the responses about one actor; and
 * who responded to a campaign, for its response rates, and the campaigns each actor
 * answered, for the key figures. Reads only.
 * <p>
 * An actor has responded to a campaign when a questionnaire it sent for that campaign is
 * waiting for moderation or approved (one rejected or sent back for changes does not
 * count yet).
 */
@Service
@Transactional(readOnly = true)
public class Responses {

	/** Which responses of the queue: all, those about new actors, or the updates. */
	public enum Kind {

		ALL, NEW, UPDATE

	}

	/** A response waiting in the queue. */
	public record Pending(long id, String name, boolean update, String campaign, OffsetDateTime submittedAt) {
	}

	/** How many responses wait, by kind ("nouveau", "mise-a-jour") or by campaign id. */
	public record Count(String key, String label, long count) {
	}

	/** A response about an actor. */
	public record ActorResponse(long id, String status, OffsetDateTime submittedAt) {
	}

	/** Submission statuses that count as a response. */
	private static final String RESPONDED = "('SUBMITTED', 'APPROVED')";

	private final JdbcClient jdbc;

	Responses(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The responses waiting for a decision, oldest first.
	 * @param kind which ones
	 * @param campaign a campaign's id, or null for all campaigns
	 * @param limit how many at most
	 */
	public List<Pending> pending(Kind kind, Integer campaign, int limit) {
		var pending = this.jdbc.sql("""
				select s.id, s.content->'structure'->>'name', s.actor_id is not null, c.name, s.submitted_at
				from submission s left join census_campaign c on c.id = s.campaign_id
				where %s order by s.submitted_at limit %d""".formatted(pendingWhere(kind, campaign), limit));
		if (campaign != null) {
			pending = pending.param("campaign", campaign);
		}
		return pending
			.query((rs, i) -> new Pending(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getString(4),
					rs.getObject(5, OffsetDateTime.class)))
			.list();
	}

	/** How many responses {@link #pending} would list without a limit. */
	public long countPending(Kind kind, Integer campaign) {
		var count = this.jdbc.sql("select count(*) from submission s where " + pendingWhere(kind, campaign));
		if (campaign != null) {
			count = count.param("campaign", campaign);
		}
		return count.query(Long.class).single();
	}

	/**
	 * The waiting responses counted by kind: "nouveau" and "mise-a-jour", those present.
	 */
	public List<Count> pendingByKind() {
		return this.jdbc.sql("""
				select case when actor_id is null then 'nouveau' else 'mise-a-jour' end, count(*)
				from submission where status = 'SUBMITTED' group by 1 order by 1 desc""")
			.query((rs, i) -> new Count(rs.getString(1), null, rs.getLong(2)))
			.list();
	}

	/** The waiting responses counted by campaign, every campaign, the latest first. */
	public List<Count> pendingByCampaign() {
		return this.jdbc.sql("""
				select c.id, c.name, count(s.id) from census_campaign c
				left join submission s on s.campaign_id = c.id and s.status = 'SUBMITTED'
				group by c.id, c.name order by c.opens_on desc""")
			.query((rs, i) -> new Count(rs.getString(1), rs.getString(2), rs.getLong(3)))
			.list();
	}

	/** The sent responses about the actor (not drafts), latest first. */
	public List<ActorResponse> ofActor(long actorId, int limit) {
		return this.jdbc.sql("""
				select id, status, submitted_at from submission where actor_id = ? and status <> 'DRAFT'
				order by submitted_at desc limit ?""")
			.param(actorId)
			.param(limit)
			.query((rs, i) -> new ActorResponse(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class)))
			.list();
	}

	/** The actors that responded to the campaign, in id order. */
	public long[] respondents(int campaignId) {
		return this.jdbc
			.sql("select distinct actor_id from submission where campaign_id = ? and actor_id is not null "
					+ "and status in " + RESPONDED + " order by actor_id")
			.param(campaignId)
			.query(Long.class)
			.list()
			.stream()
			.mapToLong(Long::longValue)
			.toArray();
	}

	/** How many responses the campaign has had, from known actors or new ones. */
	public long count(int campaignId) {
		return this.jdbc.sql("select count(*) from submission where campaign_id = ? and status in " + RESPONDED)
			.param(campaignId)
			.query(Long.class)
			.single();
	}

	/**
	 * The campaigns each actor answered with an approved response, for the key figures
	 * (an actor counts among a campaign's respondents through its last answer or an
	 * approved one); actors without one are left out.
	 * @param actorIds the actors, or null for every actor
	 */
	public Map<Long, Set<Integer>> approvedCampaigns(Collection<Long> actorIds) {
		String condition = (actorIds != null) ? " and actor_id = any(cast(:ids as bigint[]))" : "";
		var approved = this.jdbc.sql("""
				select distinct actor_id, campaign_id from submission
				where status = 'APPROVED' and actor_id is not null and campaign_id is not null""" + condition);
		if (actorIds != null) {
			approved = approved.param("ids", actorIds.toArray(Long[]::new));
		}
		Map<Long, Set<Integer>> campaigns = new HashMap<>();
		approved.query((ResultSet rs) -> {
			campaigns.computeIfAbsent(rs.getLong(1), (id) -> new HashSet<>()).add(rs.getInt(2));
		});
		return campaigns;
	}

	private static String pendingWhere(Kind kind, Integer campaign) {
		String kindFilter = switch (kind) {
			case NEW -> " and s.actor_id is null";
			case UPDATE -> " and s.actor_id is not null";
			case ALL -> "";
		};
		return "s.status = 'SUBMITTED'" + kindFilter + ((campaign != null) ? " and s.campaign_id = :campaign" : "");
	}

}
