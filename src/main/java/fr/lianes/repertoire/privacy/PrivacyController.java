package fr.lianes.repertoire.privacy;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import fr.lianes.repertoire.mail.MailOutbox;
import fr.lianes.repertoire.privacy.DataRequests.Kind;
import fr.lianes.repertoire.privacy.DataRequests.Request;
import fr.lianes.repertoire.web.Organisation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The privacy notice, and a person's requests for a copy or the erasure of what the
 * directory holds about their address.
 */
@Controller
class PrivacyController {

	static final String PATH = "/donnees-personnelles";

	private final PersonalData personalData;

	private final PrivacySettings settings;

	private final Organisation organisation;

	private final Duration draftValidity;

	private final String noticeVersion;

	PrivacyController(PersonalData personalData, PrivacySettings settings, Organisation organisation,
			@Value("${repertoire.census.draft-validity:30d}") Duration draftValidity,
			@Value("${repertoire.census.notice-version:}") String noticeVersion) {
		this.personalData = personalData;
		this.settings = settings;
		this.organisation = organisation;
		this.draftValidity = draftValidity;
		this.noticeVersion = noticeVersion;
	}

	@GetMapping(PATH)
	String notice(Model model) {
		Object[] org = this.organisation.messageArguments();
		PrivacySettings.Retention keep = this.settings.retention();
		Object[] args = new Object[org.length + 10];
		System.arraycopy(org, 0, args, 0, org.length);
		args[8] = days(keep.drafts());
		args[9] = days(keep.links());
		args[10] = days(keep.mails());
		args[11] = days(keep.refusedResponses());
		args[12] = days(keep.signInTraces());
		args[13] = days(keep.requests());
		args[14] = String.valueOf(this.settings.linkValidity().toHours());
		args[15] = days(this.draftValidity);
		args[16] = this.noticeVersion;
		args[17] = days(keep.erasedConsents());
		model.addAttribute("args", args);
		return "pages/privacy";
	}

	@GetMapping(PATH + "/demande")
	String requestForm(@RequestParam(name = "objet", required = false) String kind, Model model) {
		model.addAttribute("kind", ("effacement".equals(kind)) ? "effacement" : "copie");
		return "privacy/request";
	}

	@PostMapping(PATH + "/demande")
	String ask(@RequestParam(name = "email", required = false) String email,
			@RequestParam(name = "objet", required = false) String kind, Locale locale, Model model) {
		String address = (email != null) ? email.strip() : "";
		model.addAttribute("email", address);
		model.addAttribute("kind", kind);
		if (address.isEmpty()) {
			model.addAttribute("emailError", "privacy.request.email.missing");
		}
		else if (address.length() > 254 || !MailOutbox.isDeliverable(address)) {
			model.addAttribute("emailError", "privacy.request.email.invalid");
		}
		if (!"copie".equals(kind) && !"effacement".equals(kind)) {
			model.addAttribute("kindError", "privacy.request.kind.missing");
		}
		if (model.containsAttribute("emailError") || model.containsAttribute("kindError")) {
			return "privacy/request";
		}
		this.personalData.ask("copie".equals(kind) ? Kind.ACCESS : Kind.ERASURE, address, locale);
		model.addAttribute("sent", true);
		return "privacy/request";
	}

	@GetMapping(PersonalData.CONFIRM_PATH)
	String confirmation(@RequestParam(name = "jeton", required = false) String token, HttpServletResponse response,
			Model model) {
		noReferrer(response);
		Optional<Request> request = this.personalData.pending(token);
		if (request.isEmpty()) {
			response.setStatus(HttpStatus.GONE.value());
		}
		model.addAttribute("request", request.orElse(null));
		model.addAttribute("token", token);
		return "privacy/confirm";
	}

	@PostMapping(PersonalData.CONFIRM_PATH)
	String confirm(@RequestParam(name = "jeton", required = false) String token, HttpServletResponse response,
			Locale locale, Model model) {
		noReferrer(response);
		Optional<Request> done = this.personalData.carryOut(token, locale);
		if (done.isEmpty()) {
			response.setStatus(HttpStatus.GONE.value());
		}
		model.addAttribute("done", done.orElse(null));
		return "privacy/confirm";
	}

	private static String days(Duration duration) {
		return String.valueOf(Math.max(1, duration.toDays()));
	}

	/** The token is in this page's address: it must not leave in a Referer header. */
	private static void noReferrer(HttpServletResponse response) {
		response.setHeader("Referrer-Policy", "no-referrer");
	}

}
