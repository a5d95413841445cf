package fr.lianes.repertoire.moderation.reference;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Tells the back office's pages whether the staff member is an administrator, so that
 * they offer the administration links to administrators only.
 */
@ControllerAdvice(basePackages = "fr.lianes.repertoire.moderation")
class AdministratorAdvice {

	@ModelAttribute("administrator")
	boolean administrator(Authentication authentication) {
		return authentication != null && authentication.getAuthorities()
			.stream()
			.anyMatch((authority) -> "ROLE_ADMIN".equals(authority.getAuthority()));
	}

}
