package fr.lianes.repertoire.mail;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import fr.lianes.repertoire.time.ClockConfiguration;
import fr.lianes.repertoire.time.LongDates;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.LifecycleAutoConfiguration;
import org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.thymeleaf.autoconfigure.ThymeleafAutoConfiguration;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.FilterType;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mail module alone, on the tests' real PostgreSQL migrated by Flyway (a
 * {@link JdbcTest} slice, the database not replaced): its outbox, renderer, dispatcher,
 * opt-outs and settings, the application's clock and long dates, its scheduling
 * ({@code SchedulingConfiguration}), with Spring Boot's message bundles, Thymeleaf, mail
 * sender (when {@code spring.mail.host} is set), executors, scheduler and shutdown
 * phases. No web server, no JPA, no search index, no demo directory: the context starts
 * in a fraction of the whole application's time. Test methods do not run in a transaction
 * of their own: a mail leaves after the transaction that queued it commits.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@JdbcTest(includeFilters = {
		@Filter(type = FilterType.REGEX,
				pattern = { "fr\\.lianes\\.repertoire\\.mail\\..*",
						"fr\\.lianes\\.repertoire\\.SchedulingConfiguration" }),
		@Filter(type = FilterType.ASSIGNABLE_TYPE, classes = { ClockConfiguration.class, LongDates.class }) })
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ImportAutoConfiguration({ MessageSourceAutoConfiguration.class, ThymeleafAutoConfiguration.class,
		MailSenderAutoConfiguration.class, TaskExecutionAutoConfiguration.class, TaskSchedulingAutoConfiguration.class,
		LifecycleAutoConfiguration.class })
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@interface MailModuleTest {

}
