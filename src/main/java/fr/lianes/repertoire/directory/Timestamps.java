package fr.lianes.repertoire.directory;

import java.time.Clock;

import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;

/**
 * Stamps the creation and update times of the directory's entries with the application's
 * clock. Hibernate asks Spring for entity listeners, so the clock is injected.
 */
class Timestamps {

	private final Clock clock;

	Timestamps(Clock clock) {
		this.clock = clock;
	}

	@PrePersist
	@PreUpdate
	void touch(TrackedEntity entity) {
		entity.touch(this.clock.instant());
	}

}
