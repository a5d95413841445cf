package fr.lianes.repertoire.imports;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import fr.lianes.repertoire.imports.ImportRequest.ImportFile;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;

/**
 * {@code java -jar repertoire.jar import FILE… [--dry-run] [--publish] [--by=NAME]
 * [--report=FILE.csv]}: imports the old directory's exports with the web server off,
 * through the same code as the back office. Files of actors first, then files of
 * projects, whatever their order. Prints the counts; {@code --report} writes the refused
 * and doubtful rows. Exit codes: 0 done, 2 usage, 3 a file cannot be read, 4 failed.
 * <p>
 * Not a {@code @Configuration} nor a {@code @Component}: only this command's primary
 * source, which scans the whole application as {@code RepertoireApplication} does (web
 * server off; naming that class would make a cycle between the root and this module), and
 * never picked up by the web application's component scan.
 */
@EnableAutoConfiguration
@ComponentScan(basePackages = "fr.lianes.repertoire",
		excludeFilters = { @Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
				@Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class) })
@ConfigurationPropertiesScan("fr.lianes.repertoire")
@Import(ImportCommand.Runner.class)
public class ImportCommand {

	ImportCommand() {
	}

	static class Runner implements ApplicationRunner, ExitCodeGenerator {

		private final Imports imports;

		private final PrintStream out = System.out;

		private int exitCode = 4;

		Runner(Imports imports) {
			this.imports = imports;
		}

		@Override
		public void run(ApplicationArguments arguments) throws Exception {
			List<String> names = arguments.getNonOptionArgs();
			if (names.isEmpty()) {
				this.out.println(
						"Usage: java -jar repertoire.jar import FILE... [--dry-run] [--publish] [--by=NAME] [--report=FILE.csv]");
				this.exitCode = 2;
				return;
			}
			List<Path> paths = new ArrayList<>();
			for (String name : names) {
				Path path = Path.of(name);
				if (!Files.isRegularFile(path)) {
					this.out.println("No such file: " + path);
					this.exitCode = 2;
					return;
				}
				paths.add(path);
			}
			List<ImportFile> files;
			try {
				files = this.imports.openAll(paths);
			}
			catch (java.io.IOException ex) {
				this.out.println("Cannot read: " + ex.getMessage());
				this.exitCode = 3;
				return;
			}
			for (ImportFile file : files) {
				this.out.println(file.name() + ": " + describe(file));
			}
			String by = arguments.containsOption("by") ? arguments.getOptionValues("by").get(0) : "ligne de commande";
			ImportRequest request = new ImportRequest(files, Imports.noValueMapping(),
					arguments.containsOption("publish"), by);
			boolean dryRun = arguments.containsOption("dry-run");
			ImportReport report = dryRun ? this.imports.dryRun(request) : this.imports.run(request);
			this.out.print(report.summary(this.imports.messages(), Locale.FRENCH));
			for (ImportReport.Problem problem : report.problems().stream().limit(50).toList()) {
				this.out.println(problem.file() + ":" + problem.line() + ": " + problem.reason());
			}
			if (report.problems().size() > 50) {
				this.out.println("... " + (report.problems().size() - 50) + " more (--report=FILE.csv lists them all)");
			}
			if (arguments.containsOption("report")) {
				Path target = Path.of(arguments.getOptionValues("report").get(0));
				try (Writer writer = new OutputStreamWriter(Files.newOutputStream(target), StandardCharsets.UTF_8)) {
					report.writeCsv(writer, this.imports.messages(), Locale.FRENCH);
				}
				this.out.println("Report: " + target);
			}
			this.exitCode = 0;
		}

		private static String describe(ImportFile file) {
			TableFormat format = file.format();
			String kind = (format.kind() == TableFormat.Kind.CSV) ? "CSV " + format.charset().name()
					+ (format.bom() ? " (BOM)" : "") + ", separator '" + format.separatorName() + "'"
					: format.kind().name();
			List<String> mapped = new ArrayList<>();
			for (int i = 0; i < file.mapping().headers().size(); i++) {
				ImportField field = file.mapping().fields().get(i);
				mapped.add(file.mapping().headers().get(i) + "=" + ((field != null) ? field.name() : "-"));
			}
			return kind + "; " + String.join(", ", mapped);
		}

		@Override
		public int getExitCode() {
			return this.exitCode;
		}

	}

}
