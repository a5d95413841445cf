package fr.lianes.repertoire.directory;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The read model behind the public lists' country and domain filters (the actor_reach
 * materialized view). Whatever changes published actors or projects calls
 * {@link #refresh()}; at start-up it is rebuilt if the directory has actors it does not
 * know.
 */
@Component
public class DirectoryReadModel implements ApplicationRunner, Ordered {

	private static final Log logger = LogFactory.getLog(DirectoryReadModel.class);

	private final JdbcClient jdbc;

	DirectoryReadModel(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Rebuilds the read model; readers keep seeing the previous one meanwhile. */
	public void refresh() {
		long started = System.nanoTime();
		this.jdbc.sql("refresh materialized view concurrently actor_reach").update();
		logger.info("Directory read model refreshed in %d ms".formatted((System.nanoTime() - started) / 1_000_000));
	}

	@Override
	public void run(ApplicationArguments args) {
		boolean stale = this.jdbc
			.sql("select exists (select 1 from actor a where not exists "
					+ "(select 1 from actor_reach r where r.actor_id = a.id))")
			.query(Boolean.class)
			.single();
		if (stale) {
			refresh();
		}
	}

	/** After the demo loader, which may fill an empty directory. */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
