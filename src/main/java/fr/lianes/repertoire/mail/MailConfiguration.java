package fr.lianes.repertoire.mail;

import java.util.Set;

import org.thymeleaf.spring6.templateresolver.SpringResourceTemplateResolver;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ITemplateResolver;

import org.springframework.boot.thymeleaf.autoconfigure.ThymeleafProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Plain-text mail templates ({@code templates/mail/*.txt}) next to the web's HTML ones.
 * Spring Boot gives every {@link ITemplateResolver} bean to its template engine and keeps
 * its own {@code defaultTemplateResolver}; this one answers only names matching
 * {@code mail/*.txt} and is asked first (Thymeleaf puts resolvers with an order before
 * the default one, which has none). HTML mails go through the default resolver.
 */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

	static final String TEXT_TEMPLATES = "mail/*.txt";

	@Bean
	ITemplateResolver mailTextTemplateResolver(ThymeleafProperties thymeleaf) {
		SpringResourceTemplateResolver resolver = new SpringResourceTemplateResolver();
		resolver.setPrefix(thymeleaf.getPrefix());
		resolver.setSuffix("");
		resolver.setResolvablePatterns(Set.of(TEXT_TEMPLATES));
		resolver.setTemplateMode(TemplateMode.TEXT);
		resolver.setCharacterEncoding(thymeleaf.getEncoding().name());
		resolver.setCacheable(thymeleaf.isCache());
		resolver.setCheckExistence(true);
		resolver.setOrder(1);
		return resolver;
	}

}
