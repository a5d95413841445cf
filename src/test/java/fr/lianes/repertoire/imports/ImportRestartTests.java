package fr.lianes.repertoire.imports;

import java.time.Duration;

import fr.lianes.repertoire.testing.WebClient;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import static fr.lianes.repertoire.imports.ImportAssertions.number;
import static fr.lianes.repertoire.imports.ImportAssertions.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An import through a real restart: the application is started as production starts it
 * (its own web server, no demo data), an administrator starts an import over HTTP, the
 * application is stopped while the import is under way (some batches committed, not all)
 * and started again on the same database: the job goes on by itself and finishes with
 * every row imported exactly once.
 */
class ImportRestartTests {

	private static final String ADMIN = "admin@import-restart.example";

	private static final int ACTORS = 80;

	@Test
	void anImportStoppedByAShutdownFinishesAfterTheNextStart() throws Exception {
		String export = ImportInstances.export("R", ACTORS, 0, 1000);
		String token;
		String url;
		String user;
		String password;
		ConfigurableApplicationContext first = start();
		try {
			Environment environment = first.getEnvironment();
			url = environment.getProperty("spring.datasource.url");
			user = environment.getProperty("spring.datasource.username");
			password = environment.getProperty("spring.datasource.password", "");
			token = ImportInstances.startImport(ImportInstances.signIn(first, ADMIN), first, export);
			// some batches of one row committed: stop the application
			await().atMost(Duration.ofMinutes(2))
				.pollInterval(Duration.ofMillis(20))
				.until(() -> number(url, user, password, "select coalesce(max(written), 0) from import_job") >= 3);
		}
		finally {
			first.close();
		}
		long written = number(url, user, password, "select written from import_job");
		assertThat(text(url, user, password, "select state from import_job")).isEqualTo("RUNNING");
		assertThat(written).as("stopped in the middle").isBetween(3L, 2L * ACTORS - 1);
		assertThat(number(url, user, password, "select count(*) from change_log where action = 'IMPORTED'"))
			.as("what the stopped run committed is there")
			.isEqualTo(written);

		ConfigurableApplicationContext second = start();
		try {
			WebClient admin = ImportInstances.signIn(second, ADMIN);
			ImportAssertions.importedExactlyOnce(ImportWebTests.finished(admin, token),
					new ImportAssertions.Database(url, user, password), ACTORS);
		}
		finally {
			second.close();
		}
	}

	private static ConfigurableApplicationContext start() {
		return ImportInstances.start("import_restart", ADMIN);
	}

}
