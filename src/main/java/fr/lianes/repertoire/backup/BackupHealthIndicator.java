package fr.lianes.repertoire.backup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code backup} health component: the age of the last good backup; down when the
 * last attempt failed or the last good backup is older than
 * {@code repertoire.backup.max-age}; unknown before the first one and when backups are
 * off. Not part of readiness: a failed backup does not stop the site.
 */
@Component("backupHealthIndicator")
class BackupHealthIndicator implements HealthIndicator {

	private final Backups backups;

	private final Clock clock;

	BackupHealthIndicator(Backups backups, Clock clock) {
		this.clock = clock;
		this.backups = backups;
	}

	@Override
	public Health health() {
		Optional<Backups.Backup> latest = this.backups.latest();
		Health.Builder health;
		if (this.backups.lastFailure().isPresent()) {
			health = Health.down().withDetail("lastFailure", this.backups.lastFailure().get().at().toString());
		}
		else if (latest.isEmpty()) {
			health = Health.unknown();
		}
		else if (latest.get().created().isBefore(this.clock.instant().minus(this.backups.settings().maxAge()))) {
			health = Health.down();
		}
		else {
			health = Health.up();
		}
		latest.ifPresent((backup) -> health.withDetail("lastGood", backup.created().toString())
			.withDetail("ageSeconds", Duration.between(backup.created(), this.clock.instant()).toSeconds()));
		if (!this.backups.settings().enabled()) {
			health.withDetail("enabled", false);
		}
		return health.build();
	}

}
