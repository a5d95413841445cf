package fr.lianes.repertoire.security;

import java.time.Clock;
import java.util.OptionalLong;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The code of the second factor at sign-in, and its set-up by each staff member.
 */
@Controller
class SecondFactorController {

	private static final int MAX_WRONG_CODES = 5;

	private static final String NEW_SECRET = SecondFactorController.class.getName() + ".secret";

	private final StaffAccounts accounts;

	private final SecondFactor secondFactor;

	private final Clock clock;

	SecondFactorController(StaffAccounts accounts, SecondFactor secondFactor, Clock clock) {
		this.clock = clock;
		this.accounts = accounts;
		this.secondFactor = secondFactor;
	}

	@GetMapping("/connexion/code")
	String codeForm(HttpSession session) {
		return (session.getAttribute(SecondFactor.PENDING) != null) ? "security/code" : "redirect:/connexion";
	}

	@PostMapping("/connexion/code")
	String checkCode(@RequestParam(name = "code", required = false) String code, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		HttpSession session = request.getSession();
		if (!(session.getAttribute(SecondFactor.PENDING) instanceof Authentication pending)) {
			return "redirect:/connexion";
		}
		String secret = this.accounts.byEmail(pending.getName()).map(StaffAccounts.Account::totpSecret).orElse(null);
		OptionalLong step = (secret != null) ? Totp.matchingStep(secret, code, this.clock.instant())
				: OptionalLong.empty();
		if (step.isPresent() && this.accounts.useSecondFactorStep(pending.getName(), step.getAsLong())) {
			this.secondFactor.complete(pending, request, response);
			return "redirect:/moderation";
		}
		int attempts = (int) session.getAttribute(SecondFactor.ATTEMPTS) + 1;
		if (attempts >= MAX_WRONG_CODES) {
			session.invalidate();
			return "redirect:/connexion?erreur";
		}
		session.setAttribute(SecondFactor.ATTEMPTS, attempts);
		model.addAttribute("codeError", true);
		return "security/code";
	}

	@GetMapping("/moderation/compte/double-authentification")
	String setUp(Authentication authentication, HttpSession session, Model model) {
		boolean enabled = this.accounts.byEmail(authentication.getName())
			.map(StaffAccounts.Account::hasSecondFactor)
			.orElse(false);
		model.addAttribute("enabled", enabled);
		if (!enabled) {
			String secret = (String) session.getAttribute(NEW_SECRET);
			if (secret == null) {
				secret = Totp.newSecret();
				session.setAttribute(NEW_SECRET, secret);
			}
			model.addAttribute("secret", secret);
			model.addAttribute("uri", "otpauth://totp/R%C3%A9pertoire:" + authentication.getName() + "?secret=" + secret
					+ "&issuer=R%C3%A9pertoire");
		}
		return "security/second-factor";
	}

	@PostMapping("/moderation/compte/double-authentification")
	String enable(@RequestParam(name = "code", required = false) String code, Authentication authentication,
			HttpSession session, Model model) {
		String secret = (String) session.getAttribute(NEW_SECRET);
		OptionalLong step = (secret != null) ? Totp.matchingStep(secret, code, this.clock.instant())
				: OptionalLong.empty();
		if (step.isEmpty()) {
			model.addAttribute("codeError", true);
			return setUp(authentication, session, model);
		}
		this.accounts.enableSecondFactor(authentication.getName(), secret, step.getAsLong());
		session.removeAttribute(NEW_SECRET);
		return "redirect:/moderation/compte/double-authentification";
	}

}
