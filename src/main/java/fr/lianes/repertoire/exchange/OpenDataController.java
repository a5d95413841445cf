package fr.lianes.repertoire.exchange;

import java.time.ZoneId;

import fr.lianes.repertoire.directory.PublicEntries;
import fr.lianes.repertoire.directory.PublicListings;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /donnees}: every way to take the directory out (downloads, API, IATI, feeds),
 * with the licence and the date of the data.
 */
@Controller
class OpenDataController {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private final PublicListings listings;

	private final PublicEntries entries;

	private final ApiResources resources;

	OpenDataController(PublicListings listings, PublicEntries entries, ApiResources resources) {
		this.listings = listings;
		this.entries = entries;
		this.resources = resources;
	}

	@GetMapping("/donnees")
	String openData(Model model) {
		model.addAttribute("dataDate", this.entries.lastUpdate().map((instant) -> instant.atZone(PARIS)).orElse(null));
		var everything = new LinkedMultiValueMap<String, String>();
		model.addAttribute("actorCount",
				this.listings.actors(this.listings.actorCriteria(everything), null, 1).total());
		model.addAttribute("projectCount",
				this.listings.projects(this.listings.projectCriteria(everything), null, 1).total());
		model.addAttribute("site", this.resources.site());
		return "exchange/open-data";
	}

}
