package fr.lianes.repertoire.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the shared layout needs on every page.
 */
@ControllerAdvice
class LayoutAdvice {

	/**
	 * Pages that get no canonical URL: the back office, the sign-in, the questionnaire
	 * and the suggestions (kept out of search engines by robots.txt), the framed widget
	 * pages (not indexed) and the error pages.
	 */
	private static final List<String> NOT_CANONICAL = List.of("/moderation", "/connexion", "/deconnexion",
			"/recensement", "/suggestions", "/integrer/", "/error");

	private final PublicSite site;

	LayoutAdvice(PublicSite site) {
		this.site = site;
	}

	/** The path of the page, so that the navigation can mark the current section. */
	@ModelAttribute("currentPath")
	String currentPath(HttpServletRequest request) {
		return request.getRequestURI();
	}

	/** The public address of the site, for canonical URLs and schema.org data. */
	@ModelAttribute("siteUrl")
	String siteUrl() {
		return this.site.url();
	}

	/**
	 * The path of the canonical URL of a public page ({@code <link rel="canonical">}):
	 * its path without the query, which the list pages replace by their filters alone (no
	 * ordering, the page only past the first); null where a page has none.
	 */
	@ModelAttribute("canonicalPath")
	String canonicalPath(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (!"GET".equals(request.getMethod()) || NOT_CANONICAL.stream().anyMatch(path::startsWith)) {
			return null;
		}
		return path;
	}

}
