package fr.lianes.repertoire.census;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import fr.lianes.repertoire.directory.EntryLookups;
import fr.lianes.repertoire.directory.EntryLookups.ActorRef;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The emailed links: asking for an update link, opening a link (a page with a button:
 * mail scanners follow links, people press buttons), and withdrawing consent.
 */
@Controller
@RequestMapping("/recensement")
class CensusLinksController {

	private final AccessLinks links;

	private final Drafts drafts;

	private final EntryAnswers entries;

	private final EntryLookups lookups;

	private final CensusService census;

	private final RateLimits limits;

	private final CensusForms forms;

	CensusLinksController(AccessLinks links, Drafts drafts, EntryAnswers entries, EntryLookups lookups,
			CensusService census, RateLimits limits, CensusForms forms) {
		this.links = links;
		this.drafts = drafts;
		this.entries = entries;
		this.lookups = lookups;
		this.census = census;
		this.limits = limits;
		this.forms = forms;
	}

	/**
	 * The update request; from an actor's page ({@code acteur}: its slug), for that
	 * actor.
	 */
	@GetMapping("/mise-a-jour")
	String updateRequest(@RequestParam(name = "acteur", required = false) String slug, Model model) {
		model.addAllAttributes(this.forms.campaign());
		updatedActor(slug, model);
		return "census/update";
	}

	/** Answers the same whether or not the address is known. */
	@PostMapping("/mise-a-jour")
	String sendUpdateLink(@RequestParam(name = "email", required = false) String email,
			@RequestParam(name = "acteur", required = false) String slug,
			@RequestParam(name = CensusController.HONEYPOT, required = false) String honeypot,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		model.addAllAttributes(this.forms.campaign());
		Optional<ActorRef> actor = updatedActor(slug, model);
		model.addAttribute("email", email);
		if (!Emails.isValid(email)) {
			model.addAttribute("emailError", Text.isBlank(email) ? "census.error.required" : "census.error.email");
			return "census/update";
		}
		if (!this.limits.tryAcquire(RateLimits.Kind.LINK_REQUEST_IP, request.getRemoteAddr())) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			model.addAttribute("emailError", "census.error.too-many-requests");
			return "census/update";
		}
		if (Text.isBlank(honeypot) && this.limits.tryAcquire(RateLimits.Kind.LINK_EMAIL, email)) {
			if (actor.isPresent()) {
				this.census.sendUpdateLink(email.strip(), actor.get().id());
			}
			else {
				this.census.sendUpdateLinks(email.strip());
			}
		}
		model.addAttribute("sent", true);
		return "census/update";
	}

	@GetMapping("/lien")
	String link(@RequestParam(name = "jeton", required = false) String token, HttpServletResponse response,
			Model model) {
		noReferrer(response);
		Optional<AccessLinks.Link> link = this.links.peek(token)
			.filter((l) -> l.purpose() != AccessLinks.Purpose.WITHDRAW);
		link.ifPresent((l) -> {
			model.addAttribute("link", l);
			model.addAttribute("token", token);
			if (l.actorId() != null) {
				model.addAttribute("actorName", this.lookups.actor(l.actorId()).map(ActorRef::name).orElse(null));
			}
		});
		if (link.isEmpty()) {
			response.setStatus(HttpStatus.GONE.value());
		}
		return "census/link";
	}

	@PostMapping("/lien")
	String useLink(@RequestParam(name = "jeton", required = false) String token, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		noReferrer(response);
		Optional<AccessLinks.Link> link = this.links.peek(token)
			.filter((l) -> l.purpose() != AccessLinks.Purpose.WITHDRAW)
			.flatMap((l) -> this.links.consume(token));
		if (link.isEmpty()) {
			response.setStatus(HttpStatus.GONE.value());
			return "census/link";
		}
		AccessLinks.Link used = link.get();
		if (used.purpose() == AccessLinks.Purpose.RESUME_DRAFT) {
			this.drafts.resume(used.submissionId(), request, response);
			redirect.addFlashAttribute("notice", "census.notice.resumed");
			return "redirect:/recensement/structure";
		}
		Optional<CensusAnswers> entry = this.entries.answers(used.actorId(), used.email());
		if (entry.isEmpty()) {
			response.setStatus(HttpStatus.GONE.value());
			return "census/link";
		}
		this.drafts.start(request, response, used.email(), used.actorId(), entry.get());
		redirect.addFlashAttribute("notice", "census.notice.update-started");
		return "redirect:/recensement/structure";
	}

	@GetMapping("/retrait")
	String withdrawal(@RequestParam(name = "jeton", required = false) String token, HttpServletResponse response,
			Model model) {
		noReferrer(response);
		Optional<AccessLinks.Link> link = this.links.peek(token)
			.filter((l) -> l.purpose() == AccessLinks.Purpose.WITHDRAW);
		if (link.isEmpty()) {
			response.setStatus(HttpStatus.GONE.value());
		}
		model.addAttribute("link", link.orElse(null));
		model.addAttribute("token", token);
		return "census/withdraw";
	}

	@PostMapping("/retrait")
	String withdraw(@RequestParam(name = "jeton", required = false) String token, HttpServletResponse response,
			Model model) {
		noReferrer(response);
		Optional<AccessLinks.Link> link = this.links.peek(token)
			.filter((l) -> l.purpose() == AccessLinks.Purpose.WITHDRAW)
			.flatMap((l) -> this.links.consume(token));
		if (link.isEmpty()) {
			response.setStatus(HttpStatus.GONE.value());
			return "census/withdraw";
		}
		this.census.withdraw(link.get().email());
		model.addAttribute("withdrawn", true);
		return "census/withdraw";
	}

	/** The published actor the request is for, if any, named on the page. */
	private Optional<ActorRef> updatedActor(String slug, Model model) {
		Optional<ActorRef> actor = (slug != null && slug.matches("[a-z0-9-]{1,160}")) ? this.lookups.published(slug)
				: Optional.empty();
		actor.ifPresent((known) -> {
			model.addAttribute("updatedName", known.name());
			model.addAttribute("updatedSlug", slug);
		});
		return actor;
	}

	/** The token is in this page's address: it must not leave in a Referer header. */
	private static void noReferrer(HttpServletResponse response) {
		response.setHeader("Referrer-Policy", "no-referrer");
	}

}
