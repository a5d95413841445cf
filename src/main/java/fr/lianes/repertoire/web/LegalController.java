package fr.lianes.repertoire.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Accessibility statement, privacy notice and legal notice.
 */
@Controller
class LegalController {

	@GetMapping("/accessibilite")
	String accessibility() {
		return "pages/accessibility";
	}

	@GetMapping("/donnees-personnelles")
	String privacy() {
		return "pages/privacy";
	}

	@GetMapping("/mentions-legales")
	String legal() {
		return "pages/legal";
	}

}
