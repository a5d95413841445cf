package fr.lianes.repertoire.demo;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;

/**
 * Loads the demo directory at startup when the directory has no actor yet. Several
 * instances may start together: a PostgreSQL advisory lock, held until the transaction
 * ends, lets only the first one generate; the others then find the actors and do nothing.
 */
@Component
class DemoDataLoader implements ApplicationRunner {

	/** Advisory lock key of the demo loading ("Repertoi" in ASCII). */
	static final long LOCK_KEY = 0x5265_7065_7274_6F69L;

	private static final Logger logger = LoggerFactory.getLogger(DemoDataLoader.class);

	private final DemoProperties properties;

	private final DemoDataGenerator generator;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final ApplicationEventPublisher events;

	DemoDataLoader(DemoProperties properties, DemoDataGenerator generator, DataSource dataSource,
			PlatformTransactionManager transactionManager, ApplicationEventPublisher events) {
		this.properties = properties;
		this.generator = generator;
		this.jdbc = new JdbcTemplate(dataSource);
		this.transaction = new TransactionTemplate(transactionManager);
		this.events = events;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.properties.loadOnEmpty()) {
			return;
		}
		GenerationReport report = this.transaction.execute((status) -> {
			this.jdbc.execute("select pg_advisory_xact_lock(" + LOCK_KEY + ")");
			if (Boolean.TRUE.equals(this.jdbc.queryForObject("select exists (select 1 from actor)", Boolean.class))) {
				logger.debug("The directory already has actors: no demo directory loaded");
				return null;
			}
			// joins this transaction, so the lock is held until the demo rows are
			// committed
			return this.generator.generate(this.properties.scale(), this.properties.seed());
		});
		if (report != null) {
			logger.info(String.format(Locale.ROOT,
					"Loaded demo directory: %d actors, %d projects in %d countries in %.1f s", report.actors(),
					report.projects(), report.countries(), report.took().toMillis() / 1000.0));
			// rows went in through JDBC: listeners (a search index...) can catch up on
			// this event
			this.events.publishEvent(report);
		}
	}

}
