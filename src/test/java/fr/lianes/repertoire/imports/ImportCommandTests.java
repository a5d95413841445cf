package fr.lianes.repertoire.imports;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import fr.lianes.repertoire.RepertoireApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar repertoire.jar import FILE… [--dry-run]}, run as the README writes it,
 * the web server off, on a directory started as production starts it: a UTF-8 file with a
 * byte order mark and tabs, tried, imported, imported again.
 */
@ExtendWith(OutputCaptureExtension.class)
class ImportCommandTests {

	@TempDir
	Path folder;

	@Test
	void triesImportsThenLeavesUnchanged(CapturedOutput output) throws Exception {
		Path file = this.folder.resolve("export.txt");
		Files.writeString(file, "\ufeffIdentifiant\tNom\tType\tCode INSEE\tStatut\n"
				+ "7\tAssociation Sahel Lille\tAssociation de solidarité internationale\t59350\tactif\n"
				+ "8\tCollège Jean Macé\tétablissement scolaire\t80021\ten veille\n" + "9\tSans commune\tAutre\t\t\n",
				StandardCharsets.UTF_8);
		Path report = this.folder.resolve("rapport.csv");
		// no demo setting: a command never loads the demo directory
		String[] settings = { "--repertoire.embedded-db.database=import_cli", "--spring.main.banner-mode=off" };

		assertThat(run("import", file.toString(), "--dry-run", settings[0], settings[1])).isZero();
		assertThat(output.getAll()).as("an empty directory stays empty of demo data")
			.doesNotContain("Loaded demo directory");
		assertThat(output.getOut()).contains("export.txt: CSV UTF-8 (BOM), separator 'tab'")
			.contains("Structures (essai, rien n’est écrit) : 2 à créer, 0 à mettre à jour, 0 inchangées, "
					+ "0 doublons probables écartés, 1 refusées")
			.contains("export.txt:4: La commune manque");

		assertThat(run("import", file.toString(), "--report=" + report, "--by=Camille", settings[0], settings[1]))
			.isZero();
		assertThat(output.getOut()).contains("Structures : 2 créées, 0 mises à jour, 0 inchangées");
		assertThat(Files.readString(report, StandardCharsets.UTF_8)).contains("export.txt;4;structure;refusée;");

		assertThat(run("import", file.toString(), settings[0], settings[1])).isZero();
		assertThat(output.getOut()).contains("Structures : 0 créées, 0 mises à jour, 2 inchangées");

		assertThat(run("import", this.folder.resolve("absent.csv").toString(), settings[0], settings[1])).isEqualTo(2);
	}

	private static int run(String... args) {
		return RepertoireApplication.runCommand(args);
	}

}
