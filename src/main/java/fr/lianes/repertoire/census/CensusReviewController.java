package fr.lianes.repertoire.census;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The last step: everything on one page, the publication consent, then sending. Sending
 * twice (double click, two tabs) sends once.
 */
@Controller
@RequestMapping("/recensement")
class CensusReviewController {

	private final Drafts drafts;

	private final AnswersCheck check;

	private final CensusForms forms;

	private final CensusService census;

	private final RateLimits limits;

	private final CensusProperties properties;

	private final DraftCookie cookie;

	private final Clock clock;

	CensusReviewController(Drafts drafts, AnswersCheck check, CensusForms forms, CensusService census,
			RateLimits limits, CensusProperties properties, DraftCookie cookie, Clock clock) {
		this.clock = clock;
		this.cookie = cookie;
		this.drafts = drafts;
		this.check = check;
		this.forms = forms;
		this.census = census;
		this.limits = limits;
		this.properties = properties;
	}

	@GetMapping("/relecture")
	String review(HttpServletRequest request, Model model) {
		Optional<Draft> draft = this.drafts.open(request);
		if (draft.isEmpty()) {
			return "redirect:/recensement";
		}
		model.addAttribute("publication", consentValue(draft.get().answers().publicationConsent()));
		model.addAttribute("email", draft.get().authorEmail());
		return reviewPage(draft.get(), model);
	}

	@PostMapping("/envoi")
	String send(@RequestParam(name = "publication", required = false) String publication,
			@RequestParam(name = "email", required = false) String email,
			@RequestParam(name = CensusController.HONEYPOT, required = false) String honeypot,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		Optional<Draft> current = this.drafts.current(request);
		if (current.isEmpty() && this.drafts.wasSent(request)) {
			// a second click after the first was received: said so, without the answers
			model.addAllAttributes(this.forms.campaign());
			return "census/received";
		}
		if (current.isEmpty()) {
			return "redirect:/recensement";
		}
		Draft draft = current.get();
		if (!draft.isOpen()) {
			return "redirect:/recensement/merci";
		}
		if (!Text.isBlank(honeypot)) {
			// a robot: it is told what a person is told, and nothing is sent
			model.addAllAttributes(this.forms.campaign());
			return "census/received";
		}
		if (isTooFast(draft)) {
			// a person may be quick, a robot always is: ask to confirm, send nothing yet
			model.addAttribute("publication", publication);
			model.addAttribute("email", (email != null) ? email : draft.authorEmail());
			model.addAttribute("tooFast", true);
			return reviewPage(draft, model);
		}
		String address = Text.isBlank(email) ? draft.authorEmail() : email.strip();
		boolean consentChosen = "oui".equals(publication) || "non".equals(publication);
		List<AnswersCheck.Problem> problems = this.check.all(draft.answers());
		if (!consentChosen || !Emails.isValid(address) || !problems.isEmpty()) {
			if (consentChosen) {
				this.drafts.save(draft,
						(answers) -> answers.withConsent("oui".equals(publication), this.properties.noticeVersion()));
			}
			model.addAttribute("publication", publication);
			model.addAttribute("email", (email != null) ? email : draft.authorEmail());
			model.addAttribute("publicationError", consentChosen ? null : "census.error.publication");
			model.addAttribute("emailError", Emails.isValid(address) ? null
					: (Text.isBlank(address) ? "census.error.required" : "census.error.email"));
			return reviewPage(draft, model);
		}
		if (!this.limits.tryAcquire(RateLimits.Kind.SUBMIT, request.getRemoteAddr())) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			model.addAttribute("publication", publication);
			model.addAttribute("email", address);
			model.addAttribute("tooMany", true);
			return reviewPage(draft, model);
		}
		DraftCookie.Key thanksKey = DraftCookie.Key.random();
		if (!this.census.submit(draft, "oui".equals(publication), address, thanksKey.hash())) {
			// sent at the same moment by another tab or click, which shows the answers
			model.addAllAttributes(this.forms.campaign());
			return "census/received";
		}
		this.cookie.give(request, response, thanksKey);
		return "redirect:/recensement/merci";
	}

	@GetMapping("/merci")
	String thanks(HttpServletRequest request, HttpServletResponse response, Model model) {
		// shown once, with the key given when sending: the answers, contacts included, do
		// not stay readable in this browser nor with any copy of its cookie
		Optional<Draft> draft = this.drafts.takeSent(request);
		if (draft.isEmpty()) {
			return "redirect:/recensement";
		}
		this.cookie.clear(request, response);
		model.addAllAttributes(this.forms.labels());
		model.addAttribute("draft", draft.get());
		return "census/thanks";
	}

	@PostMapping("/lien-de-reprise")
	String sendResumeLink(@RequestParam(name = "email", required = false) String email, HttpServletRequest request,
			RedirectAttributes redirect) {
		Optional<Draft> draft = this.drafts.open(request);
		if (draft.isEmpty()) {
			return "redirect:/recensement";
		}
		String address = Text.isBlank(email) ? draft.get().authorEmail() : email.strip();
		if (!Emails.isValid(address)) {
			redirect.addFlashAttribute("notice", "census.error.resume-email");
			return "redirect:/recensement/relecture";
		}
		if (!this.limits.tryAcquire(RateLimits.Kind.LINK_EMAIL, address)
				|| !this.limits.tryAcquire(RateLimits.Kind.LINK_REQUEST_IP, request.getRemoteAddr())) {
			throw new TooManyRequestsException();
		}
		if (draft.get().authorEmail() == null) {
			this.drafts.setAuthorEmail(draft.get(), address);
		}
		this.census.sendResumeLink(draft.get(), address);
		redirect.addFlashAttribute("notice", "census.notice.resume-link-sent");
		redirect.addFlashAttribute("noticeArg", address);
		return "redirect:/recensement/relecture";
	}

	private String reviewPage(Draft draft, Model model) {
		model.addAllAttributes(this.forms.labels());
		model.addAttribute("draft", draft);
		model.addAttribute("step", "relecture");
		model.addAttribute("problems", this.check.all(draft.answers()));
		return "census/review";
	}

	private boolean isTooFast(Draft draft) {
		Duration spent = Duration.between(draft.createdAt(), OffsetDateTime.now(this.clock));
		return spent.compareTo(this.properties.minimumFillTime()) < 0;
	}

	private static String consentValue(Boolean consent) {
		return (consent == null) ? null : (consent ? "oui" : "non");
	}

}
