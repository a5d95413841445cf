package fr.lianes.repertoire.security;

import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Setting a password from the mailed one-time link: opening the link shows the form (mail
 * scanners follow links, people press buttons), sending the form uses the link.
 */
@Controller
class PasswordController {

	static final String PATH = "/connexion/mot-de-passe";

	private final StaffAdministration administration;

	PasswordController(StaffAdministration administration) {
		this.administration = administration;
	}

	@GetMapping(PATH)
	String form(@RequestParam(name = "jeton", required = false) String token, HttpServletResponse response,
			Model model) {
		noReferrer(response);
		Optional<StaffAccounts.Account> account = this.administration.accountOfLink(token);
		if (account.isEmpty()) {
			return invalid(response);
		}
		model.addAttribute("account", account.get());
		model.addAttribute("form", new PasswordForm(token, null, null));
		return "security/password";
	}

	@PostMapping(PATH)
	String set(@ModelAttribute("form") PasswordForm form, BindingResult errors, HttpServletResponse response,
			Model model) {
		noReferrer(response);
		Optional<StaffAccounts.Account> account = this.administration.accountOfLink(form.jeton());
		if (account.isEmpty()) {
			return invalid(response);
		}
		form.check(errors);
		if (errors.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("account", account.get());
			return "security/password";
		}
		if (this.administration.setPassword(form.jeton(), form.motDePasse()).isEmpty()) {
			// used at the same moment by another request
			return invalid(response);
		}
		return "redirect:/connexion?motDePasse";
	}

	private static String invalid(HttpServletResponse response) {
		response.setStatus(HttpStatus.GONE.value());
		return "security/password-link-invalid";
	}

	/** The token is in this page's address: it must not leave in a Referer header. */
	private static void noReferrer(HttpServletResponse response) {
		response.setHeader("Referrer-Policy", "no-referrer");
	}

}
