package fr.lianes.repertoire.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The clock of every application the tests start: the system clock in Europe/Paris,
 * shifted to the instant a test sets, from which it keeps running (a stopped clock would
 * make every write of a test happen at the same instant). One instance per test JVM,
 * registered in each context before {@link ClockConfiguration} would make the real one.
 * <p>
 * The whole suite can be run at another time: {@code -Drepertoire.test.clock=23:30}
 * starts the clock today at 23:30 UTC (00:30 or 01:30 in Paris), and
 * {@code -Drepertoire.test.clock=2026-12-31T23:30:00Z} at that instant.
 */
public final class TestClock extends Clock {

	/** The system property that sets where the suite's clock starts. */
	public static final String START = "repertoire.test.clock";

	private static final TestClock INSTANCE = new TestClock(ClockConfiguration.PARIS, initialOffset());

	private final ZoneId zone;

	private final Duration initial;

	/** Shared with the views of this clock in other zones. */
	private final AtomicReference<Duration> offset;

	private TestClock(ZoneId zone, Duration offset) {
		this(zone, offset, new AtomicReference<>(offset));
	}

	private TestClock(ZoneId zone, Duration initial, AtomicReference<Duration> offset) {
		this.zone = zone;
		this.initial = initial;
		this.offset = offset;
	}

	/** The clock of the applications started by the tests. */
	public static TestClock get() {
		return INSTANCE;
	}

	/** From now on, the clock reads {@code instant}, and runs on from there. */
	public void setTo(Instant instant) {
		this.offset.set(Duration.between(Clock.systemUTC().instant(), instant));
	}

	/** Moves the clock forward (or back, with a negative duration). */
	public void advance(Duration duration) {
		this.offset.updateAndGet((current) -> current.plus(duration));
	}

	/** Back to where the suite's clock runs: the system's time, or the one asked for. */
	public void reset() {
		this.offset.set(this.initial);
	}

	@Override
	public ZoneId getZone() {
		return this.zone;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return new TestClock(zone, this.initial, this.offset);
	}

	@Override
	public Instant instant() {
		return Clock.systemUTC().instant().plus(this.offset.get());
	}

	private static Duration initialOffset() {
		String start = System.getProperty(START, "").strip();
		if (start.isEmpty()) {
			return Duration.ZERO;
		}
		Instant now = Clock.systemUTC().instant();
		Instant at = start.contains("T") ? Instant.parse(start)
				: LocalDate.now(ZoneOffset.UTC).atTime(LocalTime.parse(start)).toInstant(ZoneOffset.UTC);
		System.out.println("TestClock: the applications' clock starts at " + at + " (" + START + "=" + start + ")");
		return Duration.between(now, at);
	}

	/**
	 * Registers the test clock in every application context the tests start (listed in
	 * {@code META-INF/spring.factories}).
	 */
	public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			context.getBeanFactory().registerSingleton("testClock", INSTANCE);
		}

	}

}
