package fr.lianes.repertoire.campaign;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The census campaigns and their response rates. An actor has responded to a campaign
 * when a questionnaire it sent for that campaign is waiting for moderation or approved
 * (one rejected or sent back for changes does not count yet).
 */
@Repository
class CensusCampaigns {

	/** Submission statuses that count as a response. */
	static final String RESPONDED = "('SUBMITTED', 'APPROVED')";

	record Campaign(int id, String name, LocalDate opensOn, LocalDate closesOn, LocalDate asOf) {

	}

	/**
	 * A campaign's figures.
	 *
	 * @param invited actors invited (mail queued)
	 * @param responded invited actors that responded
	 * @param responses all responses for the campaign, from invited actors or not (new
	 * actors included)
	 * @param rate responded over invited
	 */
	record Rates(Campaign campaign, long invited, long responded, long responses, Double rate) {

		/** The rate is responded over invited, {@code null} before anyone is invited. */
		Rates(Campaign campaign, long invited, long responded, long responses) {
			this(campaign, invited, responded, responses, (invited == 0) ? null : (double) responded / invited);
		}

	}

	private static final String CAMPAIGN = "select id, name, opens_on, closes_on, as_of from census_campaign ";

	private static final String RATES = """
			select c.id, c.name, c.opens_on, c.closes_on, c.as_of,
			       (select count(*) from campaign_recipient r
			        where r.campaign_id = c.id and r.kind = 'INVITATION' and r.outcome = 'QUEUED') as invited,
			       (select count(*) from campaign_recipient r
			        where r.campaign_id = c.id and r.kind = 'INVITATION' and r.outcome = 'QUEUED'
			          and exists (select 1 from submission s where s.campaign_id = c.id and s.actor_id = r.actor_id
			                      and s.status in %1$s)) as responded,
			       (select count(*) from submission s where s.campaign_id = c.id and s.status in %1$s) as responses
			from census_campaign c
			""".formatted(RESPONDED);

	private final JdbcClient jdbc;

	CensusCampaigns(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	List<Rates> all() {
		return this.jdbc.sql(RATES + "order by c.opens_on desc, c.id desc").query(this::toRates).list();
	}

	@Transactional(readOnly = true)
	Optional<Rates> rates(int id) {
		return this.jdbc.sql(RATES + "where c.id = ?").param(id).query(this::toRates).optional();
	}

	@Transactional(readOnly = true)
	Optional<Campaign> find(int id) {
		return this.jdbc.sql(CAMPAIGN + "where id = ?").param(id).query(this::toCampaign).optional();
	}

	@Transactional(readOnly = true)
	boolean nameTaken(String name) {
		return this.jdbc.sql("select exists (select 1 from census_campaign where lower(name) = lower(?))")
			.param(name)
			.query(Boolean.class)
			.single();
	}

	/** The opening of the latest campaign. */
	@Transactional(readOnly = true)
	Optional<LocalDate> latestOpening() {
		return this.jdbc.sql("select opens_on from census_campaign order by opens_on desc limit 1")
			.query(LocalDate.class)
			.optional();
	}

	@Transactional
	int create(String name, LocalDate opensOn, LocalDate closesOn, LocalDate asOf) {
		return this.jdbc
			.sql("insert into census_campaign (name, opens_on, closes_on, as_of) values (?, ?, ?, ?) returning id")
			.params(name, opensOn, closesOn, asOf)
			.query(Integer.class)
			.single();
	}

	private Rates toRates(ResultSet rs, int row) throws SQLException {
		return new Rates(toCampaign(rs, row), rs.getLong("invited"), rs.getLong("responded"), rs.getLong("responses"));
	}

	private Campaign toCampaign(ResultSet rs, int row) throws SQLException {
		return new Campaign(rs.getInt("id"), rs.getString("name"), rs.getObject("opens_on", LocalDate.class),
				rs.getObject("closes_on", LocalDate.class), rs.getObject("as_of", LocalDate.class));
	}

}
