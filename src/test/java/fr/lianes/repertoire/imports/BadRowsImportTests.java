package fr.lianes.repertoire.imports;

import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import fr.lianes.repertoire.directory.Identifiers;
import fr.lianes.repertoire.imports.ImportReport.Entry;
import fr.lianes.repertoire.imports.ImportReport.Outcome;
import fr.lianes.repertoire.imports.ImportReport.Problem;
import fr.lianes.repertoire.imports.ImportReport.Severity;
import fr.lianes.repertoire.imports.ImportRequest.ImportFile;
import fr.lianes.repertoire.reference.CommuneLookup;
import fr.lianes.repertoire.reference.DomainRef;
import fr.lianes.repertoire.reference.ReferenceData;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * An export with every kind of bad row a person's file has: each is reported with its
 * file, line and French reason; every good row is imported, and a refused row leaves
 * nothing behind. The actors come as a UTF-8 CSV separated by commas, the projects as an
 * XLSX workbook; the directory is started as production starts it.
 */
@SpringBootTest(properties = { "repertoire.embedded-db.database=import_bad", "repertoire.demo.load-on-empty=false" })
class BadRowsImportTests {

	@Autowired
	Imports imports;

	@Autowired
	Vocabulary vocabulary;

	@Autowired
	CommuneLookup communes;

	@Autowired
	ReferenceData lists;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MessageSource messages;

	@TempDir
	Path folder;

	private static final List<String> ACTOR_HEADERS = List.of("Identifiant", "Nom", "Sigle", "Type de structure",
			"SIRET", "N° RNA", "Code postal", "Commune", "Code INSEE", "Site web", "Courriel", "Date de création",
			"Statut", "Contact", "Courriel du contact", "Accord publication nom", "Accord publication courriel");

