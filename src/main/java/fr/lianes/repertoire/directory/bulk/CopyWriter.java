package fr.lianes.repertoire.directory.bulk;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

import org.postgresql.PGConnection;

/**
 * Streams generated rows into PostgreSQL with {@code COPY ... FROM STDIN}, the fastest
 * way in: rows are buffered as COPY text per table and sent every few megabytes, so even
 * 100 times the real directory never sits in memory.
 *
 * <p>
 * Buffers are flushed together in the order of {@link Table}, parents before children, so
 * every foreign key a row refers to is already in the table when its COPY runs.
 */
final class CopyWriter {

	/**
	 * The tables a bulk load fills, in foreign-key order, each with its COPY statement.
	 */
	enum Table {

		ACTOR("COPY actor (id, slug, name, acronym, actor_type_code, siren_siret, rna, description, address_line, "
				+ "postal_code, commune_insee, website, email, phone, founding_year, status, publication_consent, "
				+ "published, last_census_campaign_id, last_census_response_at, created_at, updated_at) FROM STDIN"),
		ACTOR_NETWORK("COPY actor_network (actor_id, network_id) FROM STDIN"),
		CONTACT_PERSON("COPY contact_person (id, actor_id, full_name, role, email, phone, position, created_at, "
				+ "updated_at) FROM STDIN"),
		CONTACT_CONSENT("COPY contact_consent (id, contact_person_id, field, granted, recorded_at, recorded_by, "
				+ "notice_version, channel) FROM STDIN"),
		PARTNER_ORGANISATION("COPY partner_organisation (id, name, country_iso2, city) FROM STDIN"),
		PROJECT("COPY project (id, slug, title, lead_actor_id, kind, nature, description, beneficiaries, localities, "
				+ "funders, start_year, end_year, status, budget_eur, partner_authority, signature_date, "
				+ "duration_years, agreement_axes, published, created_at, updated_at) FROM STDIN"),
		PROJECT_ACTOR("COPY project_actor (project_id, actor_id) FROM STDIN"),
		PROJECT_COUNTRY("COPY project_country (project_id, country_iso2) FROM STDIN"),
		PROJECT_DOMAIN("COPY project_domain (project_id, domain_id) FROM STDIN"),
		PROJECT_PARTNER("COPY project_partner (project_id, partner_id) FROM STDIN");

		private final String copy;

		Table(String copy) {
			this.copy = copy;
		}

	}

	private static final int FLUSH_THRESHOLD = 4 * 1024 * 1024;

	private final Connection connection;

	private final Map<Table, StringBuilder> buffers = new EnumMap<>(Table.class);

	private int buffered;

	CopyWriter(Connection connection) {
		this.connection = connection;
		for (Table table : Table.values()) {
			this.buffers.put(table, new StringBuilder());
		}
	}

	void row(Table table, Object... values) {
		StringBuilder buffer = this.buffers.get(table);
		int before = buffer.length();
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				buffer.append('\t');
			}
			appendValue(buffer, values[i]);
		}
		buffer.append('\n');
		this.buffered += buffer.length() - before;
		if (this.buffered > FLUSH_THRESHOLD) {
			flush();
		}
	}

	/** Sends every buffered row, parents first. */
	void flush() {
		for (Table table : Table.values()) {
			StringBuilder buffer = this.buffers.get(table);
			if (buffer.length() > 0) {
				copyIn(table.copy, new StringReader(buffer.toString()));
				buffer.setLength(0);
			}
		}
		this.buffered = 0;
	}

	/** Runs one COPY through PgJDBC's CopyManager, the fastest way to load rows. */
	private void copyIn(String sql, Reader rows) {
		try {
			this.connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, rows);
		}
		catch (SQLException | IOException ex) {
			throw new IllegalStateException("Could not run " + sql, ex);
		}
	}

	private static void appendValue(StringBuilder buffer, Object value) {
		if (value == null) {
			buffer.append("\\N");
		}
		else if (value instanceof Boolean bool) {
			buffer.append(bool ? 't' : 'f');
		}
		else if (value instanceof Collection<?> list) {
			appendText(buffer, arrayLiteral(list));
		}
		else {
			appendText(buffer, value.toString());
		}
	}

	/** A PostgreSQL array literal, every element double-quoted. */
	private static String arrayLiteral(Collection<?> elements) {
		StringBuilder literal = new StringBuilder("{");
		for (Object element : elements) {
			if (literal.length() > 1) {
				literal.append(',');
			}
			literal.append('"').append(element.toString().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
		}
		return literal.append('}').toString();
	}

	/** COPY text format: backslash, tab and line breaks are escaped with a backslash. */
	private static void appendText(StringBuilder buffer, String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '\\' -> buffer.append("\\\\");
				case '\t' -> buffer.append("\\t");
				case '\n' -> buffer.append("\\n");
				case '\r' -> buffer.append("\\r");
				default -> buffer.append(c);
			}
		}
	}

}
