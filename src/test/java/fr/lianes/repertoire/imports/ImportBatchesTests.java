package fr.lianes.repertoire.imports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

import fr.lianes.repertoire.directory.Identifiers;
import fr.lianes.repertoire.imports.ImportKeys.Key;
import fr.lianes.repertoire.imports.ImportReport.Entry;
import fr.lianes.repertoire.imports.ImportReport.Outcome;
import fr.lianes.repertoire.imports.ImportReport.Problem;
import fr.lianes.repertoire.reference.DomainRef;
import fr.lianes.repertoire.reference.ReferenceData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The checks within the files across batches (of two rows here): a repeated old
 * identifier, a SIREN, an RNA number or a name in a commune met again, a repeated project
 * identifier, a project whose lead actor was refused or set aside, each in a later batch
 * than the row it repeats — as within one batch. What a run remembers of its rows is kept
 * in its keys ({@code import_key}) while it runs, and none is left once it ends, however
 * it ends; two runs at once do not see each other's keys.
 */
@SpringBootTest(properties = { "repertoire.embedded-db.database=import_batches", "repertoire.demo.load-on-empty=false",
		"repertoire.imports.batch-size=2" })
class ImportBatchesTests {

	private static final String ACTOR_HEADER = "Identifiant;Nom;Type de structure;SIRET;N° RNA;Code postal;Commune;Code INSEE";

	private static final String ASI = "Association de solidarité internationale";

	@Autowired
	Imports imports;

	@Autowired
	ImportKeys keys;

	@Autowired
	ReferenceData lists;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path folder;

	@Test
	void checksWithinTheFilesSeeTheRowsOfEarlierBatches() throws Exception {
		String siren = validSiren(200000000);
		String otherSiren = validSiren(Integer.parseInt(siren) + 1);
		String thirdSiren = validSiren(Integer.parseInt(otherSiren) + 1);
		Path actors = csv("structures.csv", ACTOR_HEADER,
				// batch 1: lines 2, 3
				"A1;Association Tiléla;" + ASI + ";" + siren + ";W595012345;59000;Lille;",
				"A2;Comité de jumelage de Roubaix;" + ASI + ";;;59100;Roubaix;",
				// batch 2: lines 4, 5 (B4 refused: unknown type)
				"A3;Lycée Baggio;" + ASI + ";" + otherSiren + ";;;;59350",
				"B4;Club des supporters;Club de foot;;;59000;Lille;",
				// batch 3: lines 6, 7
				"A1;Tiléla encore;" + ASI + ";;;59000;Lille;",
				"B9;Tiléla Lille;" + ASI + ";" + siret(siren) + ";;;;59350",
				// batch 4: lines 8, 9
				"B10;COMITE DE JUMELAGE DE ROUBAIX;" + ASI + ";;;59100;Roubaix;",
				"B11;Autre nom;" + ASI + ";;W595012345;62000;Arras;",
				// batch 5: lines 10, 11, the second the first's duplicate within the
				// batch
				"C1;Maison des savoirs;" + ASI + ";;;62000;Arras;", "C2;MAISON DES SAVOIRS;" + ASI + ";;;62000;Arras;",
				// batch 6: line 12, the same name in the same commune as A1 but another
				// SIREN: not a duplicate within the files, and A1, created by this run,
				// is
				// not a suspect
				"D1;Association Tiléla;" + ASI + ";" + thirdSiren + ";;59000;Lille;");
		String domain = this.lists.domains().stream().filter(DomainRef::isTopLevel).findFirst().orElseThrow().name();
		Path projects = csv("projets.csv",
				"Identifiant projet;Identifiant structure;Titre du projet;Nature;Pays;Domaines",
				// batch 1: lines 2, 3
				"P1;A1;Puits à Tanguiéta;Construction;Bénin;" + domain, "P2;B4;Projet du club;Formation;Mali;" + domain,
				// batch 2: lines 4, 5
				"P3;B10;Projet du doublon;Formation;Mali;" + domain, "P1;A1;Puits répété;Formation;Mali;" + domain,
				// batch 3: lines 6, 7
				"P4;A3;Échanges scolaires;Échanges;Sénégal;" + domain,
				"P5;A999;Projet orphelin;Formation;Mali;" + domain,
				// batch 4: lines 8, 9, the second the first's repetition within the batch
				"P6;A2;Jumelage avec Kaya;Échanges;Burkina Faso;" + domain,
				"P6;A2;Jumelage répété;Échanges;Burkina Faso;" + domain);
		ImportRequest request = new ImportRequest(this.imports.openAll(List.of(actors, projects)), Map.of(), true,
				"Camille Martin");

		ImportReport dryRun = this.imports.dryRun(request);
		assertReported(dryRun);
		assertThat(keyRows()).as("the dry run's keys, once it ended").isZero();

		AtomicLong most = new AtomicLong();
		ImportReport report = this.imports.run(request, new ImportReport(false), counting(most), null);
		assertReported(report);
		assertThat(most.get()).as("the run's keys while it ran").isPositive();
		assertThat(keyRows()).as("the import's keys, once it ended").isZero();
		assertThat(this.jdbc.sql("""
				select l.legacy_id from actor a join actor_legacy_id l on l.actor_id = a.id order by l.legacy_id""")
			.query(String.class)
			.list()).containsExactly("A1", "A2", "A3", "C1", "D1");
	}

