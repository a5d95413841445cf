package fr.lianes.repertoire.backup;

import java.time.Clock;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import fr.lianes.repertoire.search.SearchIndexReset;
import fr.lianes.repertoire.time.ClockConfiguration;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * {@code java -jar repertoire.jar restore FILE [--yes]}: puts a backup back into the
 * configured database (the embedded one in {@code repertoire.data-dir}, or
 * {@code SPRING_DATASOURCE_URL}'s), with the web server off and the application stopped.
 * It shows what will be replaced and asks for a confirmation ({@code --yes} answers it
 * for scripts), checks the backup's Flyway history against this version's migrations,
 * saves the current content first ({@code before-restore-….zip} in the backup folder),
 * restores, checks every table's row count, and deletes the search index, which the next
 * start rebuilds. Exit codes: 0 restored, 1 not confirmed, 2 usage, 3 refused, 4 failed.
 * <p>
 * The source of the command's own context (with the clock and the data source it
 * imports), never a component: the web application's scan must not run it at every start.
 */
@ImportAutoConfiguration(DataSourceAutoConfiguration.class)
@Import(ClockConfiguration.class)
@EnableConfigurationProperties(BackupSettings.class)
public class RestoreCommand implements ApplicationRunner, ExitCodeGenerator {

	private static final Set<String> YES = Set.of("oui", "o", "yes", "y");

	private final DataSource dataSource;

	private final BackupSettings settings;

	private final Environment environment;

	private final PrintStream out = System.out;

	private int exitCode = 4;

	private final Clock clock;

	RestoreCommand(DataSource dataSource, BackupSettings settings, Environment environment, Clock clock) {
		this.clock = clock;
		this.dataSource = dataSource;
		this.settings = settings;
		this.environment = environment;
	}

	@Override
	public void run(ApplicationArguments arguments) throws Exception {
		List<String> files = arguments.getNonOptionArgs();
		if (files.size() != 1) {
			this.out.println("Usage: java -jar repertoire.jar restore FILE [--yes] [--name=value settings]");
			this.exitCode = 2;
			return;
		}
		Path file = Path.of(files.get(0));
		if (!Files.isRegularFile(file)) {
			this.out.println("No such file: " + file);
			this.exitCode = 2;
			return;
		}
		Restore restore = new Restore(this.dataSource);
		Restore.Checked checked;
		try {
			checked = restore.check(file);
		}
		catch (RestoreRefusedException | IOException ex) {
			this.out.println("Not restored: " + ex.getMessage());
			this.exitCode = 3;
			return;
		}
		this.out.println("Backup:   " + file + " taken " + checked.manifest().created() + ", schema version "
				+ checked.manifest().schemaVersion() + ", " + checked.manifest().rows() + " rows in "
				+ checked.manifest().tables().size() + " tables");
		this.out.println("Database: " + restore.describeTarget());
		this.out.println("Everything in this database will be replaced by the backup's content.");
		if (!arguments.containsOption("yes") && !confirmed()) {
			this.out.println("Nothing changed.");
			this.exitCode = 1;
			return;
		}
		if (restore.targetHasTables()) {
			Backups.Backup before = new Backups(this.dataSource, this.settings, this.clock).write("before-restore-");
			this.out.println("Current content saved first in " + before.file());
		}
		restore.restore(checked);
		Map<String, Long> expected = checked.manifest().rowsPerTable();
		expected.remove(BackupArchive.FLYWAY_HISTORY);
		Map<String, Long> actual = restore.rowsPerTable();
		actual.remove(BackupArchive.FLYWAY_HISTORY);
		for (Map.Entry<String, Long> table : expected.entrySet()) {
			if (!table.getValue().equals(actual.get(table.getKey()))) {
				throw new SQLException("Table " + table.getKey() + " has " + actual.get(table.getKey())
						+ " rows after the restore, " + table.getValue() + " in the backup");
			}
		}
		this.out.println("Restored: " + checked.manifest().rows() + " rows, every table's count checked.");
		SearchIndexReset.recordIncomplete(this.dataSource);
		SearchIndexReset.discardLocalIndex(this.environment)
			.ifPresent(
					(index) -> this.out.println("Search index deleted (" + index + "): the next start rebuilds it."));
		this.out.println("Start the application: it applies this version's migrations to the restored data.");
		this.exitCode = 0;
	}

	private boolean confirmed() throws IOException {
		this.out.print("Type \"oui\" to replace it: ");
		this.out.flush();
		String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
		return answer != null && YES.contains(answer.strip().toLowerCase(java.util.Locale.ROOT));
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

}
