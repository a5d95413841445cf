package fr.lianes.repertoire.moderation.reference;

import fr.lianes.repertoire.reference.ActorTypes;
import fr.lianes.repertoire.reference.Domains;
import fr.lianes.repertoire.reference.Territories;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The administrators' entry to the reference lists: each list with its size.
 */
@Controller
class ReferenceListsController {

	private final Domains domains;

	private final ActorTypes types;

	private final Territories territories;

	ReferenceListsController(Domains domains, ActorTypes types, Territories territories) {
		this.domains = domains;
		this.types = types;
		this.territories = territories;
	}

	@GetMapping("/moderation/administration/referentiels")
	String lists(Model model) {
		var all = this.domains.all();
		model.addAttribute("domainCount", all.stream().filter(Domains.Row::isTopLevel).count());
		model.addAttribute("subDomainCount", all.stream().filter((d) -> !d.isTopLevel()).count());
		model.addAttribute("typeCount", this.types.all().size());
		model.addAttribute("territoryCount", this.territories.all().size());
		return "moderation/reference/lists";
	}

}
