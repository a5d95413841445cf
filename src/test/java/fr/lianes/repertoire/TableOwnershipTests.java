package fr.lianes.repertoire;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One owner per table (STYLE.md, "Who owns the data"): the SQL and JPQL of a module name
 * only its own tables, the other modules call its API. Spring Modulith sees the Java
 * types a module uses, not the tables its SQL names: this test sees those.
 */
class TableOwnershipTests {

	static final Set<String> REFERENCE_TABLES = Set.of("country", "departement", "territory", "epci", "commune",
			"dac_sector", "domain", "domain_dac_sector", "actor_type", "network");

	/** Each table and view of the migrations, and the module that owns it. */
	static final Map<String, String> OWNER = owners();

	/**
	 * The one exception: the directory's list, detail, count and duplicate queries join
	 * the reference tables for names and filters (read only: never written nor locked).
	 */
	static final Map<String, Set<String>> READ_ONLY_FOR = Map.of("directory", REFERENCE_TABLES);

	/**
	 * JPQL over the entities Hibernate Search reports indexed: the names are only known
	 * when the application runs, and the queries only read. The backup and the restore
	 * copy the whole schema, every table whatever its owner, by the names the database
	 * lists.
	 */
	static final Set<String> DYNAMIC_SQL_ALLOWED = Set.of("search/SearchIndexer.java", "search/IndexPass.java",
			"backup/BackupWriter.java", "backup/Restore.java", "backup/RestoreCommand.java");

	private static final Path MODULES = Path.of("src/main/java/fr/lianes/repertoire");

	private static final Path MIGRATIONS = Path.of("db/migration");

