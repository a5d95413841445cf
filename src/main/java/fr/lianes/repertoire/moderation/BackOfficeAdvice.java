package fr.lianes.repertoire.moderation;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every back-office page needs to know about who is signed in. */
@ControllerAdvice(basePackages = { "fr.lianes.repertoire.moderation", "fr.lianes.repertoire.campaign",
		"fr.lianes.repertoire.imports" })
class BackOfficeAdvice {

	@ModelAttribute("staffIsAdmin")
	boolean staffIsAdmin(Authentication authentication) {
		return authentication != null && authentication.getAuthorities()
			.stream()
			.anyMatch((authority) -> "ROLE_ADMIN".equals(authority.getAuthority()));
	}

}
