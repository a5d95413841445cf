package fr.lianes.repertoire.security;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The history of each staff account ({@code staff_account_event}): what happened, who did
 * it and when, written in the transaction of the change.
 */
@Repository
class AccountEvents {

	enum Kind {

		CREATED, LINK_SENT, PASSWORD_SET, DISABLED, ENABLED, SIGN_IN_LOCKED

	}

	/**
	 * One event.
	 *
	 * @param doneBy an administrator's or the owner's address, null when nobody did it
	 * @param detail what the event names (the address of a lock), or null
	 */
	record Event(Kind kind, String doneBy, String detail, OffsetDateTime doneAt) {
	}

	private final JdbcClient jdbc;

	AccountEvents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional
	void record(long accountId, Kind kind, String doneBy, String detail, OffsetDateTime doneAt) {
		this.jdbc
			.sql("insert into staff_account_event (staff_user_id, kind, done_by, detail, done_at) "
					+ "values (?, ?, ?, ?, ?)")
			.params(accountId, kind.name(), doneBy, detail, doneAt)
			.update();
	}

	/** An account's history, the latest first. */
	@Transactional(readOnly = true)
	List<Event> of(long accountId) {
		return this.jdbc
			.sql("select kind, done_by, detail, done_at from staff_account_event where staff_user_id = ? "
					+ "order by done_at desc, id desc")
			.param(accountId)
			.query((rs, i) -> new Event(Kind.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
					rs.getObject(4, OffsetDateTime.class)))
			.list();
	}

}
