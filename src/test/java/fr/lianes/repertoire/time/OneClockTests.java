package fr.lianes.repertoire.time;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.syntax.elements.ClassesShouldConjunction;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every date and time the application decides with comes from its one {@link Clock}: no
 * class reads the system's time or zone by itself, and no statement or template asks the
 * database or the server for "today" (the database's day is that of its own zone).
 */
class OneClockTests {

	private static final List<Class<?>> TIME_TYPES = List.of(Instant.class, LocalDate.class, LocalDateTime.class,
			LocalTime.class, ZonedDateTime.class, OffsetDateTime.class, OffsetTime.class, Year.class, YearMonth.class,
			MonthDay.class);

	/** What SQL or a template must not say: the day or time of the database or server. */
	private static final Pattern SERVER_TIME = Pattern.compile(
			"current_date|current_time|localtimestamp|localtime\\b|T\\(java\\.time\\.[A-Za-z]+\\)\\.now|#dates\\.create(Now|Today)|#temporals\\.create(Now|Today)",
			Pattern.CASE_INSENSITIVE);

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("fr.lianes.repertoire");

	@Test
	void noClassReadsTheSystemsTimeOrZoneButThroughTheClock() {
		ClassesShouldConjunction rule = noClasses().should()
			.callMethod(System.class, "currentTimeMillis")
			.orShould()
			.callConstructor(Date.class)
			.orShould()
			.callMethod(ZoneId.class, "systemDefault")
			.orShould()
			.callMethod(TimeZone.class, "getDefault")
			.orShould()
			.callMethod(Clock.class, "systemDefaultZone")
			.orShould()
			.callMethod(Clock.class, "systemUTC");
		for (Class<?> type : TIME_TYPES) {
			rule = rule.orShould().callMethod(type, "now").orShould().callMethod(type, "now", ZoneId.class);
		}
		rule.because("the application's Clock (ClockConfiguration) decides dates and times").check(this.classes);
		ArchRule onlyTheConfiguration = noClasses().that()
			.doNotHaveFullyQualifiedName(ClockConfiguration.class.getName())
			.should()
			.callMethod(Clock.class, "system", ZoneId.class);
		onlyTheConfiguration.check(this.classes);
	}

	@Test
	void noStatementOrTemplateAsksTheDatabaseOrTheServerForToday() throws IOException {
		List<String> found = new ArrayList<>();
		for (Path root : List.of(Path.of("src/main/java"), Path.of("src/main/resources/templates"))) {
			try (Stream<Path> files = Files.walk(root)) {
				for (Path file : files.filter(Files::isRegularFile).toList()) {
					List<String> lines = Files.readAllLines(file);
					for (int i = 0; i < lines.size(); i++) {
						String line = lines.get(i);
						if (SERVER_TIME.matcher(line).find() && !line.strip().startsWith("*")
								&& !line.strip().startsWith("//")) {
							found.add(file + ":" + (i + 1) + ": " + line.strip());
						}
					}
				}
			}
		}
		assertThat(found).as("the day or time of the database or the server").isEmpty();
		assertThat(SERVER_TIME.matcher("where opens_on <= current_date").find()).isTrue();
		assertThat(SERVER_TIME.matcher("${T(java.time.OffsetDateTime).now()}".toLowerCase(Locale.ROOT)).find())
			.isTrue();
	}

}
