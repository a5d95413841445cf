package fr.lianes.repertoire.directory;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Suggestions while typing. htmx asks for the list alone (HX-Request header) and puts it
 * under the search box; without JavaScript the same address is a page of its own.
 */
@Controller
class SuggestionController {

	private final Suggestions suggestions;

	SuggestionController(Suggestions suggestions) {
		this.suggestions = suggestions;
	}

	@GetMapping("/suggestions")
	String suggest(@RequestParam(name = "q", required = false, defaultValue = "") String q,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		String typed = (q.length() > ListCriteriaParser.MAX_QUERY_LENGTH)
				? q.substring(0, ListCriteriaParser.MAX_QUERY_LENGTH) : q;
		model.addAttribute("q", typed);
		model.addAttribute("suggestions", this.suggestions.suggest(typed));
		return (htmx != null) ? "directory/suggestions :: list" : "directory/suggestions";
	}

}
