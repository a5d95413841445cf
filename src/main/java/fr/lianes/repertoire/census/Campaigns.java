package fr.lianes.repertoire.census;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Census campaigns. The current one is the latest that has opened: answers that come in
 * after it closed still belong to it until the next one opens.
 */
@Repository
class Campaigns {

	/** A campaign as shown on the questionnaire. */
	record Campaign(int id, String name, LocalDate opensOn, LocalDate closesOn, LocalDate asOf) {

		boolean isOpen(LocalDate today) {
			return !today.isBefore(this.opensOn) && !today.isAfter(this.closesOn);
		}

	}

	private final JdbcClient jdbc;

	Campaigns(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Campaign> current() {
		return this.jdbc
			.sql("select id, name, opens_on, closes_on, as_of from census_campaign where opens_on <= current_date "
					+ "order by opens_on desc, id desc limit 1")
			.query((rs, i) -> new Campaign(rs.getInt(1), rs.getString(2), rs.getObject(3, LocalDate.class),
					rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class)))
			.optional();
	}

}
