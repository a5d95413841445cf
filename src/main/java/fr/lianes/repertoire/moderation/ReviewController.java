package fr.lianes.repertoire.moderation;

import java.security.Principal;
import java.util.Optional;

import fr.lianes.repertoire.census.StructureAnswers;
import fr.lianes.repertoire.census.SubmissionReview;
import fr.lianes.repertoire.census.SubmissionReview.Decision;
import fr.lianes.repertoire.census.SubmissionReview.DecisionOutcome;
import fr.lianes.repertoire.census.SubmissionReview.Review;
import fr.lianes.repertoire.history.History;
import fr.lianes.repertoire.history.History.Subject;
import fr.lianes.repertoire.moderation.duplicates.DuplicateSuspects;
import fr.lianes.repertoire.web.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One census response, field by field against the entry it changes, and the moderator's
 * decision: approve, reject with a reason, or ask its author for changes.
 */
@Controller
class ReviewController {

	private static final int MAX_MESSAGE = 2000;

	private final SubmissionReview reviews;

	private final DuplicateSuspects duplicates;

	private final History history;

	ReviewController(SubmissionReview reviews, DuplicateSuspects duplicates, History history) {
		this.reviews = reviews;
		this.duplicates = duplicates;
		this.history = history;
	}

	@GetMapping("/moderation/soumissions/{id}")
	String review(@PathVariable String id, Model model) {
		return page(find(id), model);
	}

	/** The review page: the response, and the entries it may duplicate. */
	private String page(Review review, Model model) {
		StructureAnswers s = review.answers().structure();
		String siret = (s.siret() != null) ? s.siret().replaceAll("[^0-9]", "") : "";
		model.addAttribute("review", review);
		model.addAttribute("mergedSince", review.actorId() != null && this.history.of(Subject.ACTOR, review.actorId())
			.stream()
			.anyMatch((entry) -> "MERGED".equals(entry.action()) && entry.changedAt().isAfter(review.startedAt())));
		model.addAttribute("siren", (siret.length() >= 9) ? siret.substring(0, 9) : siret);
		model.addAttribute("suspects",
				this.duplicates.suspectsFor(siret, s.rna(), s.name(), s.communeInsee(), review.actorId()));
		return "moderation/review";
	}

	@PostMapping("/moderation/soumissions/{id}/approuver")
	String approve(@PathVariable String id, @RequestParam(defaultValue = "-1") int version,
			@RequestParam(name = "versionFiche", required = false) Integer entryVersion, Principal staff, Model model,
			RedirectAttributes redirect) {
		Review review = find(id);
		Decision decision = this.reviews.approve(review.id(), version, entryVersion, staff.getName());
		if (decision.outcome() == DecisionOutcome.ENTRY_CHANGED) {
			redirect.addFlashAttribute("decisionError", "moderation.review.entry-changed");
			return "redirect:/moderation/soumissions/" + review.id();
		}
		if (decision.outcome() == DecisionOutcome.INVALID) {
			model.addAttribute("decisionError", "moderation.review.invalid");
			return page(review, model);
		}
		return decided(review, decision, "moderation.review.approved", redirect);
	}

	@PostMapping("/moderation/soumissions/{id}/refuser")
	String reject(@PathVariable String id, @RequestParam(defaultValue = "-1") int version,
			@RequestParam(name = "motif", required = false) String reason, Principal staff, Model model,
			RedirectAttributes redirect) {
		Review review = find(id);
		Optional<String> problem = messageProblem(reason);
		if (problem.isPresent()) {
			return again(review, model, "reasonError", problem.get(), reason);
		}
		return decided(review, this.reviews.reject(review.id(), version, staff.getName(), reason.strip()),
				"moderation.review.rejected", redirect);
	}

	@PostMapping("/moderation/soumissions/{id}/modifications")
	String requestChanges(@PathVariable String id, @RequestParam(defaultValue = "-1") int version,
			@RequestParam(name = "demande", required = false) String request, Principal staff, Model model,
			RedirectAttributes redirect) {
		Review review = find(id);
		Optional<String> problem = messageProblem(request);
		if (problem.isPresent()) {
			return again(review, model, "requestError", problem.get(), request);
		}
		return decided(review, this.reviews.requestChanges(review.id(), version, staff.getName(), request.strip()),
				"moderation.review.changes-requested", redirect);
	}

	private String decided(Review review, Decision decision, String notice, RedirectAttributes redirect) {
		if (decision.outcome() == DecisionOutcome.STALE) {
			redirect.addFlashAttribute("decisionError", "moderation.review.stale");
			return "redirect:/moderation/soumissions/" + review.id();
		}
		redirect.addFlashAttribute("notice", notice);
		redirect.addFlashAttribute("noticeArg", review.name());
		return "redirect:/moderation";
	}

	private String again(Review review, Model model, String errorAttribute, String errorKey, String typed) {
		model.addAttribute(errorAttribute, errorKey);
		model.addAttribute(errorAttribute + "Text", typed);
		return page(review, model);
	}

	/** A reason or request: required, bounded, plain text (it goes into an email). */
	private static Optional<String> messageProblem(String text) {
		if (text == null || text.isBlank()) {
			return Optional.of("moderation.review.message-required");
		}
		if (text.length() > MAX_MESSAGE) {
			return Optional.of("moderation.review.message-too-long");
		}
		if (text.chars().anyMatch((c) -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
			return Optional.of("moderation.review.message-invalid");
		}
		return Optional.empty();
	}

	private Review find(String id) {
		if (!id.matches("[0-9]{1,18}")) {
			throw new NotFoundException();
		}
		return this.reviews.review(Long.parseLong(id)).orElseThrow(NotFoundException::new);
	}

}
