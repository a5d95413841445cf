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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.syntax.elements.ClassesShouldConjunction;
import fr.lianes.repertoire.testing.ApplicationClasses;
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

	/**
	 * What the SQL of the application must not say: the database's time (its clock and
	 * the application's may differ, and tests move the application's).
	 */
	private static final Pattern DATABASE_TIME = Pattern.compile(
			"\\bnow\\s*\\(\\s*\\)|current_timestamp|clock_timestamp|statement_timestamp|transaction_timestamp",
			Pattern.CASE_INSENSITIVE);

	/** A column of a migration stamped by the database unless an insert names it. */
	private static final Pattern DEFAULT_NOW = Pattern
		.compile("^\\s*(\\w+)\\s+timestamptz\\b.*\\bdefault\\s+now\\s*\\(\\s*\\)", Pattern.CASE_INSENSITIVE);

	private static final Pattern CREATE_TABLE = Pattern.compile("^\\s*create table (\\w+)", Pattern.CASE_INSENSITIVE);

	private static final Pattern INSERT = Pattern.compile("insert into (\\w+)\\s*(\\([^)]*\\))?",
			Pattern.CASE_INSENSITIVE);

	/**
	 * Tables whose default {@code now()} may stay: written by a trigger, never read nor
	 * shown ({@code record_content_change}, V13).
	 */
	private static final Set<String> STAMPED_BY_THE_DATABASE = Set.of("content_change");

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
		rule.because("the application's Clock (ClockConfiguration) decides dates and times")
			.check(ApplicationClasses.get());
		ArchRule onlyTheConfiguration = noClasses().that()
			.doNotHaveFullyQualifiedName(ClockConfiguration.class.getName())
			.should()
			.callMethod(Clock.class, "system", ZoneId.class);
		onlyTheConfiguration.check(ApplicationClasses.get());
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

	@Test
	void noStatementAsksTheDatabaseForTheTime() throws IOException {
		List<String> found = new ArrayList<>();
		for (Map.Entry<Path, String> file : sqlOfTheApplication().entrySet()) {
			Matcher time = DATABASE_TIME.matcher(file.getValue());
			while (time.find()) {
				found.add(file.getKey() + ": " + excerpt(file.getValue(), time.start()));
			}
		}
		assertThat(found).as("the database's time in the application's SQL (pass the clock's instant)").isEmpty();
		assertThat(DATABASE_TIME.matcher(literals("sql(\"update t set a = now() where b\")")).find()).isTrue();
		assertThat(DATABASE_TIME.matcher(literals("sql(\"\"\"\n  and x < clock_timestamp()\"\"\")")).find()).isTrue();
		assertThat(DATABASE_TIME.matcher(literals("OffsetDateTime now = now(); // now()")).find()).isFalse();
	}

	@Test
	void everyInsertNamesTheTimeColumnsTheDatabaseWouldStamp() throws IOException {
		Map<String, Set<String>> stamped = columnsDefaultingToNow();
		assertThat(stamped).as("columns read from the migrations").containsKey("submission");
		assertThat(stamped.get("submission")).contains("created_at", "updated_at");
		List<String> found = new ArrayList<>();
		for (Map.Entry<Path, String> file : sqlOfTheApplication().entrySet()) {
			found.addAll(insertsLeavingTheDatabaseToStamp(file.getKey().toString(), file.getValue(), stamped));
		}
		assertThat(found).as("inserts that leave a time column to the database's now()").isEmpty();
		assertThat(insertsLeavingTheDatabaseToStamp("example",
				literals("sql(\"insert into submission (status, created_at) \" + \"values (?, ?)\")"), stamped))
			.containsExactly("example: insert into submission without updated_at");
	}

	private static List<String> insertsLeavingTheDatabaseToStamp(String file, String sql,
			Map<String, Set<String>> stamped) {
		List<String> found = new ArrayList<>();
		Matcher insert = INSERT.matcher(sql);
		while (insert.find()) {
			String table = insert.group(1).toLowerCase(Locale.ROOT);
			Set<String> columns = new LinkedHashSet<>();
			if (insert.group(2) != null) {
				for (String column : insert.group(2).replaceAll("[()]", "").split(",")) {
					columns.add(column.strip().toLowerCase(Locale.ROOT));
				}
			}
			for (String column : stamped.getOrDefault(table, Set.of())) {
				if (!columns.contains(column)) {
					found.add(file + ": insert into " + table + " without " + column);
				}
			}
		}
		return found;
	}

	/** The time columns of the migrations that default to the database's now(). */
	private static Map<String, Set<String>> columnsDefaultingToNow() throws IOException {
		Map<String, Set<String>> stamped = new LinkedHashMap<>();
		try (Stream<Path> files = Files.list(Path.of("db/migration"))) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".sql")).sorted().toList()) {
				String table = null;
				for (String line : Files.readAllLines(file)) {
					Matcher create = CREATE_TABLE.matcher(line);
					if (create.find()) {
						table = create.group(1).toLowerCase(Locale.ROOT);
					}
					Matcher column = DEFAULT_NOW.matcher(line);
					if (table != null && column.find() && !STAMPED_BY_THE_DATABASE.contains(table)) {
						stamped.computeIfAbsent(table, (t) -> new LinkedHashSet<>())
							.add(column.group(1).toLowerCase(Locale.ROOT));
					}
				}
			}
		}
		return stamped;
	}

	/** The string literals of every class of the application, by file: its SQL. */
	private static Map<Path, String> sqlOfTheApplication() throws IOException {
		Map<Path, String> sql = new LinkedHashMap<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".java")).sorted().toList()) {
				sql.put(file, literals(Files.readString(file)));
			}
		}
		return sql;
	}

	/**
	 * The string literals and text blocks of Java source, one after the other separated
	 * by a space (a statement split in several literals reads as one); comments and code
	 * left out.
	 */
	static String literals(String source) {
		StringBuilder out = new StringBuilder();
		int i = 0;
		while (i < source.length()) {
			if (source.startsWith("//", i)) {
				int end = source.indexOf('\n', i);
				i = (end < 0) ? source.length() : end;
			}
			else if (source.startsWith("/*", i)) {
				int end = source.indexOf("*/", i + 2);
				i = (end < 0) ? source.length() : end + 2;
			}
			else if (source.startsWith("\"\"\"", i)) {
				int end = closing(source, i + 3, "\"\"\"");
				out.append(source, i + 3, end).append(' ');
				i = end + 3;
			}
			else if (source.charAt(i) == '"') {
				int end = closing(source, i + 1, "\"");
				out.append(source, i + 1, end).append(' ');
				i = end + 1;
			}
			else if (source.charAt(i) == '\'') {
				i = closing(source, i + 1, "'") + 1;
			}
			else {
				i++;
			}
		}
		return out.toString();
	}

	/** Where an unescaped {@code quote} closes the literal begun before {@code from}. */
	private static int closing(String source, int from, String quote) {
		int i = from;
		while (i < source.length() && !source.startsWith(quote, i)) {
			i += (source.charAt(i) == '\\') ? 2 : 1;
		}
		return Math.min(i, source.length());
	}

	private static String excerpt(String text, int at) {
		return text.substring(Math.max(0, at - 60), Math.min(text.length(), at + 30)).replaceAll("\\s+", " ");
	}

}
