package fr.lianes.repertoire.imports;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import fr.lianes.repertoire.demo.DemoDataGenerator;
import fr.lianes.repertoire.directory.DuplicateActors;
import fr.lianes.repertoire.imports.ImportReport.Entry;
import fr.lianes.repertoire.imports.ImportReport.Outcome;
import fr.lianes.repertoire.imports.ImportReport.Severity;
import fr.lianes.repertoire.imports.ImportRequest.ImportFile;
import fr.lianes.repertoire.reference.ReferenceData;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo directory written as the old directory's export (two CSV files in Windows-1252
 * with « ; », free-text countries and domains, duplicates, bad SIRET, communes outside
 * the region, blank lines), imported into a directory started as production starts it:
 * the same counts per country, type, territory, status and domain as the demo directory
 * itself; a second import of the same files changes nothing, and looks for duplicates
 * only among the rows it did not write the first time.
 */
@SpringBootTest(properties = { "repertoire.embedded-db.database=import_demo", "repertoire.demo.load-on-empty=false" })
class DemoExportImportTests {

	private static final long SEED = 2006;

	@Autowired
	DemoDataGenerator generator;

	@Autowired
	ReferenceData lists;

	@Autowired
	Imports imports;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	MeterRegistry meters;

	@TempDir
	Path folder;

	@Test
	void importsTheDemoExportWithTheDemoDirectorysCountsThenChangesNothingTheSecondTime() throws Exception {
		assertThat(count("select count(*) from actor")).as("a directory started as production starts it").isZero();
		// the demo directory itself, counted, then rolled back
		Map<String, Long> demo = new TransactionTemplate(this.transactionManager).execute((status) -> {
			this.generator.generate(1, SEED);
			Map<String, Long> counts = counts();
			status.setRollbackOnly();
			return counts;
		});
		assertThat(count("select count(*) from actor")).isZero();
		assertThat(demo.get("actors")).isEqualTo(1951);

		List<Path> paths = this.generator.exportLegacy(1, SEED, this.folder, this.lists);
		String actorsText = Files.readString(paths.get(0), Charset.forName("windows-1252"));
		assertThat(actorsText).startsWith("Identifiant;Nom de la structure;").contains("\r\n\r\n");
		assertThat(Files.readString(paths.get(1), Charset.forName("windows-1252"))).contains("RDC")
			.contains("Congo (RDC)")
			.contains("Cote d Ivoire")
			.contains("Sénégal (Dakar)");

		List<ImportFile> files = this.imports.openAll(paths);
		assertThat(files).allSatisfy((file) -> {
			assertThat(file.format().charset().name()).isEqualTo("windows-1252");
			assertThat(file.format().separator()).isEqualTo(';');
		});
		assertThat(files.get(0).mapping().fields()).doesNotContainNull();
		assertThat(files.get(1).mapping().fields()).doesNotContainNull();
		ImportRequest request = new ImportRequest(files, Map.of(), true, "Camille Martin");

		ImportReport dryRun = this.imports.dryRun(request);
		assertThat(count("select count(*) from actor")).as("a dry run writes nothing").isZero();
		long projects = demo.get("projects");
		assertThat(dryRun.counts(Entry.ACTOR)).containsEntry(Outcome.CREATED, 1951L)
			.containsEntry(Outcome.DUPLICATE, 8L)
			.containsEntry(Outcome.REFUSED, 5L);
		assertThat(dryRun.counts(Entry.PROJECT)).containsEntry(Outcome.CREATED, projects)
			.containsEntry(Outcome.REFUSED, 1L);

		double probes = probes();
		ImportReport first = this.imports.run(request);
		assertThat(probes() - probes).as("each new actor's duplicates looked for once").isEqualTo(1951 + 8);
		assertThat(first.counts(Entry.ACTOR)).isEqualTo(dryRun.counts(Entry.ACTOR));
		assertThat(first.counts(Entry.PROJECT)).isEqualTo(dryRun.counts(Entry.PROJECT));
		assertThat(first.problems()).filteredOn((p) -> p.severity() == Severity.WARNING)
			.extracting(ImportReport.Problem::reason)
			.anyMatch((reason) -> reason.startsWith("Numéro SIRET ou SIREN invalide"));
		assertThat(first.problems()).filteredOn((p) -> p.severity() == Severity.REFUSED)
			.extracting(ImportReport.Problem::reason)
			.anyMatch((reason) -> reason.startsWith("Commune inconnue dans la région"));
		assertThat(counts()).isEqualTo(demo);
		assertThat(this.jdbc.sql("select count(*) from change_log where action = 'IMPORTED' and note = ?")
			.param("import de acteurs.csv par Camille Martin")
			.query(Long.class)
			.single()).isEqualTo(1951);

		long history = count("select count(*) from change_log");
		probes = probes();
		ImportReport second = this.imports.run(request);
		assertThat(probes() - probes)
			.as("the actors known by their old identifiers are not looked for among duplicates: only those "
					+ "left out the first time")
			.isEqualTo(8);
		assertThat(second.counts(Entry.ACTOR)).containsEntry(Outcome.UNCHANGED, 1951L)
			.containsEntry(Outcome.CREATED, 0L)
			.containsEntry(Outcome.UPDATED, 0L);
		assertThat(second.counts(Entry.PROJECT)).containsEntry(Outcome.UNCHANGED, projects)
			.containsEntry(Outcome.CREATED, 0L)
			.containsEntry(Outcome.UPDATED, 0L);
		assertThat(count("select count(*) from change_log")).as("nothing changed, nothing recorded").isEqualTo(history);
		assertThat(counts()).isEqualTo(demo);
	}

	private double probes() {
		return this.meters.get(DuplicateActors.PROBES).counter().count();
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	/** The directory's counts by type, territory, status, country and domain. */
	private Map<String, Long> counts() {
		Map<String, Long> counts = new TreeMap<>();
		counts.put("actors", count("select count(*) from actor"));
		counts.put("published actors", count("select count(*) from actor where published"));
		counts.put("projects", count("select count(*) from project"));
		put(counts, "type:", "select actor_type_code, count(*) from actor group by 1");
		put(counts, "status:", "select status, count(*) from actor group by 1");
		put(counts, "territory:", """
				select coalesce(e.territory_id::text, '-'), count(*) from actor a
				join commune c on c.insee_code = a.commune_insee left join epci e on e.siren = c.epci_siren
				group by 1""");
		put(counts, "projects in country:", "select country_iso2, count(*) from project_country group by 1");
		put(counts, "actors in country:", """
				select pc.country_iso2, count(distinct p.lead_actor_id) from project p
				join project_country pc on pc.project_id = p.id group by 1""");
		put(counts, "domain:", "select domain_id::text, count(*) from project_domain group by 1");
		put(counts, "project kind:", "select kind || '/' || nature || '/' || status, count(*) from project group by 1");
		return counts;
	}

	private void put(Map<String, Long> counts, String prefix, String sql) {
		this.jdbc.sql(sql)
			.query((rs, i) -> Map.entry(prefix + rs.getString(1), rs.getLong(2)))
			.list()
			.forEach((e) -> counts.put(e.getKey(), e.getValue()));
	}

}
