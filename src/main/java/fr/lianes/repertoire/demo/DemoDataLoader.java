package fr.lianes.repertoire.demo;

import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Loads the demo directory at startup when the directory has no actor yet. Several
 * instances may start together: the directory's bulk load into an empty directory lets
 * only the first one generate; the others then find the actors and do nothing.
 */
@Component
class DemoDataLoader implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(DemoDataLoader.class);

	private final DemoProperties properties;

	private final DemoDataGenerator generator;

	private final ApplicationEventPublisher events;

	DemoDataLoader(DemoProperties properties, DemoDataGenerator generator, ApplicationEventPublisher events) {
		this.properties = properties;
		this.generator = generator;
		this.events = events;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.properties.loadOnEmpty()) {
			return;
		}
		Optional<GenerationReport> loaded = this.generator.intoEmptyDirectory(this.properties.scale(),
				this.properties.seed());
		if (loaded.isEmpty()) {
			logger.debug("The directory already has actors: no demo directory loaded");
			return;
		}
		GenerationReport report = loaded.get();
		logger
			.info(String.format(Locale.ROOT, "Loaded demo directory: %d actors, %d projects in %d countries in %.1f s",
					report.actors(), report.projects(), report.countries(), report.took().toMillis() / 1000.0));
		// rows went in through JDBC: listeners (a search index...) can catch up on this
		// event
		this.events.publishEvent(report);
	}

}
