package fr.lianes.repertoire.census;

import java.util.List;

import fr.lianes.repertoire.directory.DuplicateActors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Helps while the structure is typed: the communes of a postal code, and, as soon as an
 * identifier or a name is typed, that the structure already has a public entry, and
 * offers to update it instead. Only published entries are named.
 */
@Controller
class DuplicateCheckController {

	private final DuplicateActors duplicates;

	private final Communes communes;

	DuplicateCheckController(DuplicateActors duplicates, Communes communes) {
		this.duplicates = duplicates;
		this.communes = communes;
	}

	@GetMapping("/recensement/doublon")
	String check(@RequestParam(name = "siret", required = false) String siret,
			@RequestParam(name = "rna", required = false) String rna,
			@RequestParam(name = "name", required = false) String name,
			@RequestParam(name = "postalCode", required = false) String postalCode,
			@RequestParam(name = "communeName", required = false) String communeName,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		List<Communes.Option> options = this.communes.find(bounded(postalCode, 10), bounded(communeName, 100));
		String commune = (options.size() == 1) ? options.get(0).insee() : null;
		this.duplicates.sameEntry(bounded(siret, 20), bounded(rna, 12), bounded(name, 200), commune)
			.filter(DuplicateActors.Match::published)
			.ifPresent((match) -> model.addAttribute("duplicate", match));
		return (htmx != null) ? "census/fragments :: duplicate" : "census/duplicate";
	}

	/**
	 * The communes of a postal code (and name), to choose from as soon as it is typed.
	 */
	@GetMapping("/recensement/communes")
	String communes(@RequestParam(name = "postalCode", required = false) String postalCode,
			@RequestParam(name = "communeName", required = false) String communeName,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		List<Communes.Option> options = this.communes.find(bounded(postalCode, 10), bounded(communeName, 100));
		model.addAttribute("communeOptions", options);
		model.addAttribute("selectedInsee", (options.size() == 1) ? options.get(0).insee() : null);
		return (htmx != null) ? "census/fragments :: communes" : "census/communes";
	}

	private static String bounded(String value, int max) {
		return (value == null || value.length() > max) ? null : value;
	}

}
