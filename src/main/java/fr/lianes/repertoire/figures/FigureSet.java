package fr.lianes.repertoire.figures;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import fr.lianes.repertoire.census.Campaign;

/**
 * The key figures of the directory for one filter, computed from published content only.
 * <p>
 * Actors are the published actors that are active or dormant (the "registered actors" of
 * the census documents; ceased ones are left out), restricted by the filter: in the
 * territory, of the type, with a public project (led or joined) in the country and with
 * one in the domain. Projects are the public projects (published, led by a published
 * actor) whose lead actor is in the territory and of the type, in the country and the
 * domain (or one of its sub-domains).
 *
 * @param version the content version the figures were computed at
 * @param actors registered actors
 * @param activeActors of which active
 * @param dormantActors of which dormant
 * @param campaigns census campaigns opened so far, oldest first, with their respondents
 * @param campaign the current campaign and whether it is open, as the census decides it
 * for the day the figures were computed (the questionnaire shows the same), or null
 * before the first one opens
 * @param projects public projects
 * @param actorsByTerritory actors per territory slug
 * @param actorsByType actors per actor type code
 * @param projectsByDomain projects per domain or sub-domain id (a project counts once in
 * each of its domains)
 * @param projectsByNature projects per nature of action
 * @param projectsByKind projects per kind
 * @param actorsByCountry actors per ISO alpha-2 code
 * @param projectsByCountry projects per ISO alpha-2 code
 * @param areas actors and projects per world region and sub-region
 * @param continents actors and projects per world region (continent), each counted once
 * there (with an empty sub-region)
 */
public record FigureSet(long version, long actors, long activeActors, long dormantActors, List<CampaignCount> campaigns,
		Campaign campaign, long projects, Map<String, Long> actorsByTerritory, Map<String, Long> actorsByType,
		Map<Short, Long> projectsByDomain, Map<String, Long> projectsByNature, Map<String, Long> projectsByKind,
		Map<String, Long> actorsByCountry, Map<String, Long> projectsByCountry, List<AreaCount> areas,
		List<AreaCount> continents) {

	/** A census campaign and how many of the actors answered it. */
	public record CampaignCount(int id, String name, LocalDate asOf, long respondents) {

	}

	/** A world region and sub-region with its actors and projects. */
	public record AreaCount(String region, String subregion, long actors, long projects) {

	}

	/** The current campaign with its respondents, if any. */
	public CampaignCount currentCampaign() {
		if (this.campaign == null) {
			return null;
		}
		return this.campaigns.stream().filter((c) -> c.id() == this.campaign.id()).findFirst().orElse(null);
	}

	public long respondents() {
		CampaignCount current = currentCampaign();
		return (current != null) ? current.respondents() : 0;
	}

	/** Countries concerned by the projects. */
	public long countries() {
		return this.projectsByCountry.size();
	}

}
