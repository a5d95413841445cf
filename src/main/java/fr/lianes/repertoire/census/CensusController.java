package fr.lianes.repertoire.census;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import fr.lianes.repertoire.directory.DuplicateActors;
import fr.lianes.repertoire.directory.NameInAddress;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The questionnaire's first steps: starting, the structure, its contact persons. Every
 * step is saved as sent, errors included, before anything else happens.
 */
@Controller
@RequestMapping("/recensement")
class CensusController {

	static final String HONEYPOT = "site_web_2";

	private final Drafts drafts;

	private final AnswersCheck check;

	private final CensusForms forms;

	private final Communes communes;

	private final DuplicateActors duplicates;

	private final RateLimits limits;

	private final FillTimer timer;

	private final CensusService census;

	private final CensusProperties properties;

	private final NameInAddress nameInAddress;

	CensusController(Drafts drafts, AnswersCheck check, CensusForms forms, Communes communes,
			DuplicateActors duplicates, RateLimits limits, FillTimer timer, CensusService census,
			CensusProperties properties, NameInAddress nameInAddress) {
		this.properties = properties;
		this.nameInAddress = nameInAddress;
		this.drafts = drafts;
		this.check = check;
		this.forms = forms;
		this.communes = communes;
		this.duplicates = duplicates;
		this.limits = limits;
		this.timer = timer;
		this.census = census;
	}

	@GetMapping
	String start(HttpServletRequest request, Model model) {
		model.addAllAttributes(this.forms.campaign());
		model.addAttribute("draft", this.drafts.open(request).orElse(null));
		model.addAttribute("stamp", this.timer.stamp());
		return "census/start";
	}

