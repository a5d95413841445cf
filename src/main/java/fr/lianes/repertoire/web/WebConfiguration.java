package fr.lianes.repertoire.web;

import java.util.List;
import java.util.Locale;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * French first, English second, chosen from the browser's preferences; the container's
 * limit on form bodies.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

	static final Locale FRENCH = Locale.FRENCH;

	/**
	 * Tomcat reads form bodies up to the same limit as {@link RequestBodyLimitFilter}:
	 * bodies sent without a length (chunked) are counted as they arrive.
	 */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> formSizeLimit(WebProperties properties) {
		int maxBytes = (int) Math.min(Integer.MAX_VALUE, properties.maxFormSize().toBytes());
		return (factory) -> factory.addConnectorCustomizers((connector) -> connector.setMaxPostSize(maxBytes));
	}

	@Bean
	LocaleResolver localeResolver() {
		AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
		resolver.setSupportedLocales(List.of(FRENCH, Locale.ENGLISH));
		resolver.setDefaultLocale(FRENCH);
		return resolver;
	}

}
