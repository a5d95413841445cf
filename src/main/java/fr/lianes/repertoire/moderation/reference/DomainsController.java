package fr.lianes.repertoire.moderation.reference;

import fr.lianes.repertoire.reference.DeletionRefusedException;
import fr.lianes.repertoire.reference.DomainForm;
import fr.lianes.repertoire.reference.Domains;
import fr.lianes.repertoire.reference.ListChange;
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
 * The domains page: the taxonomy with its order, a form to add a domain or sub-domain,
 * and one page per entry to rename or delete it.
 */
@Controller
@RequestMapping(DomainsController.PATH)
class DomainsController {

	static final String PATH = "/moderation/administration/referentiels/domaines";

	private final Domains domains;

	DomainsController(Domains domains) {
		this.domains = domains;
	}

	@GetMapping
	String list(Model model) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", DomainForm.empty());
		}
		model.addAttribute("domains", this.domains.all());
		return "moderation/reference/domains";
	}

	@PostMapping
	String add(@Valid @ModelAttribute("form") DomainForm form, BindingResult errors, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		this.domains.check(form, null, errors);
		if (errors.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return list(model);
		}
		Domains.Row added = this.domains.create(form);
		Notices.of(redirect, "reference.admin.notice.added", added.name());
		return "redirect:" + PATH + "#" + added.slug();
	}

	@GetMapping("/{slug}")
	String edit(@PathVariable String slug, Model model) {
		Domains.Row domain = find(slug);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", this.domains.form(domain));
		}
		model.addAttribute("domain", domain);
		model.addAttribute("dacCodes", this.domains.dacCodes(domain));
		model.addAttribute("subDomains",
				this.domains.all().stream().filter((d) -> Short.valueOf(domain.id()).equals(d.parentId())).toList());
		return "moderation/reference/domain";
	}

	@PostMapping("/{slug}")
	String save(@PathVariable String slug, @Valid @ModelAttribute("form") DomainForm form, BindingResult errors,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		Domains.Row domain = find(slug);
		this.domains.check(form, domain, errors);
		if (errors.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return edit(slug, model);
		}
		ListChange<Domains.Row> outcome = this.domains.update(domain, form);
		Notices.of(redirect, "reference.admin.notice.saved", outcome.result().name());
		Notices.reindex(redirect, outcome.reindexing());
		return "redirect:" + PATH + "/" + slug;
	}

	@PostMapping("/{slug}/deplacement")
	String move(@PathVariable String slug, @RequestParam(name = "sens", defaultValue = "") String direction,
			RedirectAttributes redirect) {
		Domains.Row domain = find(slug);
		this.domains.move(domain, Notices.isUp(direction));
		Notices.of(redirect, "reference.admin.notice.moved", domain.name());
		return "redirect:" + PATH + "#" + slug;
	}

	@PostMapping("/{slug}/suppression")
	String delete(@PathVariable String slug, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		Domains.Row domain = find(slug);
		try {
			this.domains.delete(domain);
		}
		catch (DeletionRefusedException ex) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("refusal", ex.reasons());
			return edit(slug, model);
		}
		Notices.of(redirect, "reference.admin.notice.deleted", domain.name());
		return "redirect:" + PATH;
	}

	private Domains.Row find(String slug) {
		return this.domains.find(slug).orElseThrow(NotFoundException::new);
	}

}