	@Test
	void reportsEachBadRowWithItsLineAndReasonAndImportsEveryGoodOne() throws Exception {
		String siren = validSiren(100000000);
		String otherSiren = validSiren(Integer.parseInt(siren) + 1);
		String badSiret = siren.substring(0, 8) + (char) ('0' + ((siren.charAt(8) - '0' + 1) % 10));
		String ambiguous = ambiguousPostalCode();
		List<List<String>> rows = new ArrayList<>();
		// line 2..4: good rows
		rows.add(actor("A1", "Association Tiléla", "TIL", "Association de solidarité internationale", spaced(siren),
				"w595012345", "59000", "Lille", "", "www.tilela.org", "contact@tilela.example", "12/03/1998", "actif",
				"Awa Diop", "awa@tilela.example", "oui", "non"));
		rows.add(actor("A2", "Comité de jumelage de Roubaix", "", "comite de jumelage", "", "", "59100", "ROUBAIX", "",
				"", "", "1987", "En veille", "", "", "", ""));
		rows.add(actor("A3", "Lycée Baggio", "", "Établissement scolaire", otherSiren, "", "", "", "59350", "", "", "",
				"Cessé", "", "", "", ""));
		// line 5..: refused
		rows.add(actor("B1", "", "", "Association de solidarité internationale", "", "", "59000", "Lille", "", "", "",
				"", "", "", "", "", ""));
		rows.add(actor("B2", "N".repeat(201), "", "Association de solidarité internationale", "", "", "59000", "Lille",
				"", "", "", "", "", "", "", "", ""));
		rows.add(actor("B3", "Sans type", "", "", "", "", "59000", "Lille", "", "", "", "", "", "", "", "", ""));
		rows.add(actor("B4", "Club des supporters", "", "Club de foot", "", "", "59000", "Lille", "", "", "", "", "",
				"", "", "", ""));
		rows.add(actor("B5", "Amis de Paris", "", "Autre association", "", "", "75011", "Paris", "", "", "", "", "", "",
				"", "", ""));
		rows.add(actor("B6", "Code faux", "", "Autre association", "", "", "", "", "99999", "", "", "", "", "", "", "",
				""));
		rows.add(
				actor("B7", "Nulle part", "", "Autre association", "", "", "", "", "", "", "", "", "", "", "", "", ""));
		rows.add(actor("B8", "Quelque part", "", "Autre association", "", "", ambiguous, "", "", "", "", "", "", "", "",
				"", ""));
		rows.add(actor("A1", "Tiléla encore", "", "Autre association", "", "", "59000", "Lille", "", "", "", "", "", "",
				"", "", ""));
		rows.add(actor("B9", "Tiléla Lille", "", "Autre association", validSiret(siren), "", "", "", "59350", "", "",
				"", "", "", "", "", ""));
		rows.add(actor("B10", "COMITE DE JUMELAGE DE ROUBAIX", "", "Comité de jumelage", "", "", "59100", "Roubaix", "",
				"", "", "", "", "", "", "", ""));
		rows.add(actor("B11", "Autre nom", "", "Autre association", "", "W595012345", "62000", "Arras", "", "", "", "",
				"", "", "", "", ""));
		rows.add(actor("X".repeat(101), "Identifiant trop long", "", "Autre association", "", "", "62000", "Arras", "",
				"", "", "", "", "", "", "", ""));
		// line 18: an empty line, skipped; lines 19 to 28: imported, with a doubt each
		rows.add(List.of());
		rows.add(actor("C1", "Siret faux", "", "Autre association", badSiret, "", "80000", "Amiens", "", "", "", "", "",
				"", "", "", ""));
		rows.add(actor("C2", "RNA faux", "", "Autre association", "", "W12", "80000", "Amiens", "", "", "", "", "", "",
				"", "", ""));
		rows.add(actor("C3", "Site faux", "", "Autre association", "", "", "", "", "80021", "pas un site", "", "", "",
				"", "", "", ""));
		rows.add(actor("C4", "Courriel faux", "", "Autre association", "", "", "", "", "80021", "", "contact(at)x", "",
				"", "", "", "", ""));
		rows.add(actor("C5", "Date fausse", "", "Autre association", "", "", "", "", "80021", "", "", "l'an dernier",
				"", "", "", "", ""));
		rows.add(actor("C6", "Statut faux", "", "Autre association", "", "", "", "", "80021", "", "", "", "peut-être",
				"", "", "", ""));
		rows.add(actor("C7", "Sigle long", "S".repeat(31), "Autre association", "", "", "", "", "80021", "", "", "", "",
				"", "", "", ""));
		rows.add(actor("C8", "Contact sans nom", "", "Autre association", "", "", "", "", "80021", "", "", "", "", "",
				"sans.nom@example.org", "", ""));
		rows.add(actor("C9", "Accord illisible", "", "Autre association", "", "", "", "", "80021", "", "", "", "",
				"Jean Dupont", "", "bof", ""));
		rows.add(actor("C10", "Contact courriel faux", "", "Autre association", "", "", "", "", "80021", "", "", "", "",
				"Marie Curie", "marie(at)x", "", ""));
		Path actors = this.folder.resolve("structures.csv");
		StringBuilder csv = new StringBuilder(String.join(",", ACTOR_HEADERS)).append("\r\n");
		for (List<String> row : rows) {
			csv.append(String.join(",", row.stream().map(BadRowsImportTests::quoted).toList())).append("\r\n");
		}
		Files.writeString(actors, csv, StandardCharsets.UTF_8);

		String domain = this.lists.domains().stream().filter((d) -> !d.isTopLevel()).findFirst().orElseThrow().name();
		String otherDomain = this.lists.domains()
			.stream()
			.filter(DomainRef::isTopLevel)
			.findFirst()
			.orElseThrow()
			.name();
		Path projects = this.folder.resolve("projets.xlsx");
		xlsx(projects,
				List.of("Identifiant projet", "Identifiant structure", "Titre du projet", "Type de projet", "Nature",
						"État du projet", "Pays", "Domaines", "Année de début", "Année de fin",
						"Collectivité partenaire"),
				List.of(
						// rows 2..4: good
						List.of("P1", "A1", "Puits à Tanguiéta", "Projet de coopération", "Construction", "en cours",
								"Bénin", domain, "2019", "", ""),
						List.of("P2", "A2", "Échanges scolaires", "", "Échanges", "Terminé",
								"Cote d Ivoire, RDC et Sénégal (Dakar)", lowerUnaccented(domain) + "; " + otherDomain,
								"2015", "2016", ""),
						List.of("P3", "A3", "Convention avec Tanguiéta", "Coopération décentralisée",
								"Appui institutionnel", "", "BEN", domain, "2010", "31/12/2012",
								"Commune de Tanguiéta"),
						// rows 5..: refused
						List.of("Q1", "A1", "", "", "Formation", "", "Mali", domain, "", "", ""),
						List.of("Q2", "A999", "Projet orphelin", "", "Formation", "", "Mali", domain, "", "", ""),
						List.of("Q3", "B4", "Projet du club", "", "Formation", "", "Mali", domain, "", "", ""),
						List.of("Q4", "B10", "Projet du doublon", "", "Formation", "", "Mali", domain, "", "", ""),
						List.of("Q5", "A1", "Sans pays", "", "Formation", "", "", domain, "", "", ""),
						List.of("Q6", "A1", "Pays imaginaire", "", "Formation", "", "Atlantide", domain, "", "", ""),
						List.of("Q7", "A1", "Domaine inconnu", "", "Formation", "", "Mali", "Pétanque", "", "", ""),
						List.of("Q8", "A1", "Sans nature", "", "", "", "Mali", domain, "", "", ""),
						List.of("Q9", "A1", "Nature inconnue", "", "Divers", "", "Mali", domain, "", "", ""),
						List.of("Q10", "A1", "Type inconnu", "Autre chose", "Formation", "", "Mali", domain, "", "",
								""),
						List.of("Q11", "A1", "Années inversées", "", "Formation", "", "Mali", domain, "2015", "2010",
								""),
						List.of("Q12", "A1", "Convention sans partenaire", "Coopération décentralisée", "Formation", "",
								"Mali", domain, "", "", ""),
						List.of("P1", "A1", "Puits répété", "", "Formation", "", "Mali", domain, "", "", ""),
						// rows 17..: imported with a doubt
						List.of("R1", "A1", "Pays en partie inconnu", "", "Formation", "", "Mali, Atlantide", domain,
								"", "", ""),
						List.of("R2", "A1", "Année illisible", "", "Formation", "", "Mali", domain, "bientôt", "", ""),
						List.of("R3", "A1", "État inconnu", "", "Formation", "en pause", "Mali", domain, "", "", "")));

		List<ImportFile> files = this.imports.openAll(List.of(actors, projects));
		assertThat(files.get(0).format().charset()).isEqualTo(StandardCharsets.UTF_8);
		assertThat(files.get(0).format().separator()).isEqualTo(',');
		assertThat(files.get(1).format().kind()).isEqualTo(TableFormat.Kind.XLSX);
		ImportRequest request = new ImportRequest(files, Map.of(), true, "Camille Martin");
		ImportReport report = this.imports.run(request);

		assertThat(report.problems()).extracting(Problem::file, Problem::line, Problem::severity)
			.contains(tuple("structures.csv", 5, Severity.REFUSED), tuple("structures.csv", 6, Severity.REFUSED),
					tuple("structures.csv", 7, Severity.REFUSED), tuple("structures.csv", 8, Severity.REFUSED),
					tuple("structures.csv", 9, Severity.REFUSED), tuple("structures.csv", 10, Severity.REFUSED),
					tuple("structures.csv", 11, Severity.REFUSED), tuple("structures.csv", 12, Severity.REFUSED),
					tuple("structures.csv", 13, Severity.REFUSED), tuple("structures.csv", 14, Severity.DUPLICATE),
					tuple("structures.csv", 15, Severity.DUPLICATE), tuple("structures.csv", 16, Severity.DUPLICATE),
					tuple("structures.csv", 17, Severity.REFUSED));
		assertReason(report, "structures.csv", 5, "Le nom de la structure manque.");
		assertReason(report, "structures.csv", 6,
				"Le nom de la structure est trop long (201 caractères, 200 au plus).");
		assertReason(report, "structures.csv", 7, "Le type de structure manque.");
		assertReason(report, "structures.csv", 8, "Type de structure inconnu : « Club de foot »");
		assertReason(report, "structures.csv", 9, "Commune inconnue dans la région : « 75011 Paris ».");
		assertReason(report, "structures.csv", 10, "Code INSEE inconnu dans la région : « 99999 ».");
		assertReason(report, "structures.csv", 11, "La commune manque");
		assertReason(report, "structures.csv", 12, "Plusieurs communes répondent à « " + ambiguous + " »");
		assertReason(report, "structures.csv", 13,
				"L’identifiant « A1 » est déjà celui de la structure de la ligne 2.");
		assertReason(report, "structures.csv", 14, "Doublon probable de la structure de la ligne 2 : même SIREN.");
		assertReason(report, "structures.csv", 15,
				"Doublon probable de la structure de la ligne 3 : même nom dans la même commune.");
		assertReason(report, "structures.csv", 16, "Doublon probable de la structure de la ligne 2 : même numéro RNA.");
		assertReason(report, "structures.csv", 17, "L’identifiant de l’ancien répertoire est trop long");
		assertReason(report, "structures.csv", 19, "Numéro SIRET ou SIREN invalide");
		assertReason(report, "structures.csv", 20, "Numéro RNA invalide (W suivi de 9 caractères) : « W12 ».");
		assertReason(report, "structures.csv", 21, "Adresse de site illisible : « pas un site ».");
		assertReason(report, "structures.csv", 22, "Adresse e-mail illisible : « contact(at)x ».");
		assertReason(report, "structures.csv", 23, "Date ou année illisible : « l'an dernier ».");
		assertReason(report, "structures.csv", 24, "Statut inconnu : « peut-être »");
		assertReason(report, "structures.csv", 25, "Valeur trop longue (30 caractères au plus)");
		assertReason(report, "structures.csv", 26, "Contact sans nom : laissé de côté.");
		assertReason(report, "structures.csv", 27, "Accord de publication illisible : « bof »");
		assertReason(report, "structures.csv", 28, "Adresse e-mail du contact illisible : « marie(at)x ».");
		assertReason(report, "projets.xlsx", 5, "Le titre du projet manque.");
		assertReason(report, "projets.xlsx", 6,
				"Projet non importé : aucune structure d’identifiant « A999 » dans les fichiers ni dans le répertoire.");
		assertReason(report, "projets.xlsx", 7,
				"Projet non importé : la structure « B4 » a été refusée (structures.csv, ligne 8).");
		assertReason(report, "projets.xlsx", 8,
				"Projet non importé : la structure « B10 » a été écartée comme doublon probable (structures.csv, ligne 15).");
		assertReason(report, "projets.xlsx", 9, "Le pays du projet manque.");
		assertReason(report, "projets.xlsx", 10, "Aucun pays reconnu dans « Atlantide ».");
		assertReason(report, "projets.xlsx", 11, "Domaine inconnu : « Pétanque »");
		assertReason(report, "projets.xlsx", 12, "La nature de l’action manque.");
		assertReason(report, "projets.xlsx", 13, "Nature de l’action inconnue : « Divers ».");
		assertReason(report, "projets.xlsx", 14, "Type de projet inconnu : « Autre chose ».");
		assertReason(report, "projets.xlsx", 15, "L’année de fin (2010) précède l’année de début (2015).");
		assertReason(report, "projets.xlsx", 16, "Une coopération décentralisée demande la collectivité partenaire.");
		assertReason(report, "projets.xlsx", 17,
				"L’identifiant de projet « P1 » est déjà celui du projet de la ligne 2.");
		assertReason(report, "projets.xlsx", 18, "Pays inconnu : « Atlantide ». Laissé de côté.");
		assertReason(report, "projets.xlsx", 19, "Date ou année illisible : « bientôt ».");
		assertReason(report, "projets.xlsx", 20, "État du projet inconnu : « en pause »");
		assertThat(report.problems().stream().map(Problem::reason).distinct().count()).as("kinds of bad rows")
			.isGreaterThanOrEqualTo(39);

		// every good row imported (3 clean, 10 with a doubt), nothing of a refused one
		assertThat(report.counts(Entry.ACTOR)).containsEntry(Outcome.CREATED, 13L)
			.containsEntry(Outcome.REFUSED, 10L)
			.containsEntry(Outcome.DUPLICATE, 3L);
		assertThat(report.counts(Entry.PROJECT)).containsEntry(Outcome.CREATED, 6L).containsEntry(Outcome.REFUSED, 13L);
		assertThat(count("select count(*) from actor")).isEqualTo(13);
		assertThat(count("select count(*) from actor_legacy_id")).isEqualTo(13);
		assertThat(count("select count(*) from project")).isEqualTo(6);
		assertThat(this.jdbc.sql("select name from actor where name in ('Sans type', 'Amis de Paris', 'Tiléla Lille')")
			.query(String.class)
			.list()).isEmpty();
		assertThat(count("select count(*) from change_log where action = 'IMPORTED'")).isEqualTo(13 + 6);

		// the values as people write them
		assertThat(this.jdbc.sql("""
				select a.siren_siret || '|' || a.rna || '|' || a.website || '|' || a.founding_year || '|' || a.status
				from actor a join actor_legacy_id l on l.actor_id = a.id where l.legacy_id = 'A1'""")
			.query(String.class)
			.single()).isEqualTo(siren + "|W595012345|https://www.tilela.org|1998|ACTIVE");
		assertThat(this.jdbc.sql("""
				select a.commune_insee || '|' || a.status || '|' || a.actor_type_code from actor a
				join actor_legacy_id l on l.actor_id = a.id where l.legacy_id in ('A2', 'A3') order by l.legacy_id""")
			.query(String.class)
			.list()).containsExactly("59512|DORMANT|comite-jumelage", "59350|CEASED|etablissement-scolaire");
		assertThat(this.jdbc.sql("""
				select string_agg(pc.country_iso2, ',' order by pc.country_iso2) from project_country pc
				join project_legacy_id l on l.project_id = pc.project_id where l.legacy_id = 'P2'""")
			.query(String.class)
			.single()).isEqualTo("CD,CI,SN");
		assertThat(this.jdbc.sql("""
				select p.kind || '|' || p.status || '|' || p.end_year from project p
				join project_legacy_id l on l.project_id = p.id where l.legacy_id = 'P3'""")
			.query(String.class)
			.single()).isEqualTo("DECENTRALISED_COOPERATION|COMPLETED|2012");
		// a contact's consents from the file, recorded with the channel IMPORT and the
		// file
		assertThat(this.jdbc.sql("""
				select c.field || '=' || c.granted || '|' || c.channel || '|' || c.recorded_by from contact_consent c
				join contact_person p on p.id = c.contact_person_id where p.full_name = 'Awa Diop' order by c.field""")
			.query(String.class)
			.list()).containsExactly("EMAIL=false|IMPORT|import de structures.csv par Camille Martin",
					"NAME=true|IMPORT|import de structures.csv par Camille Martin",
					"PHONE=false|IMPORT|import de structures.csv par Camille Martin");

		// the report as a file
		StringWriter written = new StringWriter();
		report.writeCsv(written, this.messages, Locale.FRENCH);
		assertThat(written.toString()).startsWith("\ufefffichier;ligne;fiche;gravité;motif\r\n")
			.contains("structures.csv;8;structure;refusée;Type de structure inconnu : « Club de foot »");

		// mapped by a person, the unknown type is imported the second time; the rest is
		// unchanged
		assertThat(report.unknownValues(Vocabulary.Mapped.TYPE)).containsExactly("Club de foot");
		ImportReport again = this.imports.run(new ImportRequest(files,
				Map.of("TYPE:" + Vocabulary.key("Club de foot"), "association-autre"), true, "Camille Martin"));
		assertThat(again.counts(Entry.ACTOR)).containsEntry(Outcome.CREATED, 1L).containsEntry(Outcome.UNCHANGED, 13L);
		assertThat(again.counts(Entry.PROJECT)).containsEntry(Outcome.CREATED, 1L).containsEntry(Outcome.UNCHANGED, 6L);
	}

