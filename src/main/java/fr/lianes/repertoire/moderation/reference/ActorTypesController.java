package fr.lianes.repertoire.moderation.reference;

import fr.lianes.repertoire.reference.ActorTypeForm;
import fr.lianes.repertoire.reference.ActorTypes;
import fr.lianes.repertoire.reference.DeletionRefusedException;
import fr.lianes.repertoire.reference.IatiOrganisationTypes;
import fr.lianes.repertoire.reference.ListChange;
import fr.lianes.repertoire.reference.ActorFamily;
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
 * The actor types page: the list in its order and a form to add a type, and one page per
 * type to rename it, change its family or IATI type, or delete it.
 */
@Controller
@RequestMapping(ActorTypesController.PATH)
class ActorTypesController {

	static final String PATH = "/moderation/administration/referentiels/types-acteurs";

	private final ActorTypes types;

	ActorTypesController(ActorTypes types) {
		this.types = types;
	}

	@GetMapping
	String list(Model model) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", ActorTypeForm.empty());
		}
		model.addAttribute("types", this.types.all());
		choices(model);
		return "moderation/reference/types";
	}

	@PostMapping
	String add(@Valid @ModelAttribute("form") ActorTypeForm form, BindingResult errors, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		this.types.check(form, null, errors);
		if (errors.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return list(model);
		}
		ActorTypes.Row added = this.types.create(form);
		Notices.of(redirect, "reference.admin.notice.added", added.name());
		return "redirect:" + PATH + "#" + added.code();
	}

	@GetMapping("/{code}")
	String edit(@PathVariable String code, Model model) {
		ActorTypes.Row type = find(code);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", this.types.form(type));
		}
		model.addAttribute("type", type);
		choices(model);
		return "moderation/reference/type";
	}

	@PostMapping("/{code}")
	String save(@PathVariable String code, @Valid @ModelAttribute("form") ActorTypeForm form, BindingResult errors,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		ActorTypes.Row type = find(code);
		this.types.check(form, type, errors);
		if (errors.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return edit(code, model);
		}
		ListChange<ActorTypes.Row> outcome = this.types.update(type, form);
		Notices.of(redirect, "reference.admin.notice.saved", outcome.result().name());
		Notices.reindex(redirect, outcome.reindexing());
		return "redirect:" + PATH + "/" + code;
	}

	@PostMapping("/{code}/deplacement")
	String move(@PathVariable String code, @RequestParam(name = "sens", defaultValue = "") String direction,
			RedirectAttributes redirect) {
		ActorTypes.Row type = find(code);
		this.types.move(type, Notices.isUp(direction));
		Notices.of(redirect, "reference.admin.notice.moved", type.name());
		return "redirect:" + PATH + "#" + code;
	}

	@PostMapping("/{code}/suppression")
	String delete(@PathVariable String code, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		ActorTypes.Row type = find(code);
		try {
			this.types.delete(type);
		}
		catch (DeletionRefusedException ex) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("refusal", ex.reasons());
			return edit(code, model);
		}
		Notices.of(redirect, "reference.admin.notice.deleted", type.name());
		return "redirect:" + PATH;
	}

	private static void choices(Model model) {
		model.addAttribute("families", ActorFamily.values());
		model.addAttribute("iatiTypes", IatiOrganisationTypes.CODES);
	}

	private ActorTypes.Row find(String code) {
		return this.types.find(code).orElseThrow(NotFoundException::new);
	}

}
