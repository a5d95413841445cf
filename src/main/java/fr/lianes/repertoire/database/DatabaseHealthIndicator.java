package fr.lianes.repertoire.database;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code db} health component (in place of Spring Boot's, which waits for a pooled
 * connection), part of readiness: down while the database does not answer or cannot
 * write. It reads the last check and never waits for the database.
 */
@Component("dbHealthIndicator")
class DatabaseHealthIndicator implements HealthIndicator {

	private final DatabaseAvailability availability;

	DatabaseHealthIndicator(DatabaseAvailability availability) {
		this.availability = availability;
	}

	@Override
	public Health health() {
		long checks = this.availability.checks();
		if (!this.availability.isReachable()) {
			return Health.down().withDetail("reason", "unreachable").withDetail("checks", checks).build();
		}
		if (this.availability.isDiskFull()) {
			return Health.down().withDetail("reason", "disk full").withDetail("checks", checks).build();
		}
		return Health.up().withDetail("checks", checks).build();
	}

}