	@PostMapping("/commencer")
	String begin(@RequestParam(name = "email", required = false) String email,
			@RequestParam(name = HONEYPOT, required = false) String honeypot,
			@RequestParam(name = "debut", required = false) String stamp, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		Optional<Duration> elapsed = this.timer.elapsed(stamp);
		if (!Text.isBlank(honeypot)) {
			return "redirect:/recensement";
		}
		String error = null;
		if (elapsed.isEmpty()) {
			error = "census.error.form-expired";
		}
		else if (elapsed.get().compareTo(this.properties.minimumStartTime()) < 0) {
			error = "census.error.too-fast";
		}
		else if (!Emails.isValid(email)) {
			error = Text.isBlank(email) ? "census.error.required" : "census.error.email";
		}
		else if (!this.limits.tryAcquire(RateLimits.Kind.START, request.getRemoteAddr())
				|| !this.limits.tryAcquire(RateLimits.Kind.LINK_EMAIL, email)) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			error = "census.error.too-many-requests";
		}
		if (error != null) {
			model.addAllAttributes(this.forms.campaign());
			model.addAttribute("email", email);
			model.addAttribute("emailError", error);
			model.addAttribute("stamp", this.timer.stamp());
			return "census/start";
		}
		Draft draft = this.drafts.start(request, response, email.strip(), null, CensusAnswers.empty());
		this.census.sendResumeLink(draft, email.strip());
		redirect.addFlashAttribute("notice", "census.notice.started");
		redirect.addFlashAttribute("noticeArg", email.strip());
		return "redirect:/recensement/structure";
	}

	/**
	 * The step as saved; with {@code verifier}, its errors shown at once (links of the
	 * review page).
	 */
	@GetMapping("/structure")
	String structure(@RequestParam(name = "verifier", defaultValue = "false") boolean verify,
			HttpServletRequest request, Model model) {
		Optional<Draft> draft = this.drafts.open(request);
		if (draft.isEmpty()) {
			return "redirect:/recensement";
		}
		StructureAnswers structure = draft.get().answers().structure();
		model.addAttribute("structure", structure);
		if (verify) {
			model.addAllAttributes(Forms.rebound("structure", structure, this.check.checked(structure)));
		}
		return structurePage(draft.get(), model);
	}

	@PostMapping("/structure")
	String saveStructure(@Valid @ModelAttribute("structure") StructureAnswers typed, BindingResult errors,
			@RequestParam(name = "pasUnDoublon", defaultValue = "false") boolean notDuplicate,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		StructureAnswers structure = this.communes.resolved(typed);
		this.check.structure(structure, errors);
		Draft draft = Forms.hasUnsafeText(errors) ? this.drafts.open(request).orElse(null)
				: save(request, response, (answers) -> answers.withStructure(structure));
		if (draft == null) {
			return "redirect:/recensement";
		}
		model.addAllAttributes(Forms.rebound("structure", structure, errors));
		if (errors.hasErrors()) {
			return structurePage(draft, model);
		}
		if (!draft.isUpdate() && !notDuplicate) {
			// only a published entry is named: the others stay as private as they are
			Optional<DuplicateActors.Match> match = this.duplicates
				.sameEntry(structure.siret(), structure.rna(), structure.name(), structure.communeInsee())
				.filter(DuplicateActors.Match::published);
			if (match.isPresent()) {
				model.addAttribute("duplicate", match.get());
				return structurePage(draft, model);
			}
		}
		return "redirect:/recensement/contacts";
	}

	@GetMapping("/contacts")
	String contacts(@RequestParam(name = "ajout", defaultValue = "false") boolean add,
			@RequestParam(name = "verifier", defaultValue = "false") boolean verify, HttpServletRequest request,
			Model model) {
		Optional<Draft> draft = this.drafts.open(request);
		if (draft.isEmpty()) {
			return "redirect:/recensement";
		}
		List<ContactAnswers> contacts = draft.get().answers().contacts();
		ContactsForm form = new ContactsForm(contacts);
		model.addAttribute("contactsForm", form);
		if (verify) {
			model.addAllAttributes(Forms.rebound("contactsForm", form, this.check.checked(form)));
		}
		return contactsPage(draft.get(), model, contacts, (contacts.isEmpty() || add) ? 1 : 0);
	}

	@PostMapping("/contacts")
	String saveContacts(@ModelAttribute("contactsForm") ContactsForm form, BindingResult binding,
			@RequestParam(name = "action", defaultValue = "suivant") String action,
			@RequestParam(name = "retirer", required = false) String remove,
			@RequestParam(name = "nomDansAdresseVu", defaultValue = "false") boolean nameInAddressSeen,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		List<ContactAnswers> contacts = form.without(remove);
		ContactsForm saved = new ContactsForm(contacts);
		BindingResult errors = this.check.checked(saved);
		if (Forms.hasUnsafeText(errors)) {
			Optional<Draft> draft = this.drafts.open(request);
			if (draft.isEmpty()) {
				return "redirect:/recensement";
			}
			model.addAllAttributes(Forms.rebound("contactsForm", saved, errors));
			return contactsPage(draft.get(), model, contacts, 0);
		}
		Draft draft = save(request, response, (answers) -> answers.withContacts(contacts));
		if (remove != null || "ajouter".equals(action)) {
			return "redirect:/recensement/contacts" + ("ajouter".equals(action) ? "?ajout=true" : "");
		}
		if (errors.hasErrors()) {
			model.addAllAttributes(Forms.rebound("contactsForm", saved, errors));
			return contactsPage(draft, model, contacts, contacts.isEmpty() ? 1 : 0);
		}
		if (!nameInAddressSeen && contacts.stream()
			.anyMatch((c) -> c.publishEmail() && !c.publishName()
					&& this.nameInAddress.spells(c.fullName(), c.email()))) {
			// said once, before going on: the address will not be published
			model.addAttribute("contactsForm", saved);
			model.addAttribute("nameInAddressWarning", true);
			return contactsPage(draft, model, contacts, 0);
		}
		return "redirect:/recensement/projets";
	}

	/**
	 * Saves into the browser's draft; a browser that lost its draft gets a new one
	 * holding what it sent.
	 */
	private Draft save(HttpServletRequest request, HttpServletResponse response,
			java.util.function.UnaryOperator<CensusAnswers> change) {
		Optional<Draft> current = this.drafts.open(request);
		Draft draft = current.orElseGet(() -> {
			if (!this.limits.tryAcquire(RateLimits.Kind.START, request.getRemoteAddr())) {
				throw new TooManyRequestsException();
			}
			return this.drafts.start(request, response, null, null, CensusAnswers.empty());
		});
		return this.drafts.save(draft, change).orElse(draft);
	}

	private String structurePage(Draft draft, Model model) {
		model.addAllAttributes(this.forms.structureChoices());
		model.addAttribute("draft", draft);
		model.addAttribute("step", "structure");
		StructureAnswers structure = (StructureAnswers) model.getAttribute("structure");
		if (structure != null) {
			model.addAttribute("selectedInsee", structure.communeInsee());
			if (Text.isBlank(structure.communeInsee())) {
				model.addAttribute("communeOptions",
						this.communes.find(structure.postalCode(), structure.communeName()));
			}
		}
		return "census/structure";
	}

	/**
	 * The persons saved, then as many blank blocks as asked, each with its key already.
	 */
	private String contactsPage(Draft draft, Model model, List<ContactAnswers> contacts, int blanks) {
		model.addAllAttributes(this.forms.campaign());
		model.addAttribute("draft", draft);
		model.addAttribute("step", "contacts");
		model.addAllAttributes(this.forms.contactRows(contacts, blanks));
		return "census/contacts";
	}

}
