package fr.lianes.repertoire.moderation;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The back office's first pages: the queue of submissions waiting for a decision, and the
 * staff accounts (administrators only).
 */
@Controller
class ModerationController {

	/** A submission waiting in the queue. */
	record Pending(long id, String name, boolean update, String campaign, OffsetDateTime submittedAt) {
	}

	/** A staff account as listed. */
	record Staff(String email, String displayName, String role, boolean enabled, OffsetDateTime lastLoginAt) {
	}

	private final JdbcClient jdbc;

	ModerationController(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@GetMapping("/moderation")
	String queue(Model model) {
		List<Pending> pending = this.jdbc.sql("""
				select s.id, s.content->'structure'->>'name', s.actor_id is not null, c.name, s.submitted_at
				from submission s left join census_campaign c on c.id = s.campaign_id
				where s.status = 'SUBMITTED' order by s.submitted_at limit 200""")
			.query((rs, i) -> new Pending(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getString(4),
					rs.getObject(5, OffsetDateTime.class)))
			.list();
		model.addAttribute("pending", pending);
		model.addAttribute("pendingCount",
				this.jdbc.sql("select count(*) from submission where status = 'SUBMITTED'").query(Long.class).single());
		return "moderation/queue";
	}

	@GetMapping("/moderation/administration/comptes")
	String accounts(Model model) {
		model.addAttribute("accounts", this.jdbc
			.sql("select email, display_name, role, enabled, last_login_at from staff_user order by lower(email)")
			.query((rs, i) -> new Staff(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
					rs.getObject(5, OffsetDateTime.class)))
			.list());
		return "moderation/accounts";
	}

}
