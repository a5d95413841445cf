package fr.lianes.repertoire.moderation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/**
 * An actor as the back office's lists show it; {@code at} is the date the list is about
 * (last change, last census answer), null for never.
 */
record ActorLine(long id, String name, String commune, String status, boolean published, OffsetDateTime at) {

	/**
	 * The line of a row whose columns are, in order: id, name, commune name, status,
	 * published, the date.
	 */
	static ActorLine of(ResultSet rs, int row) throws SQLException {
		return new ActorLine(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
				rs.getObject(6, OffsetDateTime.class));
	}

}
