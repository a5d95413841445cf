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
 * The database's clock is not asked either: every time a statement writes (a draft's last
 * save, a decision, a mail's next attempt, a mailing's end) or compares is the clock's
 * instant passed as a parameter, and every insert names the time columns whose default
 * would be the database's {@code now()}. Times written and compared then come from one
 * clock, at any hour and whatever the zones of the server and the database
 * ({@code OneClockTests} keeps it so). The one exception is
 * {@code content_change.changed_at}, written by a trigger and never read.
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
