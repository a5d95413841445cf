package fr.lianes.repertoire.moderation.duplicates;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import fr.lianes.repertoire.directory.ActorCard;
import fr.lianes.repertoire.directory.DuplicateActors;
import fr.lianes.repertoire.directory.Entries;
import fr.lianes.repertoire.directory.EntryCommands.MergeActors;
import fr.lianes.repertoire.directory.EntryCommands.Merged;
import fr.lianes.repertoire.directory.MergeConflictException;
import fr.lianes.repertoire.web.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Merging two actors: both side by side, the moderator picks the one to keep and
 * confirms; a change made to either meanwhile stops the merge.
 */
@Controller
class MergeController {

	private final DuplicateActors actors;

	private final Entries entries;

	MergeController(DuplicateActors actors, Entries entries) {
		this.actors = actors;
		this.entries = entries;
	}

	@GetMapping("/moderation/doublons/fusion")
	String compare(@RequestParam("a") long a, @RequestParam("b") long b, Model model) {
		Map<Long, ActorCard> both = both(a, b);
		ActorCard first = both.get(a);
		ActorCard second = both.get(b);
		model.addAttribute("mergeForm", new MergeForm(a, b, first.version(), second.version(), null));
		return page(first, second, model);
	}

	@PostMapping("/moderation/doublons/fusion")
	String merge(@Valid @ModelAttribute("mergeForm") MergeForm form, BindingResult errors, Authentication staff,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Map<Long, ActorCard> both = (form.a() != null && form.b() != null && !form.a().equals(form.b()))
				? this.actors.cards(Set.of(form.a(), form.b())) : Map.of();
		if (both.size() != 2) {
			// merged or deleted by someone else meanwhile
			redirect.addFlashAttribute("mergeGone", true);
			return "redirect:/moderation/doublons";
		}
		if (!errors.hasFieldErrors("survivor") && form.survivor() != null && !form.survivor().equals(form.a())
				&& !form.survivor().equals(form.b())) {
			errors.rejectValue("survivor", "duplicates.merge.survivor.required");
		}
		if (errors.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
			if (errors.getFieldErrors().stream().anyMatch((error) -> !error.getField().equals("survivor"))) {
				// the hidden fields were tampered with or cut: start again from what is
				// there now
				model.addAttribute("incomplete", true);
				model.addAttribute("mergeForm", new MergeForm(form.a(), form.b(), both.get(form.a()).version(),
						both.get(form.b()).version(), null));
			}
			return page(both.get(form.a()), both.get(form.b()), model);
		}
		try {
			Merged result = this.entries.merge(new MergeActors(form.survivor(), form.survivorVersion(), form.merged(),
					form.mergedVersion(), staff.getName()));
			redirect.addFlashAttribute("merged", result);
			return "redirect:/moderation/doublons?acteur=" + result.survivorId();
		}
		catch (MergeConflictException ex) {
			// both as they are now, with their current versions: a new confirmation
			// merges them
			Map<Long, ActorCard> now = this.actors.cards(Set.of(form.a(), form.b()));
			if (now.size() != 2) {
				redirect.addFlashAttribute("mergeGone", true);
				return "redirect:/moderation/doublons";
			}
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("conflict", true);
			model.addAttribute("mergeForm", new MergeForm(form.a(), form.b(), now.get(form.a()).version(),
					now.get(form.b()).version(), form.survivor()));
			return page(now.get(form.a()), now.get(form.b()), model);
		}
	}

	private String page(ActorCard first, ActorCard second, Model model) {
		model.addAttribute("first", first);
		model.addAttribute("second", second);
		model.addAttribute("fields", List.of(field("acronym", first, second, ActorCard::acronym),
				field("type", first, second, ActorCard::typeName),
				field("commune", first, second, (c) -> c.communeName() + " (" + c.communeInsee() + ")"),
				field("siret", first, second, ActorCard::sirenSiret), field("rna", first, second, ActorCard::rna),
				field("address", first, second, MergeController::address),
				field("website", first, second, ActorCard::website), field("email", first, second, ActorCard::email),
				field("phone", first, second, ActorCard::phone),
				field("founding-year", first, second, (c) -> Objects.toString(c.foundingYear(), null))));
		return "moderation/duplicates/merge";
	}

	/** One line of the comparison: a field's value in each actor, null when empty. */
	record Field(String name, String first, String second) {
	}

	private static Field field(String name, ActorCard first, ActorCard second, Function<ActorCard, String> value) {
		return new Field(name, blankToNull(value.apply(first)), blankToNull(value.apply(second)));
	}

	private static String address(ActorCard card) {
		return (Objects.toString(card.addressLine(), "") + " " + Objects.toString(card.postalCode(), "")).strip();
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	/** Both actors, or the not-found page if they are one or either does not exist. */
	private Map<Long, ActorCard> both(long a, long b) {
		Map<Long, ActorCard> both = (a != b) ? this.actors.cards(Set.of(a, b)) : Map.of();
		if (both.size() != 2) {
			throw new NotFoundException();
		}
		return both;
	}

}