	private void assertReported(ImportReport report) {
		assertThat(reasons(report)).containsExactly(
				"structures.csv:5 Type de structure inconnu : « Club de foot ». Associez-le à un type sur la page de correspondance.",
				"structures.csv:6 L’identifiant « A1 » est déjà celui de la structure de la ligne 2.",
				"structures.csv:7 Doublon probable de la structure de la ligne 2 : même SIREN. Non importée.",
				"structures.csv:8 Doublon probable de la structure de la ligne 3 : même nom dans la même commune. Non importée.",
				"structures.csv:9 Doublon probable de la structure de la ligne 2 : même numéro RNA. Non importée.",
				"structures.csv:11 Doublon probable de la structure de la ligne 10 : même nom dans la même commune. Non importée.",
				"projets.csv:3 Projet non importé : la structure « B4 » a été refusée (structures.csv, ligne 5).",
				"projets.csv:4 Projet non importé : la structure « B10 » a été écartée comme doublon probable (structures.csv, ligne 8).",
				"projets.csv:5 L’identifiant de projet « P1 » est déjà celui du projet de la ligne 2.",
				"projets.csv:7 Projet non importé : aucune structure d’identifiant « A999 » dans les fichiers ni dans le répertoire.",
				"projets.csv:9 L’identifiant de projet « P6 » est déjà celui du projet de la ligne 8.");
		assertThat(report.counts(Entry.ACTOR)).containsEntry(Outcome.CREATED, 5L)
			.containsEntry(Outcome.REFUSED, 2L)
			.containsEntry(Outcome.DUPLICATE, 4L);
		assertThat(report.counts(Entry.PROJECT)).containsEntry(Outcome.CREATED, 3L).containsEntry(Outcome.REFUSED, 5L);
	}

	@Test
	void aRunThatFailsLeavesNoKeys() throws Exception {
		Path actors = csv("membres.csv", ACTOR_HEADER, "F1;Fanfare d’Amiens;" + ASI + ";;;80000;Amiens;",
				"F2;Cercle de Douai;" + ASI + ";;;59500;Douai;", "F3;Chorale de Béthune;" + ASI + ";;;62400;Béthune;");
		Path projects = csv("actions.csv", "Identifiant projet;Identifiant structure;Titre du projet;Nature;Pays",
				"Q1;F1;Concerts à Bamako;Échanges;Mali");
		ImportRequest request = new ImportRequest(this.imports.openAll(List.of(actors, projects)), Map.of(), true,
				"Camille Martin");
		// the projects' file is gone once the actors are written: the run fails there
		Files.delete(projects);

		AtomicLong most = new AtomicLong();
		assertThatThrownBy(() -> this.imports.run(request, new ImportReport(false), counting(most), null))
			.isInstanceOf(IOException.class);
		assertThat(most.get()).as("the run's keys while it ran").isPositive();
		assertThat(keyRows()).as("the failed run's keys").isZero();
	}

	@Test
	void twoRunsDoNotSeeEachOthersKeysAndAnAbandonedRunsKeysGo() {
		this.jdbc.sql("insert into import_key (run_key, key, line) values ('run:000000000000001:abandoned', 'id:X', 2)")
			.update();
		try (ImportKeys.Run one = this.keys.open(OptionalLong.empty());
				ImportKeys.Run other = this.keys.open(OptionalLong.empty())) {
			assertThat(count("select count(*) from import_key where run_key like '%abandoned'"))
				.as("the keys of a run abandoned long ago")
				.isZero();
			one.load(List.of("id:X"));
			one.add(new Key("id:X", 3, null, null));
			one.save();
			other.load(List.of("id:X"));
			assertThat(other.get("id:X")).isNull();
			one.load(List.of("id:X"));
			assertThat(one.get("id:X")).isEqualTo(new Key("id:X", 3, null, null));
			String text = "x".repeat(500) + "\u0000";
			assertThat(ImportKeys.key("id", text)).hasSize("id#".length() + 64).isNotEqualTo(ImportKeys.key("id", "y"));
		}
		assertThat(keyRows()).isZero();
	}

	/** A journal that notes the most keys there were while the run read its rows. */
	private ImportRun.Journal counting(AtomicLong most) {
		return new ImportRun.Journal() {
			@Override
			public void rowRead(long rowsRead) {
				most.accumulateAndGet(keyRows(), Math::max);
			}
		};
	}

	private long keyRows() {
		return count("select count(*) from import_key");
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	private static List<String> reasons(ImportReport report) {
		List<String> reasons = new ArrayList<>();
		for (Problem problem : report.problems()) {
			reasons.add(problem.file() + ":" + problem.line() + " " + problem.reason());
		}
		return reasons;
	}

	private Path csv(String name, String header, String... rows) throws IOException {
		Path file = this.folder.resolve(name);
		Files.writeString(file, header + "\r\n" + String.join("\r\n", rows) + "\r\n", StandardCharsets.UTF_8);
		return file;
	}

	private static String validSiren(int from) {
		for (int n = from;; n++) {
			if (Identifiers.isValidSirenOrSiret(Integer.toString(n))) {
				return Integer.toString(n);
			}
		}
	}

	private static String siret(String siren) {
		for (int n = 10;; n++) {
			String siret = siren + String.format("%05d", n);
			if (Identifiers.isValidSirenOrSiret(siret)) {
				return siret;
			}
		}
	}

}
