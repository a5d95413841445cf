package fr.lianes.repertoire.moderation;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The back office's first pages: the queue of submissions waiting for a decision, and the
 * actors to follow up. (Staff accounts are the security module's.)
 */
@Controller
class ModerationController {

	/** A submission waiting in the queue. */
	record Pending(long id, String name, boolean update, String campaign, OffsetDateTime submittedAt) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	ModerationController(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** How many responses wait, by kind or by campaign. */
	record Count(String key, String label, long count) {
	}

	private static final int QUEUE_SIZE = 100;

	private static final int STALE_SIZE = 100;

	private static final int DEFAULT_STALE_YEARS = 3;

	/**
	 * The responses waiting for a decision, oldest first: all, or only new actors or
	 * updates, of one campaign.
	 * @param kind "nouveau" or "mise-a-jour", anything else for both
	 * @param campaign a campaign's id, or none
	 */
	@GetMapping("/moderation")
	String queue(@RequestParam(name = "type", required = false) String kind,
			@RequestParam(name = "campagne", required = false) String campaignParam, Model model) {
		Integer campaign = (campaignParam != null && campaignParam.matches("[0-9]{1,9}"))
				? Integer.valueOf(campaignParam) : null;
		String kindFilter = switch ((kind != null) ? kind : "") {
			case "nouveau" -> " and s.actor_id is null";
			case "mise-a-jour" -> " and s.actor_id is not null";
			default -> "";
		};
		String where = "s.status = 'SUBMITTED'" + kindFilter
				+ ((campaign != null) ? " and s.campaign_id = :campaign" : "");
		var pending = this.jdbc.sql("""
				select s.id, s.content->'structure'->>'name', s.actor_id is not null, c.name, s.submitted_at
				from submission s left join census_campaign c on c.id = s.campaign_id
				where %s order by s.submitted_at limit %d""".formatted(where, QUEUE_SIZE));
		var count = this.jdbc.sql("select count(*) from submission s where " + where);
		if (campaign != null) {
			pending = pending.param("campaign", campaign);
			count = count.param("campaign", campaign);
		}
		model.addAttribute("pending",
				pending
					.query((rs, i) -> new Pending(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getString(4),
							rs.getObject(5, OffsetDateTime.class)))
					.list());
		model.addAttribute("pendingCount", count.query(Long.class).single());
		model.addAttribute("kindCounts",
				this.jdbc.sql("""
						select case when actor_id is null then 'nouveau' else 'mise-a-jour' end, count(*)
						from submission where status = 'SUBMITTED' group by 1 order by 1 desc""")
					.query((rs, i) -> new Count(rs.getString(1), null, rs.getLong(2)))
					.list());
		model.addAttribute("campaignCounts",
				this.jdbc.sql("""
						select c.id, c.name, count(s.id) from census_campaign c
						left join submission s on s.campaign_id = c.id and s.status = 'SUBMITTED'
						group by c.id, c.name order by c.opens_on desc""")
					.query((rs, i) -> new Count(rs.getString(1), rs.getString(2), rs.getLong(3)))
					.list());
		model.addAttribute("kind", kind);
		model.addAttribute("campaign", campaign);
		model.addAttribute("now", OffsetDateTime.now(this.clock));
		model.addAttribute("staleCount", staleCount(DEFAULT_STALE_YEARS));
		return "moderation/queue";
	}

	/**
	 * The actors still said active or dormant that have not answered the census for
	 * {@code years} years (or ever), to follow up.
	 */
	@GetMapping("/moderation/a-relancer")
	String stale(@RequestParam(name = "annees", defaultValue = "3") String yearsParam, Model model) {
		int years = yearsParam.matches("[0-9]{1,2}") ? Math.max(1, Integer.parseInt(yearsParam)) : DEFAULT_STALE_YEARS;
		model.addAttribute("years", years);
		model.addAttribute("staleCount", staleCount(years));
		model.addAttribute("stale",
				this.jdbc.sql("""
						select a.id, a.name, c.name, a.status, a.published, a.last_census_response_at
						from actor a join commune c on c.insee_code = a.commune_insee
						where a.status <> 'CEASED'
						  and (a.last_census_response_at is null or a.last_census_response_at < :since)
						order by a.last_census_response_at nulls first, a.id limit :limit""")
					.param("since", since(years))
					.param("limit", STALE_SIZE)
					.query(ActorLine::of)
					.list());
		return "moderation/stale";
	}

	private long staleCount(int years) {
		return this.jdbc.sql("""
				select count(*) from actor a where a.status <> 'CEASED'
				  and (a.last_census_response_at is null or a.last_census_response_at < :since)""")
			.param("since", since(years))
			.query(Long.class)
			.single();
	}

	/** The same moment {@code years} years ago, in the network's zone. */
	private OffsetDateTime since(int years) {
		return ZonedDateTime.now(this.clock).minusYears(years).toOffsetDateTime();
	}

}
