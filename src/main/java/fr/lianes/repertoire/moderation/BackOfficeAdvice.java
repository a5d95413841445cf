package fr.lianes.repertoire.moderation;

import jakarta.servlet.http.HttpServletRequest;

import fr.lianes.repertoire.census.Responses;
import fr.lianes.repertoire.census.Responses.Kind;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every back-office page, and its layout ({@code layout/staff}), needs to know: who
 * is signed in, how many answers wait, and which section the page belongs to.
 */
@ControllerAdvice(basePackages = { "fr.lianes.repertoire.moderation", "fr.lianes.repertoire.campaign",
		"fr.lianes.repertoire.imports", "fr.lianes.repertoire.security" })
class BackOfficeAdvice {

	private final Responses responses;

	BackOfficeAdvice(Responses responses) {
		this.responses = responses;
	}

	@ModelAttribute("staffIsAdmin")
	boolean staffIsAdmin(Authentication authentication) {
		return authentication != null && authentication.getAuthorities()
			.stream()
			.anyMatch((authority) -> "ROLE_ADMIN".equals(authority.getAuthority()));
	}

	/** The signed-in staff member, shown in the back office's header (null elsewhere). */
	@ModelAttribute("staffName")
	String staffName(Authentication authentication, HttpServletRequest request) {
		return (authentication != null && backOffice(request)) ? authentication.getName() : null;
	}

	/** The answers waiting for a decision, shown in the back office's header. */
	@ModelAttribute("queueCount")
	Long queueCount(Authentication authentication, HttpServletRequest request) {
		return (authentication != null && backOffice(request)) ? this.responses.countPending(Kind.ALL, null) : null;
	}

	/** The section of the back office's menu the page belongs to, marked as current. */
	@ModelAttribute("staffSection")
	String staffSection(HttpServletRequest request) {
		return section(request.getRequestURI().substring(request.getContextPath().length()));
	}

	static String section(String path) {
		if (path.equals("/moderation") || path.startsWith("/moderation/soumissions")) {
			return "queue";
		}
		String[][] sections = { { "/moderation/acteurs", "actors" }, { "/moderation/projets", "actors" },
				{ "/moderation/a-relancer", "stale" }, { "/moderation/doublons", "duplicates" },
				{ "/moderation/administration/comptes", "accounts" },
				{ "/moderation/administration/campagnes", "campaigns" },
				{ "/moderation/administration/referentiels", "reference" },
				{ "/moderation/administration/index", "index" },
				{ "/moderation/administration/sauvegardes", "backups" },
				{ "/moderation/administration/import", "import" }, { "/moderation/compte", "account" } };
		for (String[] section : sections) {
			if (path.startsWith(section[0])) {
				return section[1];
			}
		}
		return null;
	}

	private static boolean backOffice(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/moderation");
	}

}
