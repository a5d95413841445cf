package fr.lianes.repertoire.time;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock of the application, in the network's zone (Europe/Paris unless
 * {@code repertoire.time-zone} says otherwise). Every decision that depends on the date
 * or the time (is a campaign open today, has a link expired, which year is it, how long
 * did a form take) asks it, never the JVM's default zone or {@code now()} without it: the
 * answer is then the same whatever zone the server runs in, and tests can set the time
 * (they register their own {@link Clock} before the context starts).
 * <p>
 * Statements that compare a time with one the database recorded itself (the mail outbox's
 * retries, a draft's last save) use the database's {@code now()}; where SQL compares a
 * time the application decided, or Java one the database recorded, the clock's instant is
 * passed as a parameter.
 */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

	/** The zone of the network, the default of {@code repertoire.time-zone}. */
	public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	@Bean
	@ConditionalOnMissingBean(Clock.class)
	Clock clock(@Value("${repertoire.time-zone:Europe/Paris}") ZoneId zone) {
		return Clock.system(zone);
	}

}
