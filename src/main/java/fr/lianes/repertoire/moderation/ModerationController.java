package fr.lianes.repertoire.moderation;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

import fr.lianes.repertoire.census.Responses;
import fr.lianes.repertoire.census.Responses.Kind;
import fr.lianes.repertoire.directory.EntryLookups;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The back office's first pages: the queue of submissions waiting for a decision, and the
 * actors to follow up. (Staff accounts are the security module's.)
 */
@Controller
class ModerationController {

	private final Responses responses;

	private final EntryLookups lookups;

	private final Clock clock;

	ModerationController(Responses responses, EntryLookups lookups, Clock clock) {
		this.responses = responses;
		this.lookups = lookups;
		this.clock = clock;
	}

	private static final int QUEUE_SIZE = 100;

	private static final int STALE_SIZE = 100;

	private static final int DEFAULT_STALE_YEARS = 3;

	/**
	 * The responses waiting for a decision, oldest first: all, or only new actors or
	 * updates, of one campaign.
	 * @param kind "nouveau" or "mise-a-jour", anything else for both
	 * @param campaign a campaign's id, or none
	 */
	@GetMapping("/moderation")
	String queue(@RequestParam(name = "type", required = false) String kind,
			@RequestParam(name = "campagne", required = false) String campaignParam, Model model) {
		Integer campaign = (campaignParam != null && campaignParam.matches("[0-9]{1,9}"))
				? Integer.valueOf(campaignParam) : null;
		Kind which = switch ((kind != null) ? kind : "") {
			case "nouveau" -> Kind.NEW;
			case "mise-a-jour" -> Kind.UPDATE;
			default -> Kind.ALL;
		};
		model.addAttribute("pending", this.responses.pending(which, campaign, QUEUE_SIZE));
		model.addAttribute("pendingCount", this.responses.countPending(which, campaign));
		model.addAttribute("kindCounts", this.responses.pendingByKind());
		model.addAttribute("campaignCounts", this.responses.pendingByCampaign());
		model.addAttribute("kind", kind);
		model.addAttribute("campaign", campaign);
		model.addAttribute("now", OffsetDateTime.now(this.clock));
		model.addAttribute("staleCount", this.lookups.countNotHeardFromSince(since(DEFAULT_STALE_YEARS)));
		return "moderation/queue";
	}

	/**
	 * The actors still said active or dormant that have not answered the census for
	 * {@code years} years (or ever), to follow up.
	 */
	@GetMapping("/moderation/a-relancer")
	String stale(@RequestParam(name = "annees", defaultValue = "3") String yearsParam, Model model) {
		int years = yearsParam.matches("[0-9]{1,2}") ? Math.max(1, Integer.parseInt(yearsParam)) : DEFAULT_STALE_YEARS;
		model.addAttribute("years", years);
		model.addAttribute("staleCount", this.lookups.countNotHeardFromSince(since(years)));
		model.addAttribute("stale", this.lookups.notHeardFromSince(since(years), STALE_SIZE));
		return "moderation/stale";
	}

	/** The same moment {@code years} years ago, in the network's zone. */
	private OffsetDateTime since(int years) {
		return ZonedDateTime.now(this.clock).minusYears(years).toOffsetDateTime();
	}

}
