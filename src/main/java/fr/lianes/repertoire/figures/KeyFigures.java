package fr.lianes.repertoire.figures;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

import fr.lianes.repertoire.reference.ReferenceData;

import org.springframework.stereotype.Service;

/**
 * The key figures and the content version for other modules: the open-data API gives the
 * figures, and the version tells its clients whether anything public changed (ETag,
 * Last-Modified).
 */
@Service
public class KeyFigures {

	private final FiguresCache cache;

	private final ReferenceData reference;

	private final Clock clock;

	private final AtomicReference<ContentVersion> seen = new AtomicReference<>();

	KeyFigures(FiguresCache cache, ReferenceData reference, Clock clock) {
		this.cache = cache;
		this.reference = reference;
		this.clock = clock;
	}

	/**
	 * The version of what the public sees, and since when this instance has seen it (to
	 * the second).
	 *
	 * @param version moves at every committed change of actors, projects, campaigns or
	 * reference lists (see {@code V13__figures.sql}), and at every change of the
	 * reference lists held in memory
	 */
	public record ContentVersion(String version, Instant since) {

	}

	/** The current content version (one statement). */
	public ContentVersion contentVersion() {
		String version = this.cache.version() + "-" + this.reference.generation();
		ContentVersion current = this.seen.get();
		if (current != null && current.version().equals(version)) {
			return current;
		}
		ContentVersion fresh = new ContentVersion(version, this.clock.instant().truncatedTo(ChronoUnit.SECONDS));
		return this.seen.compareAndSet(current, fresh) ? fresh : contentVersion();
	}

	/** The figures restricted by these values (unknown ones left out and listed). */
	public FigureSet figures(String territory, String domain, String country, String type) {
		return this.cache.figures(filter(territory, domain, country, type));
	}

	/** What these values restrict the figures to. */
	public FiguresFilter filter(String territory, String domain, String country, String type) {
		return FiguresFilter.parse(this.reference, territory, domain, country, type);
	}

}