	@Test
	void everyMigratedTableHasAnOwnerAndEveryOwnedTableExists() throws IOException {
		Pattern created = Pattern
			.compile("(?i)\\bcreate\\s+(?:or\\s+replace\\s+)?(?:unlogged\\s+)?(?:table|view|materialized\\s+view)"
					+ "\\s+(?:if\\s+not\\s+exists\\s+)?(\\w+)");
		Pattern dropped = Pattern.compile("(?i)\\bdrop\\s+(?:table|view)\\s+(?:if\\s+exists\\s+)?(\\w+)");
		Set<String> tables = new TreeSet<>();
		try (Stream<Path> files = Files.list(MIGRATIONS)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".sql")).sorted().toList()) {
				String sql = Files.readString(file);
				Matcher m = created.matcher(sql);
				while (m.find()) {
					tables.add(m.group(1).toLowerCase());
				}
				m = dropped.matcher(sql);
				while (m.find()) {
					tables.remove(m.group(1).toLowerCase());
				}
			}
		}
		assertThat(tables).as("the tables and views of db/migration (a new one needs its owner in OWNER)")
			.containsExactlyInAnyOrderElementsOf(OWNER.keySet());
	}

	@Test
	void noModuleNamesAnotherModulesTable() {
		List<String> violations = scan(MODULES).stream().map(Object::toString).distinct().toList();
		assertThat(violations).as("SQL naming another module's table: call the owning module's API instead").isEmpty();
	}

	@Test
	void aForeignWriteInASourceIsCaught() {
		List<TableScanner.Violation> violations = scan(Path.of("src/test/resources/table-ownership"));
		assertThat(violations).extracting(Object::toString)
			.containsExactly("census/ForeignWrite.java.txt:13 write actor (owner directory)");
	}

	@Test
	void theScannerFindsForeignTablesInEveryShape() {
		TableScanner scanner = scanner();
		String census = """
				class Census {
					String read = \"""
							select * from actor a
							join commune c on c.insee = a.commune_insee\""";
					String consent = "insert into contact_consent (contact_person_id) values (?)";
					String link = "update project_actor set role = ?";
					String dismiss = "delete from " + "duplicate_dismissal";
					String jpql = "select p from Project p";
					String dynamic = " from " + table;
					// from actor
					/* update actor */
					String view = "census/update";
					String words = "taken into account";
					String own = "select * from submission";
					char quote = '"';
				}
				""";
		assertThat(scanner.scan("census/Census.java", census)).extracting(Object::toString)
			.containsExactly("census/Census.java:3 read actor (owner directory)",
					"census/Census.java:4 read commune (owner reference)",
					"census/Census.java:5 write contact_consent (owner directory)",
					"census/Census.java:6 write project_actor (owner directory)",
					"census/Census.java:7 write duplicate_dismissal (owner directory)",
					"census/Census.java:8 read project (owner directory)", "census/Census.java:9 dynamic ?");
		assertThat(scanner.scan("campaign/Lock.java",
				"class Lock { String s = \"select id from census_campaign where id = ? for update\"; }"))
			.extracting(Object::toString)
			.containsExactly("campaign/Lock.java:1 lock census_campaign (owner census)");
		assertThat(scanner.scan("directory/Names.java", "class Names { String s = \"select name from commune\"; }"))
			.isEmpty();
		assertThat(scanner.scan("directory/Names.java", "class Names { String s = \"update commune set name = ?\"; }"))
			.extracting(Object::toString)
			.containsExactly("directory/Names.java:1 write commune (owner reference)");
	}

	private static List<TableScanner.Violation> scan(Path root) {
		TableScanner scanner = scanner();
		List<TableScanner.Violation> violations = new ArrayList<>();
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".java") || f.toString().endsWith(".java.txt"))
				.sorted()
				.toList()) {
				String relative = root.relativize(file).toString().replace('\\', '/');
				violations.addAll(scanner.scan(relative, Files.readString(file)));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return violations;
	}

	private static TableScanner scanner() {
		return new TableScanner(OWNER, READ_ONLY_FOR, entityTables(), DYNAMIC_SQL_ALLOWED);
	}

	/** The table of each JPA entity, by the entity's name (what JPQL says). */
	private static Map<String, String> entityTables() {
		ClassPathScanningCandidateComponentProvider scanning = new ClassPathScanningCandidateComponentProvider(false);
		scanning.addIncludeFilter(new AnnotationTypeFilter(Entity.class));
		Map<String, String> tables = new HashMap<>();
		for (BeanDefinition definition : scanning.findCandidateComponents("fr.lianes.repertoire")) {
			Class<?> type = ClassUtils.resolveClassName(definition.getBeanClassName(), null);
			Entity entity = type.getAnnotation(Entity.class);
			String name = entity.name().isEmpty() ? type.getSimpleName() : entity.name();
			Table table = type.getAnnotation(Table.class);
			tables.put(name, (table != null && !table.name().isEmpty()) ? table.name()
					: name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase());
		}
		return tables;
	}

	private static Map<String, String> owners() {
		Map<String, String> owners = new HashMap<>();
		REFERENCE_TABLES.forEach((table) -> owners.put(table, "reference"));
		Stream
			.of("actor", "actor_slug_redirect", "actor_network", "contact_person", "contact_consent",
					"partner_organisation", "project", "project_slug_redirect", "project_actor", "project_country",
					"project_domain", "project_partner", "duplicate_dismissal", "public_project", "actor_project",
					"actor_legacy_id", "project_legacy_id")
			.forEach((table) -> owners.put(table, "directory"));
		Stream.of("census_campaign", "submission", "submission_draft_key", "access_link")
			.forEach((table) -> owners.put(table, "census"));
		Stream.of("campaign_mailing", "campaign_recipient").forEach((table) -> owners.put(table, "campaign"));
		Stream.of("outgoing_mail", "mail_opt_out").forEach((table) -> owners.put(table, "mail"));
		Stream
			.of("staff_user", "staff_account_event", "staff_password_link", "staff_sign_in_failure", "spring_session",
					"spring_session_attributes")
			.forEach((table) -> owners.put(table, "security"));
		owners.put("change_log", "history");
		Stream.of("import_job", "import_job_entry", "import_job_problem", "import_mapping", "import_key")
			.forEach((table) -> owners.put(table, "imports"));
		Stream.of("content_version", "content_change", "figures_change", "figures_change_horizon")
			.forEach((table) -> owners.put(table, "figures"));
		owners.put("search_index_state", "search");
		owners.put("search_reindex_run", "search");
		owners.put("search_index_writes", "search");
		owners.put("search_outbox", "search");
		owners.put("data_request", "privacy");
		owners.put("rate_limit_bucket", "limits");
		owners.put("reference_list_version", "reference");
		return Map.copyOf(owners);
	}

}
