package fr.lianes.repertoire.figures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.lianes.repertoire.census.Campaign;
import fr.lianes.repertoire.census.Campaigns;
import fr.lianes.repertoire.census.Responses;
import fr.lianes.repertoire.directory.DirectoryCounts;
import fr.lianes.repertoire.reference.CountryRef;
import fr.lianes.repertoire.reference.ReferenceData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Computes the figures from the owning modules' counts: the directory's
 * ({@link DirectoryCounts}), the census campaigns and their approved responses. Called by
 * {@link FiguresCache} in one repeatable-read transaction, so that every statement and
 * the content version see the same snapshot.
 */
@Component
class FiguresQueries {

	private static final Logger logger = LoggerFactory.getLogger(FiguresQueries.class);

	private final DirectoryCounts counts;

	private final Campaigns campaigns;

	private final Responses responses;

	private final ReferenceData reference;

	FiguresQueries(DirectoryCounts counts, Campaigns campaigns, Responses responses, ReferenceData reference) {
		this.counts = counts;
		this.campaigns = campaigns;
		this.responses = responses;
		this.reference = reference;
	}

	/**
	 * The figures as of {@code today} (campaigns open on a date), in the caller's
	 * snapshot.
	 */
	FigureSet compute(long version, FiguresFilter filter, LocalDate today) {
		long started = System.nanoTime();
		DirectoryCounts.Counts counted = this.counts.count(
				new DirectoryCounts.Filter(filter.territory(), filter.domain(), filter.country(), filter.type()),
				this.responses.approvedCampaigns(null));
		Map<String, Long> byTerritory = new HashMap<>();
		counted.actorsByTerritory().forEach((id, count) -> byTerritory.merge(territory(id), count, Long::sum));
		List<FigureSet.CampaignCount> campaigns = new ArrayList<>();
		for (Campaign campaign : this.campaigns.opened(today)) {
			campaigns.add(new FigureSet.CampaignCount(campaign.id(), campaign.name(), campaign.asOf(),
					counted.respondents().getOrDefault(campaign.id(), 0L)));
		}
		logger.info("Figures computed for [{}] in {} ms", filter.key(), (System.nanoTime() - started) / 1_000_000);
		return new FigureSet(version, counted.activeActors() + counted.dormantActors(), counted.activeActors(),
				counted.dormantActors(), campaigns, this.campaigns.current(today).orElse(null), counted.projects(),
				byTerritory, counted.actorsByType(), counted.projectsByDomain(), counted.projectsByNature(),
				counted.projectsByKind(), counted.actorsByCountry(), counted.projectsByCountry(),
				areaCounts(counted.areas()), areaCounts(counted.continents()));
	}

	/** The projects these actors lead. */
	List<Long> projectsLedBy(Collection<Long> actorIds) {
		return this.counts.projectsLedBy(actorIds);
	}

	/** The lead and the other actors of these projects. */
	List<Long> actorsOf(Collection<Long> projectIds) {
		return this.counts.actorsOf(projectIds);
	}

	/** The campaigns opened by {@code today}, oldest first, without their respondents. */
	List<FigureSet.CampaignCount> campaignsOpened(LocalDate today) {
		return this.campaigns.opened(today)
			.stream()
			.map((c) -> new FigureSet.CampaignCount(c.id(), c.name(), c.asOf(), 0))
			.toList();
	}

	/** The world region and sub-region of each country ("" for none). */
	Map<String, List<String>> areasOfCountries() {
		Map<String, List<String>> areaOf = new HashMap<>();
		for (CountryRef country : this.reference.countries()) {
			areaOf.put(country.iso2(), List.of(orEmpty(country.region()), orEmpty(country.subregion())));
		}
		return areaOf;
	}

	private static String orEmpty(String value) {
		return (value != null) ? value : "";
	}

	/**
	 * What each registered actor adds to the figures of the whole directory (see
	 * {@link WholeFigures}): these actors, or all when null. An actor missing from the
	 * result adds nothing.
	 */
	Map<Long, FigureParts.ActorPart> actorParts(Collection<Long> ids) {
		Map<Long, Set<Integer>> answered = this.responses.approvedCampaigns(ids);
		Map<Long, FigureParts.ActorPart> parts = new HashMap<>();
		this.counts.actorParts(ids).forEach((id, part) -> {
			Set<Integer> campaigns = new HashSet<>(answered.getOrDefault(id, Set.of()));
			if (part.lastCampaignId() != null) {
				campaigns.add(part.lastCampaignId());
			}
			parts.put(id, new FigureParts.ActorPart(part.active(), territory(part.territoryId()), part.type(),
					Set.copyOf(campaigns), part.countries()));
		});
		return parts;
	}

	/** What each public project adds, as {@link #actorParts(Collection)}. */
	Map<Long, FigureParts.ProjectPart> projectParts(Collection<Long> ids) {
		Map<Long, FigureParts.ProjectPart> parts = new HashMap<>();
		this.counts.projectParts(ids)
			.forEach((id, part) -> parts.put(id,
					new FigureParts.ProjectPart(part.nature(), part.kind(), part.domains(), part.countries())));
		return parts;
	}

	/** A territory's slug, "" outside of every territory. */
	private String territory(Short id) {
		return (id != null) ? this.reference.territory(id).map((t) -> t.slug()).orElse("") : "";
	}

	private static List<FigureSet.AreaCount> areaCounts(List<DirectoryCounts.AreaCount> areas) {
		return areas.stream()
			.map((a) -> new FigureSet.AreaCount(a.region(), a.subregion(), a.actors(), a.projects()))
			.toList();
	}

}
