package fr.lianes.repertoire.reference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * With several instances ({@code repertoire.cluster.enabled}), checks every
 * {@code repertoire.cluster.check-interval} whether the reference lists changed in the
 * database, and reloads them here if they did: a domain renamed on one instance is named
 * so on every other one within that time, and the caches keyed by
 * {@link ReferenceData#generation()} (key figures, public pages) follow. One instance
 * needs no check: it reloads the lists itself after each change.
 */
@Component
@ConditionalOnBooleanProperty(name = "repertoire.cluster.enabled")
class ReferenceListsWatch {

	private static final Logger logger = LoggerFactory.getLogger(ReferenceListsWatch.class);

	private final ReferenceData reference;

	ReferenceListsWatch(ReferenceData reference) {
		this.reference = reference;
	}

	@Scheduled(fixedDelayString = "${repertoire.cluster.check-interval:1s}")
	void check() {
		try {
			if (this.reference.refreshIfChanged()) {
				logger.info("Reference lists changed on another instance: reloaded");
			}
		}
		catch (DataAccessException ex) {
			// the database does not answer: the watchdog reports it, the next check tries
			// again
			logger.debug("Reference lists not checked: {}", ex.getMessage());
		}
	}

}
