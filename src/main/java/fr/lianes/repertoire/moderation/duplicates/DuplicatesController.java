package fr.lianes.repertoire.moderation.duplicates;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import fr.lianes.repertoire.directory.ActorCard;
import fr.lianes.repertoire.directory.DuplicateActors;
import fr.lianes.repertoire.directory.DuplicateActors.Suspect;
import fr.lianes.repertoire.directory.DuplicateActors.Sweep;
import fr.lianes.repertoire.web.NotFoundException;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Suspected duplicates: across the whole directory, a page at a time, or those of one
 * actor; a pair can be dismissed as not a duplicate.
 */
@Controller
class DuplicatesController {

	/** A suspected pair as listed. */
	record Row(ActorCard first, ActorCard second, DuplicateActors.SuspectPair pair) {
	}

	private final DuplicateActors actors;

	private final DuplicateSuspects suspects;

	DuplicatesController(DuplicateActors actors, DuplicateSuspects suspects) {
		this.actors = actors;
		this.suspects = suspects;
	}

	/**
	 * @param motif the sweep: nom (similar names in a commune), siren or rna
	 * @param after where the page starts (a cursor of the previous page)
	 * @param actor a number or a page address: then the page shows that actor's suspects
	 */
	@GetMapping("/moderation/doublons")
	String list(@RequestParam(name = "motif", required = false) String motif,
			@RequestParam(name = "apres", required = false) String after,
			@RequestParam(name = "acteur", required = false) String actor, Model model) {
		if (actor != null) {
			model.addAttribute("actorQuery", actor);
			Optional<ActorCard> card = (actor.isBlank() || actor.length() > 300) ? Optional.empty()
					: this.actors.idOf(actor).flatMap(this.actors::card);
			if (card.isPresent()) {
				List<Suspect> found = this.suspects.suspectsOf(card.get());
				model.addAttribute("actor", card.get());
				model.addAttribute("suspects", found);
				return "moderation/duplicates/actor";
			}
			model.addAttribute("actorError",
					actor.isBlank() ? "duplicates.search.required" : "duplicates.search.not-found");
		}
		Sweep sweep = Sweep.of((motif != null) ? motif : "nom").orElse(null);
		boolean badLink = sweep == null;
		if (badLink) {
			sweep = Sweep.NAME;
		}
		List<String> cursor = null;
		if (after != null && !badLink) {
			cursor = SweepCursor.decode(after, sweep).orElse(null);
			badLink = cursor == null;
		}
		model.addAttribute("badLink", badLink);
		DuplicateActors.Page page = this.actors.page(sweep, cursor);
		model.addAttribute("sweep", sweep.slug());
		model.addAttribute("sweeps", List.of(Sweep.values()).stream().map(Sweep::slug).toList());
		model.addAttribute("rows", rows(this.actors.describe(page.pairs())));
		model.addAttribute("first", cursor == null);
		model.addAttribute("next", (page.next() != null) ? SweepCursor.encode(page.next()) : null);
		model.addAttribute("after", (cursor != null) ? after : null);
		model.addAttribute("threshold", Math.round(DuplicateActors.NAME_SIMILARITY * 100));
		model.addAttribute("scan", DuplicateActors.SCAN);
		model.addAttribute("neighbours", DuplicateActors.NEIGHBOURS);
		return "moderation/duplicates/list";
	}

	/**
	 * Remembers that two actors are not the same structure, then goes back to where the
	 * moderator was.
	 */
	@PostMapping("/moderation/doublons/ecarter")
	String dismiss(@RequestParam("a") long a, @RequestParam("b") long b,
			@RequestParam(name = "acteur", required = false) Long actor,
			@RequestParam(name = "motif", required = false) String motif,
			@RequestParam(name = "apres", required = false) String after, Authentication staff,
			RedirectAttributes redirect) {
		Map<Long, ActorCard> both = this.actors.cards(Set.of(a, b));
		if (a == b || both.size() != 2) {
			throw new NotFoundException();
		}
		this.actors.dismiss(a, b, staff.getName());
		redirect.addFlashAttribute("dismissed", List.of(both.get(a).name(), both.get(b).name()));
		UriComponentsBuilder back = UriComponentsBuilder.fromPath("/moderation/doublons");
		if (actor != null) {
			back.queryParam("acteur", actor);
		}
		else {
			Sweep.of(motif).ifPresent((sweep) -> back.queryParam("motif", sweep.slug()));
			if (after != null && after.matches("[A-Za-z0-9_-]{1,1000}")) {
				back.queryParam("apres", after);
			}
		}
		return "redirect:" + back.build().toUriString();
	}

	private List<Row> rows(List<DuplicateActors.SuspectPair> found) {
		Set<Long> ids = new HashSet<>();
		found.forEach((pair) -> {
			ids.add(pair.first());
			ids.add(pair.second());
		});
		Map<Long, ActorCard> actors = this.actors.cards(ids);
		return found.stream()
			.filter((pair) -> actors.containsKey(pair.first()) && actors.containsKey(pair.second()))
			.map((pair) -> new Row(actors.get(pair.first()), actors.get(pair.second()), pair))
			.toList();
	}

}
