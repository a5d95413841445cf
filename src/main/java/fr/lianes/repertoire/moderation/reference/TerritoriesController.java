package fr.lianes.repertoire.moderation.reference;

import java.util.Optional;

import fr.lianes.repertoire.reference.DeletionRefusedException;
import fr.lianes.repertoire.reference.EpciForm;
import fr.lianes.repertoire.reference.ListChange;
import fr.lianes.repertoire.reference.Territories;
import fr.lianes.repertoire.reference.TerritoryForm;
import fr.lianes.repertoire.web.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The territories page: the list in its order and a form to add a territory, and one page
 * per territory to rename it, attach EPCI to it or delete it.
 */
@Controller
@RequestMapping(TerritoriesController.PATH)
class TerritoriesController {

	static final String PATH = "/moderation/administration/referentiels/territoires";

	private final Territories territories;

	TerritoriesController(Territories territories) {
		this.territories = territories;
	}

	@GetMapping
	String list(Model model) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", TerritoryForm.empty());
		}
		model.addAttribute("territories", this.territories.all());
		return "moderation/reference/territories";
	}

	@PostMapping
	String add(@Valid @ModelAttribute("form") TerritoryForm form, BindingResult errors, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		this.territories.check(form, null, errors);
		if (errors.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return list(model);
		}
		Territories.Row added = this.territories.create(form);
		Notices.of(redirect, "reference.admin.notice.added", added.name());
		return "redirect:" + PATH + "#" + added.slug();
	}

	@GetMapping("/{slug}")
	String edit(@PathVariable String slug, Model model) {
		Territories.Row territory = find(slug);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", this.territories.form(territory));
		}
		if (!model.containsAttribute("epciForm")) {
			model.addAttribute("epciForm", EpciForm.empty());
		}
		model.addAttribute("territory", territory);
		model.addAttribute("epcis", this.territories.epcis(territory));
		model.addAttribute("otherEpcis", this.territories.others(territory));
		return "moderation/reference/territory";
	}

	@PostMapping("/{slug}")
	String save(@PathVariable String slug, @Valid @ModelAttribute("form") TerritoryForm form, BindingResult errors,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		Territories.Row territory = find(slug);
		this.territories.check(form, territory, errors);
		if (errors.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return edit(slug, model);
		}
		ListChange<Territories.Row> outcome = this.territories.update(territory, form);
		Notices.of(redirect, "reference.admin.notice.saved", outcome.result().name());
		Notices.reindex(redirect, outcome.reindexing());
		return "redirect:" + PATH + "/" + slug;
	}

	@PostMapping("/{slug}/intercommunalites")
	String attach(@PathVariable String slug, @Valid @ModelAttribute("epciForm") EpciForm form, BindingResult errors,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		Territories.Row territory = find(slug);
		Optional<ListChange<Territories.Epci>> outcome = errors.hasErrors() ? Optional.empty()
				: this.territories.attach(territory, form.epci());
		if (outcome.isEmpty()) {
			if (!errors.hasErrors()) {
				errors.rejectValue("epci", "reference.admin.error.choose");
			}
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return edit(slug, model);
		}
		Notices.of(redirect, "reference.admin.notice.attached", outcome.get().result().name(), territory.name());
		Notices.reindex(redirect, outcome.get().reindexing());
		return "redirect:" + PATH + "/" + slug;
	}

	@PostMapping("/{slug}/deplacement")
	String move(@PathVariable String slug, @RequestParam(name = "sens", defaultValue = "") String direction,
			RedirectAttributes redirect) {
		Territories.Row territory = find(slug);
		this.territories.move(territory, Notices.isUp(direction));
		Notices.of(redirect, "reference.admin.notice.moved", territory.name());
		return "redirect:" + PATH + "#" + slug;
	}

	@PostMapping("/{slug}/suppression")
	String delete(@PathVariable String slug, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		Territories.Row territory = find(slug);
		try {
			this.territories.delete(territory);
		}
		catch (DeletionRefusedException ex) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("refusal", ex.reasons());
			return edit(slug, model);
		}
		Notices.of(redirect, "reference.admin.notice.deleted", territory.name());
		return "redirect:" + PATH;
	}

	private Territories.Row find(String slug) {
		return this.territories.find(slug).orElseThrow(NotFoundException::new);
	}

}
