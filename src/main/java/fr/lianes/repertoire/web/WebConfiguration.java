package fr.lianes.repertoire.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * French first, English second: chosen with the FR | EN switch, or else from the
 * browser's preferences; the container's limit on form bodies.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

	static final Locale FRENCH = Locale.FRENCH;

	/** The cookie that remembers the language chosen (listed on the privacy notice). */
	static final String LANGUAGE_COOKIE = "repertoire-langue";

	/**
	 * Tomcat reads form bodies up to the same limit as {@link RequestBodyLimitFilter}:
	 * bodies sent without a length (chunked) are counted as they arrive.
	 */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> formSizeLimit(WebProperties properties) {
		int maxBytes = (int) Math.min(Integer.MAX_VALUE, properties.maxFormSize().toBytes());
		return (factory) -> factory.addConnectorCustomizers((connector) -> connector.setMaxPostSize(maxBytes));
	}

	/**
	 * The language chosen with the FR | EN switch, remembered a year in a cookie; until
	 * then the browser's preference between French and English, French when it asks for
	 * neither.
	 */
	@Bean
	LocaleResolver localeResolver() {
		AcceptHeaderLocaleResolver browser = new AcceptHeaderLocaleResolver();
		browser.setSupportedLocales(List.of(FRENCH, Locale.ENGLISH));
		browser.setDefaultLocale(FRENCH);
		CookieLocaleResolver resolver = new CookieLocaleResolver(LANGUAGE_COOKIE);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setCookieHttpOnly(true);
		resolver.setCookieSameSite("Lax");
		resolver.setDefaultLocaleFunction(browser::resolveLocale);
		return resolver;
	}

	@Bean
	WebMvcConfigurer languageSwitch(LocaleResolver localeResolver) {
		return new WebMvcConfigurer() {

			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				registry.addInterceptor(new LanguageSwitch(localeResolver));
			}

		};
	}

}
