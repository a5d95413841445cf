package fr.lianes.repertoire.demo;

import java.time.Duration;

/**
 * What one run of the {@link DemoDataGenerator} inserted.
 *
 * @param actors number of actors inserted
 * @param projects number of projects inserted
 * @param countries number of distinct countries of the inserted projects
 * @param took wall-clock time of the generation
 */
public record GenerationReport(int actors, int projects, int countries, Duration took) {

}
