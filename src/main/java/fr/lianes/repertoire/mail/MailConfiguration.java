package fr.lianes.repertoire.mail;

import java.time.Duration;
import java.util.Set;

import org.thymeleaf.spring6.templateresolver.SpringResourceTemplateResolver;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ITemplateResolver;

import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.boot.thymeleaf.autoconfigure.ThymeleafProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

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

	/**
	 * The one thread that sends mail ({@link MailDispatch}). When the application stops,
	 * the run under way finishes (10 seconds at most); the mails not sent wait in the
	 * outbox for the next start.
	 */
	@Bean
	ThreadPoolTaskExecutor mailDispatchExecutor(ThreadPoolTaskExecutorBuilder builder) {
		ThreadPoolTaskExecutor executor = builder.corePoolSize(1)
			.maxPoolSize(1)
			.threadNamePrefix("mail-dispatch-")
			.awaitTermination(true)
			.awaitTerminationPeriod(Duration.ofSeconds(10))
			.build();
		executor.setDaemon(true);
		return executor;
	}

}
