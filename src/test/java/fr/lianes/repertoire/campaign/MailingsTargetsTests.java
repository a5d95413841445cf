package fr.lianes.repertoire.campaign;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import fr.lianes.repertoire.campaign.Mailings.Mailing;
import fr.lianes.repertoire.campaign.Mailings.Target;
import fr.lianes.repertoire.census.Campaigns;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who a mailing writes to, now found through the directory's and the census' APIs, is
 * exactly who the single SQL query it replaced (issue 13, step 9) found on the demo
 * directory: invitations with and without dormant actors after a few recipients were
 * recorded (queued, left out, left out then a contact changed, left out before the entry
 * changed), and reminders. Each case rolls back.
 * <p>
 * On the application and the demo directory {@code PublicPagesTests} and the other plain
 * tests share (same settings, MockMvc included), not on one of its own: it writes nothing
 * that stays, and a class reusing that application finds its index caught up with the
 * entries other applications published meanwhile ({@code search.IndexCatchUp}).
 */
@SpringBootTest
@AutoConfigureMockMvc
@Transactional
class MailingsTargetsTests {

	/** The query the invitations used before step 9, kept here as the reference. */
	private static final String FORMER_INVITATION_TARGETS = """
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

	private static final String FORMER_REMINDER_TARGETS = """
			from actor a
			where a.status <> 'CEASED'
			  and exists (select 1 from campaign_recipient r where r.campaign_id = :campaign and r.actor_id = a.id
			              and r.kind = 'INVITATION' and r.outcome = 'QUEUED')
			  and not exists (select 1 from submission s where s.campaign_id = :campaign and s.actor_id = a.id
			                  and s.status in ('SUBMITTED', 'APPROVED'))
			""";

	private static final String FORMER_ADDRESSES = """
			array_to_string(array_remove(array[nullif(btrim(a.email), '')]
			    || array(select btrim(c.email) from contact_person c
			             where c.actor_id = a.id and nullif(btrim(c.email), '') is not null
			             order by c.position, c.id), null), ' ')""";

	@Autowired
	private Mailings mailings;

	@Autowired
	private Campaigns campaigns;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void invitationsAndRemindersGoToWhomTheFormerQueryChose() {
		LocalDate today = this.campaigns.today();
		int campaign = this.campaigns.open("Cibles " + UUID.randomUUID(), today.minusDays(1), today.plusDays(30),
				today);
		// active actors with a contact person that has an address
		List<Long> first = this.jdbc.sql("""
				select a.id from actor a where a.status = 'ACTIVE' and exists (select 1 from contact_person c
				where c.actor_id = a.id and nullif(btrim(c.email), '') is not null) order by a.id limit 8""")
			.query(Long.class)
			.list();
		assertThat(first).hasSize(8);
		Mailing earlier = mailing(campaign, MailingKind.INVITATION, true);
		this.mailings.record(earlier, first.get(0), RecipientOutcome.QUEUED, "a@asso.example");
		this.mailings.record(earlier, first.get(1), RecipientOutcome.QUEUED, "b@asso.example");
		this.mailings.record(earlier, first.get(2), RecipientOutcome.OPTED_OUT, "c@asso.example");
		this.mailings.record(earlier, first.get(3), RecipientOutcome.NO_VALID_ADDRESS, "d@asso");
		this.mailings.record(earlier, first.get(4), RecipientOutcome.NO_VALID_ADDRESS, "e@asso");
		this.mailings.record(earlier, first.get(5), RecipientOutcome.OPTED_OUT, "f@asso.example");
		// left out after the entry last changed (whatever the test clock says)
		this.jdbc.sql("""
				update campaign_recipient r set created_at = (select greatest(a.updated_at, max(c.updated_at))
				    + interval '1 second' from actor a left join contact_person c on c.actor_id = a.id
				    where a.id = r.actor_id group by a.updated_at)
				where mailing_id = ? and actor_id in (?, ?, ?)""")
			.params(earlier.id(), first.get(2), first.get(3), first.get(4))
			.update();
		// left out, then a contact person changed: to be invited again
		this.jdbc.sql("""
				update contact_person set updated_at = (select created_at + interval '1 second' from campaign_recipient
				where mailing_id = ? and actor_id = ?) where actor_id = ?""")
			.params(earlier.id(), first.get(4), first.get(4))
			.update();
		// left out before the entry last changed: to be invited again
		this.jdbc
			.sql("update campaign_recipient r set created_at = (select updated_at - interval '1 second' from actor a "
					+ "where a.id = r.actor_id) where mailing_id = ? and actor_id = ?")
			.params(earlier.id(), first.get(5))
			.update();
		this.mailings.finish(earlier.id(), null);

		for (boolean dormant : new boolean[] { false, true }) {
			List<Target> expected = former(FORMER_INVITATION_TARGETS, campaign, dormant);
			assertThat(expected).extracting(Target::actorId)
				.doesNotContain(first.get(0), first.get(1), first.get(2), first.get(3))
				.contains(first.get(4), first.get(5), first.get(6), first.get(7));
			assertThat(this.mailings.countTargets(campaign, MailingKind.INVITATION, dormant))
				.isEqualTo(expected.size());
			Mailing next = mailing(campaign, MailingKind.INVITATION, dormant);
			assertThat(this.mailings.nextTargets(next, 100_000)).isEqualTo(expected);
			assertThat(this.mailings.nextTargets(next, 7)).isEqualTo(expected.subList(0, 7));
			this.mailings.finish(next.id(), null);
		}
		List<Target> reminded = former(FORMER_REMINDER_TARGETS, campaign, false);
		assertThat(reminded).extracting(Target::actorId).containsExactly(first.get(0), first.get(1));
		assertThat(this.mailings.countTargets(campaign, MailingKind.REMINDER, false)).isEqualTo(2);
		assertThat(this.mailings.nextTargets(mailing(campaign, MailingKind.REMINDER, false), 100)).isEqualTo(reminded);
	}

	private Mailing mailing(int campaign, MailingKind kind, boolean dormant) {
		long id = this.mailings.create(campaign, kind, dormant, "test", 0);
		return this.mailings.lockUnfinished(id).orElseThrow();
	}

	private List<Target> former(String targets, int campaign, boolean dormant) {
		return this.jdbc.sql("select a.id, a.name, " + FORMER_ADDRESSES + " " + targets + " order by a.id")
			.param("campaign", campaign)
			.param("dormant", dormant)
			.query((rs, i) -> new Target(rs.getLong(1), rs.getString(2),
					rs.getString(3).isEmpty() ? List.of() : List.of(rs.getString(3).split(" "))))
			.list();
	}

}
