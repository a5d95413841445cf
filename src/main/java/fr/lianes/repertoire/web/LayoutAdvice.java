package fr.lianes.repertoire.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

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

	/**
	 * The links of the FR | EN switch: this page, with its query, in each language (only
	 * for GET pages: a form sent is not sent again).
	 */
	@ModelAttribute("languageLinks")
	Map<String, String> languageLinks(HttpServletRequest request) {
		Map<String, String> links = new LinkedHashMap<>();
		for (String lang : List.of("fr", "en")) {
			UriComponentsBuilder link = UriComponentsBuilder.fromPath(request.getRequestURI());
			if ("GET".equals(request.getMethod()) && request.getQueryString() != null) {
				link.query(request.getQueryString());
			}
			links.put(lang, link.replaceQueryParam(LanguageSwitch.PARAMETER, lang).build().toUriString());
		}
		return links;
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