	@Test
	void readsCountriesDatesAndIdentifiersAsPeopleWriteThem() {
		assertThat(List.of("Côte d'Ivoire", "Cote d Ivoire", "COTE D'IVOIRE", "CIV", "ci", "Ivory Coast"))
			.allSatisfy((written) -> assertThat(this.vocabulary.country(written)).as(written).contains("CI"));
		assertThat(List.of("RDC", "Congo (RDC)", "République démocratique du Congo", "Congo-Kinshasa", "COD"))
			.allSatisfy((written) -> assertThat(this.vocabulary.country(written)).as(written).contains("CD"));
		assertThat(this.vocabulary.country("Sénégal (Dakar)")).contains("SN");
		assertThat(this.vocabulary.country("senegal")).contains("SN");
		assertThat(this.vocabulary.country("Germany")).contains("DE");
		assertThat(this.vocabulary.countries("Mali, Burkina Faso et Niger ; Togo / Bénin").iso2()).containsExactly("ML",
				"BF", "NE", "TG", "BJ");
		assertThat(this.vocabulary.countries("Svalbard et Jan Mayen").iso2()).containsExactly("SJ");
		assertThat(this.vocabulary.countries("Congo - Kinshasa et Niger").iso2()).containsExactly("CD", "NE");
		assertThat(Cells.year("12/03/1998")).contains((short) 1998);
		assertThat(Cells.year("1er mars 2004")).contains((short) 2004);
		assertThat(Cells.year("2004-03-12")).contains((short) 2004);
		assertThat(Cells.year("03/2004")).contains((short) 2004);
		assertThat(Cells.year("31/02/2004")).isEmpty();
		assertThat(Cells.sirenSiret("732 829 320 00074")).isPresent();
		assertThat(Cells.sirenSiret("732 829 320 00075")).isEmpty();
		assertThat(Cells.postalCode("2100")).contains("02100");
		assertThat(Vocabulary.actorStatus("En veille")).isPresent();
		assertThat(this.vocabulary.actorType("ASSOCIATION DE MIGRANTS", Map.of())).contains("association-migrants");
	}

