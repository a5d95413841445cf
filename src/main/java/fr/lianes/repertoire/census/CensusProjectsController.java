package fr.lianes.repertoire.census;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import fr.lianes.repertoire.web.NotFoundException;

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
 * The projects step: the list, and one page per project. A new project gets its key when
 * its page is shown, so the same page sent twice saves one project.
 */
@Controller
@RequestMapping("/recensement/projets")
class CensusProjectsController {

	private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9]{1,39}");

	private static final int BLANK_PARTNER_ROWS = 2;

	private final Drafts drafts;

	private final AnswersCheck check;

	private final CensusForms forms;

	CensusProjectsController(Drafts drafts, AnswersCheck check, CensusForms forms) {
		this.drafts = drafts;
		this.check = check;
		this.forms = forms;
	}

	@GetMapping
	String list(HttpServletRequest request, Model model) {
		Optional<Draft> draft = this.drafts.open(request);
		if (draft.isEmpty()) {
			return "redirect:/recensement";
		}
		model.addAllAttributes(this.forms.labels());
		model.addAttribute("draft", draft.get());
		model.addAttribute("step", "projets");
		return "census/projects";
	}

	@GetMapping("/nouveau")
	String add() {
		return "redirect:/recensement/projets/" + EntryAnswers.newKey();
	}

	@GetMapping("/{key}")
	String project(@PathVariable String key, @RequestParam(name = "lignes", defaultValue = "0") int moreRows,
			@RequestParam(name = "verifier", defaultValue = "false") boolean verify, HttpServletRequest request,
			Model model) {
		Optional<Draft> draft = this.drafts.open(request);
		if (draft.isEmpty()) {
			return "redirect:/recensement";
		}
		ProjectAnswers project = draft.get().answers().project(checked(key)).orElse(ProjectAnswers.empty(key));
		model.addAttribute("project", project);
		if (verify) {
			model.addAllAttributes(Forms.rebound("project", project, this.check.checked(project)));
		}
		return projectPage(draft.get(), model, Math.max(0, Math.min(moreRows, 10)));
	}

	@PostMapping("/{key}")
	String save(@PathVariable String key, @ModelAttribute("project") ProjectAnswers typed, BindingResult binding,
			@RequestParam(name = "action", defaultValue = "enregistrer") String action, HttpServletRequest request,
			Model model, RedirectAttributes redirect) {
		ProjectAnswers project = typed.withKey(checked(key)).withoutBlankPartners();
		BindingResult errors = this.check.checked(project);
		Optional<Draft> current = this.drafts.open(request);
		if (current.isEmpty()) {
			return "redirect:/recensement";
		}
		// markup and control characters are shown back with their messages, never saved
		boolean unsafe = Forms.hasUnsafeText(errors);
		Draft draft = unsafe ? current.get()
				: this.drafts.save(current.get(), (answers) -> answers.withProject(project)).orElse(current.get());
		if ("partenaires".equals(action) && !unsafe) {
			return "redirect:/recensement/projets/" + project.key() + "?lignes=" + BLANK_PARTNER_ROWS + "#partenaires";
		}
		if (errors.hasErrors()) {
			model.addAllAttributes(Forms.rebound("project", project, errors));
			return projectPage(draft, model, 0);
		}
		redirect.addFlashAttribute("notice", "census.notice.project-saved");
		redirect.addFlashAttribute("noticeArg", project.title());
		return "redirect:/recensement/projets";
	}

	@PostMapping("/{key}/suppression")
	String remove(@PathVariable String key, HttpServletRequest request, RedirectAttributes redirect) {
		Optional<Draft> draft = this.drafts.open(request);
		if (draft.isPresent()) {
			this.drafts.save(draft.get(), (answers) -> answers.withoutProject(checked(key)));
			redirect.addFlashAttribute("notice", "census.notice.project-removed");
		}
		return "redirect:/recensement/projets";
	}

	private String projectPage(Draft draft, Model model, int moreRows) {
		ProjectAnswers project = (ProjectAnswers) model.getAttribute("project");
		model.addAllAttributes(this.forms.projectChoices(project));
		model.addAllAttributes(this.forms.partnerRows(project, moreRows));
		model.addAttribute("draft", draft);
		model.addAttribute("step", "projets");
		model.addAttribute("isNew", draft.answers().project(project.key()).isEmpty());
		return "census/project";
	}

	private static String checked(String key) {
		if (!KEY.matcher(key).matches()) {
			throw new NotFoundException();
		}
		return key;
	}

}
