package fr.lianes.repertoire.moderation;

import java.security.Principal;
import java.util.List;
import java.util.Locale;

import fr.lianes.repertoire.census.EntryEditing;
import fr.lianes.repertoire.census.ContactAnswers;
import fr.lianes.repertoire.census.ContactsForm;
import fr.lianes.repertoire.census.EntryEditing.ActorForm;
import fr.lianes.repertoire.census.EntryEditing.ContactsEdit;
import fr.lianes.repertoire.census.EntryEditing.EditOutcome;
import fr.lianes.repertoire.census.EntryEditing.ProjectForm;
import fr.lianes.repertoire.census.EntryEditing.Saved;
import fr.lianes.repertoire.census.ProjectAnswers;
import fr.lianes.repertoire.census.Responses;
import fr.lianes.repertoire.census.StructureAnswers;
import fr.lianes.repertoire.directory.ActorStatus;
import fr.lianes.repertoire.directory.EntryLookups;
import fr.lianes.repertoire.history.History;
import fr.lianes.repertoire.history.History.Subject;
import fr.lianes.repertoire.web.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The directory's entries in the back office: finding an actor, its page with its
 * history, editing it or one of its projects, its status and its publication. A save made
 * over a newer version shows both versions instead of overwriting.
 */
@Controller
class EntryController {

	private static final int FOUND_LIMIT = 50;

	private static final int RESPONSES_LIMIT = 20;

	private final EntryEditing editing;

	private final History history;

	private final EntryLookups lookups;

	private final Responses responses;

	EntryController(EntryEditing editing, History history, EntryLookups lookups, Responses responses) {
		this.editing = editing;
		this.history = history;
		this.lookups = lookups;
		this.responses = responses;
	}

	/** Actors by name (all of them, published or not), or the latest changed. */
	@GetMapping("/moderation/acteurs")
	String actors(@RequestParam(name = "q", required = false) String query, Model model) {
		String q = (query != null) ? query.strip() : "";
		if (q.length() > 200) {
			q = q.substring(0, 200);
		}
		model.addAttribute("q", q);
		model.addAttribute("found", this.lookups.find(q, FOUND_LIMIT));
		return "moderation/actors";
	}

	@GetMapping("/moderation/acteurs/{id}")
	String actor(@PathVariable String id, Model model) {
		ActorForm actor = actorForm(id);
		model.addAttribute("actor", actor);
		model.addAttribute("statuses", ActorStatus.values());
		model.addAttribute("history", HistoryView.of(this.history.of(Subject.ACTOR, actor.id())));
		model.addAttribute("projects", this.lookups.projectsLedBy(actor.id()));
		model.addAttribute("submissions", this.responses.ofActor(actor.id(), RESPONSES_LIMIT));
		return "moderation/actor";
	}

	@GetMapping("/moderation/acteurs/{id}/modifier")
	String editActor(@PathVariable String id, Model model) {
		ActorForm actor = actorForm(id);
		return actorEditPage(actor, actor.version(), actor.structure(), model);
	}

	@PostMapping("/moderation/acteurs/{id}/modifier")
	String saveActor(@PathVariable String id, @RequestParam(defaultValue = "-1") int version,
			@ModelAttribute("structure") StructureAnswers typed, BindingResult binding, Principal staff, Model model,
			RedirectAttributes redirect) {
		ActorForm actor = actorForm(id);
		StructureAnswers structure = this.editing.resolved(typed);
		Saved<ActorForm> saved = this.editing.saveActor(actor.id(), version, structure, staff.getName());
		switch (saved.outcome()) {
			case SAVED -> {
				redirect.addFlashAttribute("notice", "moderation.entry.saved");
				return "redirect:/moderation/acteurs/" + actor.id();
			}
			case INVALID -> {
				model.addAttribute("org.springframework.validation.BindingResult.structure", saved.errors());
				return actorEditPage(actor, version, structure, model);
			}
			case CONFLICT -> {
				model.addAttribute("conflict", saved.differences());
				return actorEditPage(saved.current(), saved.current().version(), structure, model);
			}
			default -> throw new NotFoundException();
		}
	}

