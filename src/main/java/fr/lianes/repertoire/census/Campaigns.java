package fr.lianes.repertoire.census;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The census campaigns: opening one, finding them, and which one is the current one and
 * whether it is open, the one decision the questionnaire, the invitations and the key
 * figures all show. The current campaign is the latest that has opened, today in the
 * network's zone (the application's {@link Clock}): answers that come in after it closed
 * still belong to it until the next one opens. A {@link Campaign} says whether it is open
 * on the day it was read.
 */
@Repository
public class Campaigns {

	/**
	 * The class of the advisory locks that serialize the requests for mailings of one
	 * campaign (the second key is the campaign's id).
	 */
	static final int MAILINGS_LOCK_CLASS = 0x4D61696C;

	private static final String CAMPAIGN = "select id, name, opens_on, closes_on, as_of from census_campaign ";

	private final JdbcClient jdbc;

	private final Clock clock;

	Campaigns(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Today, in the network's zone. */
	public LocalDate today() {
		return LocalDate.now(this.clock);
	}

	/** The current campaign today, if one has opened. */
	@Transactional(readOnly = true)
	public Optional<Campaign> current() {
		return current(today());
	}

	/** The current campaign on that day, if one had opened. */
	@Transactional(readOnly = true)
	public Optional<Campaign> current(LocalDate day) {
		return this.jdbc.sql(CAMPAIGN + "where opens_on <= ? order by opens_on desc, id desc limit 1")
			.param(day)
			.query((rs, i) -> toCampaign(rs, day))
			.optional();
	}

	/**
	 * The campaigns opened by that day, read on it, in the order they opened (the key
	 * figures list them with their respondents).
	 */
	@Transactional(readOnly = true)
	public List<Campaign> opened(LocalDate day) {
		return this.jdbc.sql(CAMPAIGN + "where opens_on <= ? order by opens_on, id")
			.param(day)
			.query((rs, i) -> toCampaign(rs, day))
			.list();
	}

	/** A campaign, read today. */
	@Transactional(readOnly = true)
	public Optional<Campaign> find(int id) {
		LocalDate today = today();
		return this.jdbc.sql(CAMPAIGN + "where id = ?").param(id).query((rs, i) -> toCampaign(rs, today)).optional();
	}

	/** Every campaign, read today, the latest opening first. */
	@Transactional(readOnly = true)
	public List<Campaign> all() {
		LocalDate today = today();
		return this.jdbc.sql(CAMPAIGN + "order by opens_on desc, id desc")
			.query((rs, i) -> toCampaign(rs, today))
			.list();
	}

	/** Whether a campaign has that name already, whatever its case. */
	@Transactional(readOnly = true)
	public boolean nameTaken(String name) {
		return this.jdbc.sql("select exists (select 1 from census_campaign where lower(name) = lower(?))")
			.param(name)
			.query(Boolean.class)
			.single();
	}

	/** The opening of the latest campaign. */
	@Transactional(readOnly = true)
	public Optional<LocalDate> latestOpening() {
		return this.jdbc.sql("select opens_on from census_campaign order by opens_on desc limit 1")
			.query(LocalDate.class)
			.optional();
	}

	/**
	 * Opens a campaign.
	 * @return its id
	 * @throws org.springframework.dao.DuplicateKeyException if a campaign has that name
	 */
	@Transactional
	public int open(String name, LocalDate opensOn, LocalDate closesOn, LocalDate asOf) {
		return this.jdbc
			.sql("insert into census_campaign (name, opens_on, closes_on, as_of) values (?, ?, ?, ?) returning id")
			.params(name, opensOn, closesOn, asOf)
			.query(Integer.class)
			.single();
	}

	/**
	 * Opens a campaign unless one has that name already (the demo directory's census).
	 * @return the id of the campaign of that name, opened now or before
	 */
	@Transactional
	public int openIfAbsent(String name, LocalDate opensOn, LocalDate closesOn, LocalDate asOf) {
		this.jdbc
			.sql("insert into census_campaign (name, opens_on, closes_on, as_of) values (?, ?, ?, ?) "
					+ "on conflict (name) do nothing")
			.params(name, opensOn, closesOn, asOf)
			.update();
		return this.jdbc.sql("select id from census_campaign where name = ?").param(name).query(Integer.class).single();
	}

	/**
	 * Waits until no other transaction is asking for a mailing of the campaign, and keeps
	 * the others waiting until the caller's transaction ends: two administrators pressing
	 * at once, the second sees what the first did. Submissions are not held up.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void lockForMailings(int campaignId) {
		this.jdbc.sql("select pg_advisory_xact_lock(?, ?)")
			.params(MAILINGS_LOCK_CLASS, campaignId)
			.query()
			.listOfRows();
	}

	private static Campaign toCampaign(ResultSet rs, LocalDate day) throws SQLException {
		LocalDate opensOn = rs.getObject("opens_on", LocalDate.class);
		LocalDate closesOn = rs.getObject("closes_on", LocalDate.class);
		return new Campaign(rs.getInt("id"), rs.getString("name"), opensOn, closesOn,
				rs.getObject("as_of", LocalDate.class), !day.isBefore(opensOn) && !day.isAfter(closesOn));
	}

}
