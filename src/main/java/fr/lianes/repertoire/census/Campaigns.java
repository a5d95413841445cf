package fr.lianes.repertoire.census;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which census campaign is the current one, and whether it is open: the one decision the
 * questionnaire, the invitations and the key figures all show. The current campaign is
 * the latest that has opened, today in the network's zone (the application's
 * {@link Clock}): answers that come in after it closed still belong to it until the next
 * one opens.
 */
@Repository
public class Campaigns {

	/**
	 * The current campaign as of a day.
	 *
	 * @param id its identifier
	 * @param name its name
	 * @param opensOn its first day
	 * @param closesOn its last day
	 * @param asOf the date its figures describe ("situation au")
	 * @param open whether that day lies between its first and last days
	 */
	public record Campaign(int id, String name, LocalDate opensOn, LocalDate closesOn, LocalDate asOf, boolean open) {

	}

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
		return this.jdbc
			.sql("select id, name, opens_on, closes_on, as_of from census_campaign where opens_on <= ? "
					+ "order by opens_on desc, id desc limit 1")
			.param(day)
			.query((rs, i) -> {
				LocalDate opensOn = rs.getObject(3, LocalDate.class);
				LocalDate closesOn = rs.getObject(4, LocalDate.class);
				return new Campaign(rs.getInt(1), rs.getString(2), opensOn, closesOn, rs.getObject(5, LocalDate.class),
						!day.isBefore(opensOn) && !day.isAfter(closesOn));
			})
			.optional();
	}

}