	@GetMapping("/moderation/acteurs/{id}/contacts")
	String editContacts(@PathVariable String id, Model model) {
		ContactsEdit actor = contactsEdit(id);
		return contactsPage(actor, actor.version(), actor.contacts(), actor.contacts().isEmpty() ? 1 : 0, model);
	}

	@PostMapping("/moderation/acteurs/{id}/contacts")
	String saveContacts(@PathVariable String id, @RequestParam(defaultValue = "-1") int version,
			@RequestParam(name = "action", defaultValue = "enregistrer") String action,
			@RequestParam(name = "retirer", required = false) String remove,
			@ModelAttribute("contactsForm") ContactsForm form, BindingResult binding, Principal staff, Model model,
			RedirectAttributes redirect) {
		ContactsEdit actor = contactsEdit(id);
		List<ContactAnswers> contacts = this.editing.sent(form, remove);
		if (remove != null || "ajouter".equals(action)) {
			return contactsPage(actor, version, contacts, "ajouter".equals(action) ? 1 : 0, model);
		}
		Saved<ContactsEdit> saved = this.editing.saveContacts(actor.id(), version, contacts, staff.getName());
		switch (saved.outcome()) {
			case SAVED -> {
				redirect.addFlashAttribute("notice", "moderation.entry.saved");
				return "redirect:/moderation/acteurs/" + actor.id();
			}
			case INVALID -> {
				model.addAttribute("org.springframework.validation.BindingResult.contactsForm", saved.errors());
				return contactsPage(actor, version, contacts, 0, model);
			}
			case CONFLICT -> {
				model.addAttribute("conflictItems", saved.items());
				return contactsPage(saved.current(), saved.current().version(), contacts, 0, model);
			}
			default -> throw new NotFoundException();
		}
	}

	@PostMapping("/moderation/acteurs/{id}/statut")
	String status(@PathVariable String id, @RequestParam(defaultValue = "-1") int version,
			@RequestParam(name = "statut", required = false) String status, Principal staff,
			RedirectAttributes redirect) {
		ActorForm actor = actorForm(id);
		ActorStatus chosen = parse(status);
		EditOutcome outcome = (chosen == null) ? EditOutcome.INVALID
				: this.editing.status(actor.id(), version, chosen, staff.getName());
		return afterChange(outcome, "/moderation/acteurs/" + actor.id(), "moderation.entry.status-saved",
				"moderation.entry.status-invalid", redirect);
	}

	@PostMapping("/moderation/acteurs/{id}/publication")
	String publication(@PathVariable String id, @RequestParam(defaultValue = "-1") int version,
			@RequestParam(name = "publier", defaultValue = "false") boolean publish, Principal staff,
			RedirectAttributes redirect) {
		ActorForm actor = actorForm(id);
		EditOutcome outcome = this.editing.publication(actor.id(), version, publish, staff.getName());
		return afterChange(outcome, "/moderation/acteurs/" + actor.id(),
				publish ? "moderation.entry.published" : "moderation.entry.unpublished", "moderation.entry.no-consent",
				redirect);
	}

	@GetMapping("/moderation/projets/{id}")
	String project(@PathVariable String id, Model model) {
		ProjectForm project = projectForm(id);
		model.addAttribute("projectForm", project);
		model.addAttribute("history", HistoryView.of(this.history.of(Subject.PROJECT, project.id())));
		return "moderation/project";
	}

	@GetMapping("/moderation/projets/{id}/modifier")
	String editProject(@PathVariable String id, Model model) {
		ProjectForm project = projectForm(id);
		return projectEditPage(project, project.version(), project.project(), 0, model);
	}

