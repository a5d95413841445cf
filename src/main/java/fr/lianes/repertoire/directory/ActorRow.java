package fr.lianes.repertoire.directory;

import java.time.Instant;
import java.util.List;

/**
 * An actor as listed.
 */
public record ActorRow(String slug, String name, String acronym, ActorStatus status, String typeName,
		String communeName, String territoryName, List<String> countries, Instant updatedAt) {

}
