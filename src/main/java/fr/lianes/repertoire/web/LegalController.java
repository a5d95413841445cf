package fr.lianes.repertoire.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Accessibility statement and legal notice, naming the organisation of the settings (the
 * privacy notice is the privacy module's).
 */
@Controller
class LegalController {

	private final Organisation organisation;

	LegalController(Organisation organisation) {
		this.organisation = organisation;
	}

	@GetMapping("/accessibilite")
	String accessibility(Model model) {
		model.addAttribute("args", this.organisation.messageArguments());
		return "pages/accessibility";
	}

	@GetMapping("/mentions-legales")
	String legal(Model model) {
		model.addAttribute("args", this.organisation.messageArguments());
		return "pages/legal";
	}

}
