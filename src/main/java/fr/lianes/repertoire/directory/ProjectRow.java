package fr.lianes.repertoire.directory;

import java.util.List;

/**
 * A project as listed.
 */
public record ProjectRow(String slug, String title, String leadSlug, String leadName, ProjectKind kind,
		ProjectStatus status, Integer startYear, Integer endYear, List<String> countries, List<String> domains) {

}
