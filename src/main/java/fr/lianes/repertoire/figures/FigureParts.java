package fr.lianes.repertoire.figures;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.lianes.repertoire.census.Campaign;

/**
 * The figures of the whole directory as the sum of what each registered actor and each
 * public project adds to them, kept with those parts so that a change replaces the parts
 * of the actors and projects it touched and nothing else. Counts the same things as
 * {@link FiguresQueries} without a filter (see {@link FigureSet}). Not thread-safe: used
 * under {@link WholeFigures}' lock.
 */
final class FigureParts {

	/**
	 * What a registered actor adds.
	 *
	 * @param territory its territory's slug, "" outside of every territory
	 * @param campaigns the campaigns it answered
	 * @param countries the countries of its public projects (led or joined)
	 */
	record ActorPart(boolean active, String territory, String type, Set<Integer> campaigns, Set<String> countries) {

	}

	/**
	 * What a public project adds.
	 *
	 * @param domains its sub-domains and the domains above them (a project counts once in
	 * each)
	 */
	record ProjectPart(String nature, String kind, Set<Short> domains, Set<String> countries) {

	}

	/** World region and sub-region of each country (ISO alpha-2). */
	private final Map<String, List<String>> areaOf;

	private final Map<Long, ActorPart> actors = new HashMap<>();

	private final Map<Long, ProjectPart> projects = new HashMap<>();

	private long active;

	private long dormant;

	private final Map<String, Long> byTerritory = new HashMap<>();

	private final Map<String, Long> byType = new HashMap<>();

	private final Map<Integer, Long> respondents = new HashMap<>();

	private final Map<Short, Long> byDomain = new HashMap<>();

	private final Map<String, Long> byNature = new HashMap<>();

	private final Map<String, Long> byKind = new HashMap<>();

	private final Map<String, Long> actorsByCountry = new HashMap<>();

	private final Map<String, Long> projectsByCountry = new HashMap<>();

	/** Actors and projects per [region, sub-region]; per [region, ""] for continents. */
	private final Map<List<String>, long[]> areas = new HashMap<>();

	private final Map<List<String>, long[]> continents = new HashMap<>();

	FigureParts(Map<String, List<String>> areaOf) {
		this.areaOf = areaOf;
	}

	/** Replaces what an actor adds (null: it adds nothing, e.g. unpublished). */
	void actor(long id, ActorPart part) {
		ActorPart old = (part != null) ? this.actors.put(id, part) : this.actors.remove(id);
		if (old != null) {
			count(old, -1);
		}
		if (part != null) {
			count(part, 1);
		}
	}

	/** Replaces what a project adds (null: it adds nothing, e.g. not public). */
	void project(long id, ProjectPart part) {
		ProjectPart old = (part != null) ? this.projects.put(id, part) : this.projects.remove(id);
		if (old != null) {
			count(old, -1);
		}
		if (part != null) {
			count(part, 1);
		}
	}

	int size() {
		return this.actors.size() + this.projects.size();
	}

	private void count(ActorPart part, long sign) {
		if (part.active()) {
			this.active += sign;
		}
		else {
			this.dormant += sign;
		}
		add(this.byTerritory, part.territory(), sign);
		add(this.byType, part.type(), sign);
		for (Integer campaign : part.campaigns()) {
			add(this.respondents, campaign, sign);
		}
		for (String country : part.countries()) {
			add(this.actorsByCountry, country, sign);
		}
		addAreas(part.countries(), 0, sign);
	}

	private void count(ProjectPart part, long sign) {
		add(this.byNature, part.nature(), sign);
		add(this.byKind, part.kind(), sign);
		for (Short domain : part.domains()) {
			add(this.byDomain, domain, sign);
		}
		for (String country : part.countries()) {
			add(this.projectsByCountry, country, sign);
		}
		addAreas(part.countries(), 1, sign);
	}

	/** Counts once in each sub-region and each continent of these countries. */
	private void addAreas(Set<String> countries, int column, long sign) {
		Set<List<String>> subregions = new LinkedHashSet<>();
		Set<List<String>> regions = new LinkedHashSet<>();
		for (String country : countries) {
			List<String> area = this.areaOf.getOrDefault(country, List.of("", ""));
			subregions.add(area);
			regions.add(List.of(area.get(0), ""));
		}
		for (List<String> area : subregions) {
			addArea(this.areas, area, column, sign);
		}
		for (List<String> region : regions) {
			addArea(this.continents, region, column, sign);
		}
	}

	private static void addArea(Map<List<String>, long[]> areas, List<String> area, int column, long sign) {
		long[] counts = areas.computeIfAbsent(area, (k) -> new long[2]);
		counts[column] += sign;
		if (counts[0] == 0 && counts[1] == 0) {
			areas.remove(area);
		}
	}

	private static <K> void add(Map<K, Long> counts, K key, long sign) {
		long count = counts.getOrDefault(key, 0L) + sign;
		if (count == 0) {
			counts.remove(key);
		}
		else {
			counts.put(key, count);
		}
	}

	/**
	 * The figures as of now.
	 * @param campaigns the campaigns opened so far, oldest first, without respondents
	 */
	FigureSet figures(long version, List<FigureSet.CampaignCount> campaigns, Campaign current) {
		List<FigureSet.CampaignCount> answered = new ArrayList<>();
		for (FigureSet.CampaignCount campaign : campaigns) {
			answered.add(new FigureSet.CampaignCount(campaign.id(), campaign.name(), campaign.asOf(),
					this.respondents.getOrDefault(campaign.id(), 0L)));
		}
		long projectCount = this.projects.size();
		return new FigureSet(version, this.active + this.dormant, this.active, this.dormant, List.copyOf(answered),
				current, projectCount, copy(this.byTerritory), copy(this.byType), copy(this.byDomain),
				copy(this.byNature), copy(this.byKind), copy(this.actorsByCountry), copy(this.projectsByCountry),
				areaCounts(this.areas), areaCounts(this.continents));
	}

	private static <K> Map<K, Long> copy(Map<K, Long> counts) {
		// HashMap: a code may be null (as in the figures computed in SQL)
		return Collections.unmodifiableMap(new HashMap<>(counts));
	}

	private static List<FigureSet.AreaCount> areaCounts(Map<List<String>, long[]> areas) {
		List<FigureSet.AreaCount> counts = new ArrayList<>();
		areas.forEach((key, value) -> counts.add(new FigureSet.AreaCount(key.get(0), key.get(1), value[0], value[1])));
		counts.sort(Comparator.comparing(FigureSet.AreaCount::region).thenComparing(FigureSet.AreaCount::subregion));
		return List.copyOf(counts);
	}

}
