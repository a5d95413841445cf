package fr.lianes.repertoire.security;

import java.util.Optional;

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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff accounts, for administrators: the list, adding an account (its owner gets a
 * link to set a password), and one page per account to disable or re-enable it, send a
 * new link, and read its history.
 */
@Controller
@RequestMapping(StaffAccountsController.PATH)
class StaffAccountsController {

	static final String PATH = "/moderation/administration/comptes";

	private final StaffAdministration administration;

	StaffAccountsController(StaffAdministration administration) {
		this.administration = administration;
	}

	/** These pages are for administrators only: the navigation shows their sections. */
	@ModelAttribute("staffIsAdmin")
	boolean staffIsAdmin() {
		return true;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("accounts", this.administration.accounts());
		return "security/accounts";
	}

	@GetMapping("/nouveau")
	String form(Model model) {
		model.addAttribute("form", NewAccountForm.empty());
		return "security/account-new";
	}

	@PostMapping("/nouveau")
	String create(@Valid @ModelAttribute("form") NewAccountForm form, BindingResult errors,
			Authentication administrator, HttpServletResponse response, RedirectAttributes redirect) {
		if (!errors.hasFieldErrors("email") && this.administration.isTaken(form.email())) {
			errors.rejectValue("email", "staff.accounts.error.taken");
		}
		if (errors.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return "security/account-new";
		}
		long id = this.administration.create(form, administrator.getName());
		notice(redirect, "staff.accounts.notice.created", form.displayName().strip(), form.email().strip());
		return "redirect:" + PATH + "/" + id;
	}

	@GetMapping("/{id}")
	String account(@PathVariable long id, Model model) {
		model.addAttribute("account", find(id));
		model.addAttribute("history", this.administration.history(id));
		return "security/account";
	}

	@PostMapping("/{id}/desactivation")
	String disable(@PathVariable long id, Authentication administrator, RedirectAttributes redirect) {
		StaffAccounts.Account account = find(id);
		Optional<StaffAdministration.Refusal> refusal = this.administration.disable(id, administrator.getName());
		refusal.ifPresentOrElse((r) -> redirect.addFlashAttribute("refusal", r.messageKey),
				() -> notice(redirect, "staff.accounts.notice.disabled", account.displayName()));
		return "redirect:" + PATH + "/" + id;
	}

	@PostMapping("/{id}/reactivation")
	String enable(@PathVariable long id, Authentication administrator, RedirectAttributes redirect) {
		StaffAccounts.Account account = find(id);
		this.administration.enable(id, administrator.getName());
		notice(redirect, "staff.accounts.notice.enabled", account.displayName());
		return "redirect:" + PATH + "/" + id;
	}

	@PostMapping("/{id}/lien")
	String sendLink(@PathVariable long id, Authentication administrator, RedirectAttributes redirect) {
		StaffAccounts.Account account = find(id);
		this.administration.sendLink(id, administrator.getName())
			.ifPresentOrElse((r) -> redirect.addFlashAttribute("refusal", r.messageKey),
					() -> notice(redirect, "staff.accounts.notice.link-sent", account.email()));
		return "redirect:" + PATH + "/" + id;
	}

	private StaffAccounts.Account find(long id) {
		return this.administration.account(id).orElseThrow(NotFoundException::new);
	}

	private static void notice(RedirectAttributes redirect, String key, Object... args) {
		redirect.addFlashAttribute("notice", key);
		redirect.addFlashAttribute("noticeArgs", args);
	}

}
