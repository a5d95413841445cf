package fr.lianes.repertoire.directory;

import java.sql.Connection;
import java.util.Optional;
import java.util.function.Consumer;

import javax.sql.DataSource;

import fr.lianes.repertoire.directory.bulk.CopyBulkWriter;
import fr.lianes.repertoire.directory.bulk.CopyBulkWriter.FirstIds;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads many entries at once, streamed into the directory's tables with COPY, the fastest
 * way in (the demo directory, 100 times the real one for benchmarks). Such a load writes
 * no history and leaves the search index to be rebuilt (the start-up completeness check
 * does it).
 */
@Service
public class BulkLoads {

	/**
	 * Advisory lock key of a load into an empty directory ("Repertoi" in ASCII): several
	 * instances starting together, only the first one loads.
	 */
	static final long LOCK_KEY = 0x5265_7065_7274_6F69L;

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	BulkLoads(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	/**
	 * Loads the entries {@code rows} writes, in one transaction (or in the caller's), if
	 * the directory has no actor. A PostgreSQL advisory lock, held until the transaction
	 * ends, lets one load at a time look: the next one finds the actors of the first.
	 * @param rows writes the entries to the writer it is given (and may do more in the
	 * same transaction)
	 * @return what was loaded, or nothing when the directory already had actors
	 */
	@Transactional
	public Optional<Report> intoEmptyDirectory(Consumer<BulkWriter> rows) {
		this.jdbc.sql("select pg_advisory_xact_lock(?)").param(LOCK_KEY).query().listOfRows();
		if (this.jdbc.sql("select exists (select 1 from actor)").query(Boolean.class).single()) {
			return Optional.empty();
		}
		// past the largest id and past every id the sequences handed out: the
		// application takes ids by blocks (V26) and may hold a block it has not used up,
		// above the largest id of a directory emptied since
		FirstIds firstIds = this.jdbc.sql("""
				select greatest((select coalesce(max(id), 0) + 1 from actor),
				                nextval(pg_get_serial_sequence('actor', 'id'))),
				       greatest((select coalesce(max(id), 0) + 1 from contact_person),
				                nextval(pg_get_serial_sequence('contact_person', 'id'))),
				       greatest((select coalesce(max(id), 0) + 1 from contact_consent),
				                nextval(pg_get_serial_sequence('contact_consent', 'id'))),
				       greatest((select coalesce(max(id), 0) + 1 from partner_organisation),
				                nextval(pg_get_serial_sequence('partner_organisation', 'id'))),
				       greatest((select coalesce(max(id), 0) + 1 from project),
				                nextval(pg_get_serial_sequence('project', 'id')))""")
			.query((rs, i) -> new FirstIds(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
			.single();
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		Report report;
		try {
			CopyBulkWriter writer = new CopyBulkWriter(connection, firstIds,
					this.jdbc.sql("select slug from actor union all select old_slug from actor_slug_redirect")
						.query(String.class)
						.list(),
					this.jdbc.sql("select slug from project union all select old_slug from project_slug_redirect")
						.query(String.class)
						.list());
			rows.accept(writer);
			writer.flush();
			report = new Report(writer.actors(), writer.projects(), writer.countries());
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
		// the ids were handed out here: move the sequences past them for the rows the
		// application adds, never back below the first id of the load
		this.jdbc.sql("""
				select setval(pg_get_serial_sequence('actor', 'id'),
				              greatest((select coalesce(max(id), 0) + 1 from actor), :actor), false),
				       setval(pg_get_serial_sequence('contact_person', 'id'),
				              greatest((select coalesce(max(id), 0) + 1 from contact_person), :contact), false),
				       setval(pg_get_serial_sequence('contact_consent', 'id'),
				              greatest((select coalesce(max(id), 0) + 1 from contact_consent), :consent), false),
				       setval(pg_get_serial_sequence('partner_organisation', 'id'),
				              greatest((select coalesce(max(id), 0) + 1 from partner_organisation), :partner), false),
				       setval(pg_get_serial_sequence('project', 'id'),
				              greatest((select coalesce(max(id), 0) + 1 from project), :project), false)""")
			.param("actor", firstIds.actor())
			.param("contact", firstIds.contact())
			.param("consent", firstIds.consent())
			.param("partner", firstIds.partner())
			.param("project", firstIds.project())
			.query()
			.listOfRows();
		// fresh statistics so that the first queries on a large directory get good plans
		this.jdbc.sql("""
				analyze actor, contact_person, contact_consent, actor_network, partner_organisation, project,
				        project_actor, project_country, project_domain, project_partner""").update();
		return Optional.of(report);
	}

	/**
	 * What a load wrote.
	 *
	 * @param actors how many actors
	 * @param projects how many projects
	 * @param countries in how many distinct countries the projects are
	 */
	public record Report(int actors, int projects, int countries) {

	}

}