	private void assertReason(ImportReport report, String file, int line, String reason) {
		assertThat(report.problems()).as(file + ":" + line).anySatisfy((problem) -> {
			assertThat(problem.file()).isEqualTo(file);
			assertThat(problem.line()).isEqualTo(line);
			assertThat(problem.reason()).startsWith(reason);
		});
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	private String ambiguousPostalCode() {
		for (int code = 2000; code < 81000; code += 10) {
			String postalCode = String.format("%05d", code);
			if (this.communes.byPostalCode(postalCode).size() > 1) {
				return postalCode;
			}
		}
		throw new IllegalStateException("no postal code of several communes");
	}

	private static String validSiren(int from) {
		for (int n = from;; n++) {
			if (Identifiers.isValidSirenOrSiret(Integer.toString(n))) {
				return Integer.toString(n);
			}
		}
	}

	private static String validSiret(String siren) {
		for (int n = 10;; n++) {
			String siret = siren + String.format("%05d", n);
			if (Identifiers.isValidSirenOrSiret(siret)) {
				return siret;
			}
		}
	}

	private static String spaced(String siren) {
		return siren.substring(0, 3) + " " + siren.substring(3, 6) + " " + siren.substring(6);
	}

	private static String lowerUnaccented(String text) {
		return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.toLowerCase(Locale.ROOT);
	}

	private static List<String> actor(String... cells) {
		return List.of(cells);
	}

	private static String quoted(String cell) {
		return (cell.contains(",") || cell.contains("\"")) ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
	}

	private static void xlsx(Path file, List<String> header, List<List<String>> rows) throws Exception {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			XSSFSheet sheet = workbook.createSheet("Projets");
			List<List<String>> all = new ArrayList<>();
			all.add(header);
			all.addAll(rows);
			for (int r = 0; r < all.size(); r++) {
				XSSFRow row = sheet.createRow(r);
				for (int c = 0; c < all.get(r).size(); c++) {
					if (!all.get(r).get(c).isEmpty()) {
						row.createCell(c).setCellValue(all.get(r).get(c));
					}
				}
			}
			workbook.write(out);
		}
	}

}