	@PostMapping("/moderation/projets/{id}/modifier")
	String saveProject(@PathVariable String id, @RequestParam(defaultValue = "-1") int version,
			@RequestParam(name = "action", required = false) String action,
			@ModelAttribute("project") ProjectAnswers typed, BindingResult binding, Principal staff, Model model,
			RedirectAttributes redirect) {
		ProjectForm project = projectForm(id);
		if ("partenaires".equals(action)) {
			return projectEditPage(project, version, typed, 1, model);
		}
		Saved<ProjectForm> saved = this.editing.saveProject(project.id(), version, typed, staff.getName());
		switch (saved.outcome()) {
			case SAVED -> {
				redirect.addFlashAttribute("notice", "moderation.entry.saved");
				return "redirect:/moderation/projets/" + project.id();
			}
			case INVALID -> {
				model.addAttribute("org.springframework.validation.BindingResult.project", saved.errors());
				return projectEditPage(project, version, typed, 0, model);
			}
			case CONFLICT -> {
				model.addAttribute("conflict", saved.differences());
				return projectEditPage(saved.current(), saved.current().version(), typed, 0, model);
			}
			default -> throw new NotFoundException();
		}
	}

	@PostMapping("/moderation/projets/{id}/publication")
	String projectPublication(@PathVariable String id, @RequestParam(defaultValue = "-1") int version,
			@RequestParam(name = "publier", defaultValue = "false") boolean publish, Principal staff,
			RedirectAttributes redirect) {
		ProjectForm project = projectForm(id);
		EditOutcome outcome = this.editing.projectPublication(project.id(), version, publish, staff.getName());
		return afterChange(outcome, "/moderation/projets/" + project.id(),
				publish ? "moderation.entry.published" : "moderation.entry.unpublished", null, redirect);
	}

	private String actorEditPage(ActorForm actor, int version, StructureAnswers structure, Model model) {
		model.addAttribute("actor", actor);
		model.addAttribute("version", version);
		model.addAttribute("structure", structure);
		model.addAllAttributes(this.editing.structureChoices(structure));
		return "moderation/actor-edit";
	}

	private String contactsPage(ContactsEdit actor, int version, List<ContactAnswers> contacts, int blanks,
			Model model) {
		model.addAttribute("actor", actor);
		model.addAttribute("version", version);
		if (!model.containsAttribute("contactsForm")) {
			model.addAttribute("contactsForm", new ContactsForm(contacts));
		}
		model.addAllAttributes(this.editing.contactRows(contacts, blanks));
		return "moderation/contacts-edit";
	}

	private String projectEditPage(ProjectForm project, int version, ProjectAnswers answers, int moreRows,
			Model model) {
		model.addAttribute("projectForm", project);
		model.addAttribute("version", version);
		model.addAttribute("project", answers);
		model.addAllAttributes(this.editing.projectChoices(answers, moreRows));
		return "moderation/project-edit";
	}

	private static String afterChange(EditOutcome outcome, String page, String done, String invalid,
			RedirectAttributes redirect) {
		switch (outcome) {
			case SAVED -> redirect.addFlashAttribute("notice", done);
			case CONFLICT -> redirect.addFlashAttribute("changeError", "moderation.entry.changed-meanwhile");
			case INVALID -> redirect.addFlashAttribute("changeError", invalid);
			default -> throw new NotFoundException();
		}
		return "redirect:" + page;
	}

	private ActorForm actorForm(String id) {
		return this.editing.actor(parseId(id)).orElseThrow(NotFoundException::new);
	}

	private ContactsEdit contactsEdit(String id) {
		return this.editing.contacts(parseId(id)).orElseThrow(NotFoundException::new);
	}

	private ProjectForm projectForm(String id) {
		return this.editing.project(parseId(id)).orElseThrow(NotFoundException::new);
	}

	private static long parseId(String id) {
		if (!id.matches("[0-9]{1,18}")) {
			throw new NotFoundException();
		}
		return Long.parseLong(id);
	}

	private static ActorStatus parse(String status) {
		if (status == null) {
			return null;
		}
		return List.of(ActorStatus.values())
			.stream()
			.filter((s) -> s.name().equals(status.toUpperCase(Locale.ROOT)))
			.findFirst()
			.orElse(null);
	}

}
