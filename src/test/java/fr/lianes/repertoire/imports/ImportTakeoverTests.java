package fr.lianes.repertoire.imports;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import fr.lianes.repertoire.testing.WebClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import static fr.lianes.repertoire.imports.ImportAssertions.number;
import static fr.lianes.repertoire.imports.ImportAssertions.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances on one database, both running: an import started on the first is run by
 * the first alone (the second, whose periodic check looks for unclaimed jobs every 200
 * ms, leaves it alone); the first stops while the import is under way, its claim going
 * with its connection, and the second, which keeps running and is not restarted, takes
 * the job up by itself from the last batch the first committed and finishes it, every row
 * imported exactly once. Each instance is started as production starts it, with its own
 * web server; their uploads in one shared folder.
 */
class ImportTakeoverTests {

	private static final String ADMIN = "admin@import-takeover.example";

	private static final int ACTORS = 80;

	@TempDir
	Path uploads;

	@Test
	void aRunningInstanceTakesUpTheJobOfAnInstanceThatStopped() throws Exception {
		String export = ImportInstances.export("T", ACTORS, 5000, 7000);
		ConfigurableApplicationContext first = start();
		ConfigurableApplicationContext second = null;
		try {
			second = start();
			Environment environment = first.getEnvironment();
			String url = environment.getProperty("spring.datasource.url");
			String user = environment.getProperty("spring.datasource.username");
			String password = environment.getProperty("spring.datasource.password", "");
			ImportJobs secondJobs = second.getBean(ImportJobs.class);

			String token = ImportInstances.startImport(ImportInstances.signIn(first, ADMIN), first, export);
			long id = first.getBean(ImportJobs.class).latest(token).orElseThrow().id();
			await().atMost(Duration.ofMinutes(2))
				.pollInterval(Duration.ofMillis(20))
				.until(() -> number(url, user, password, "select written from import_job") >= 3);
			assertThat(first.getBean(ImportJobs.class).active(id)).as("run by the first").isTrue();
			assertThat(secondJobs.active(id)).as("left alone by the second while the first holds it").isFalse();

			first.close();
			long written = number(url, user, password, "select written from import_job");
			assertThat(text(url, user, password, "select state from import_job")).isEqualTo("RUNNING");
			assertThat(written).as("stopped in the middle").isBetween(3L, 2L * ACTORS - 1);

			// the second, running all along, takes it up by its periodic check
			await().atMost(Duration.ofMinutes(2))
				.until(() -> secondJobs.active(id)
						|| "DONE".equals(text(url, user, password, "select state from import_job")));
			WebClient other = ImportInstances.signIn(second, ADMIN);
			ImportAssertions.importedExactlyOnce(ImportWebTests.finished(other, token),
					new ImportAssertions.Database(url, user, password), ACTORS);
			assertThat(Files.list(this.uploads)).as("one upload, shared").hasSize(1);
		}
		finally {
			first.close();
			if (second != null) {
				second.close();
			}
		}
	}

	private ConfigurableApplicationContext start() {
		return ImportInstances.start("import_takeover", ADMIN, "--repertoire.imports.takeover-interval=200ms",
				"--repertoire.imports.directory=" + this.uploads);
	}

}
