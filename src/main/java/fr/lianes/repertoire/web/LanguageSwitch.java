package fr.lianes.repertoire.web;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The FR | EN switch: {@code ?lang=fr} or {@code ?lang=en} on any page sets the language,
 * which the locale resolver remembers in a cookie. Other values are ignored, so a page is
 * never in a language the site does not have.
 */
class LanguageSwitch implements HandlerInterceptor {

	static final String PARAMETER = "lang";

	static final Map<String, Locale> LANGUAGES = Map.of("fr", Locale.FRENCH, "en", Locale.ENGLISH);

	private final LocaleResolver resolver;

	LanguageSwitch(LocaleResolver resolver) {
		this.resolver = resolver;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		String lang = fromQuery(request.getQueryString());
		Locale locale = (lang != null) ? LANGUAGES.get(lang) : null;
		if (locale != null) {
			this.resolver.setLocale(request, response, locale);
		}
		return true;
	}

	/**
	 * The language asked in the address alone: reading the request's parameters would
	 * read a form's body, which a refused one (too large, malformed) must never be, not
	 * even on the way to its error page.
	 */
	static String fromQuery(String query) {
		if (query == null) {
			return null;
		}
		for (String pair : query.split("&")) {
			if (pair.equals(PARAMETER + "=fr") || pair.equals(PARAMETER + "=en")) {
				return pair.substring(PARAMETER.length() + 1);
			}
		}
		return null;
	}

}
