package fr.lianes.repertoire.database;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The embedded server keeps its data in its directory across restarts, even when the
 * previous run was killed without stopping it.
 */
class EmbeddedPostgresServerTests {

	@TempDir
	Path directory;

	@Test
	void keepsDataAcrossRestarts() throws Exception {
		Path data = this.directory.resolve("postgres");
		execute(EmbeddedPostgresServer.startOnce(data, true).jdbcUrl("kept"),
				"create table note (text varchar(20)); insert into note values ('still here')");
		EmbeddedPostgresServer.stop(data);

		String url = EmbeddedPostgresServer.startOnce(data, true).jdbcUrl("kept");
		assertThat(queryNote(url)).isEqualTo("still here");
		EmbeddedPostgresServer.stop(data);
	}

	@Test
	void durableServerWritesToDiskAtEveryCommit() throws Exception {
		Path data = this.directory.resolve("durable");
		String url = EmbeddedPostgresServer.startOnce(data, true).jdbcUrl("postgres");
		try {
			assertThat(setting(url, "fsync")).isEqualTo("on");
			assertThat(setting(url, "synchronous_commit")).isEqualTo("on");
		}
		finally {
			EmbeddedPostgresServer.stop(data);
		}
	}

	@Test
	void startsAgainOnItsPortWithItsDataWhenThePostmasterIsKilled() throws Exception {
		Path data = this.directory.resolve("killed");
		EmbeddedPostgresServer server = EmbeddedPostgresServer.startOnce(data, true);
		try {
			String url = server.jdbcUrl("kept");
			execute(url, "create table note (text varchar(20)); insert into note values ('still here')");
			ProcessHandle postmaster = postmaster(data);
			postmaster.destroyForcibly();
			postmaster.onExit().join();
			assertThat(server.isAlive()).isFalse();

			// processes of the killed server may still hold its shared memory for a
			// moment
			await().atMost(Duration.ofMinutes(1)).until(server::restartIfDead);
			assertThat(postmaster(data).pid()).isNotEqualTo(postmaster.pid());
			assertThat(queryNote(url)).isEqualTo("still here");
			assertThat(setting(url, "fsync")).isEqualTo("on");
		}
		finally {
			EmbeddedPostgresServer.stop(data);
		}
		assertThat(Files.exists(data.resolve("postmaster.pid"))).as("stopped with the library's handle").isFalse();
	}

	static ProcessHandle postmaster(Path data) throws IOException {
		long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
		return ProcessHandle.of(pid).orElseThrow();
	}

	private static String setting(String url, String name) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url);
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("show " + name)) {
			assertThat(result.next()).isTrue();
			return result.getString(1);
		}
	}

	@Test
	void takesOverFromAPostmasterLeftRunningByAKilledRun() throws Exception {
		Path data = this.directory.resolve("orphan");
		startOrphanedRun(data).destroyForcibly().waitFor();

		String url = EmbeddedPostgresServer.startOnce(data, true).jdbcUrl("postgres");
		assertThat(queryNote(url)).isEqualTo("survived");
		EmbeddedPostgresServer.stop(data);
	}

	@Test
	void refusesADirectoryThatAnotherRunningInstanceUses() throws Exception {
		Path data = this.directory.resolve("busy");
		Process run = startOrphanedRun(data);
		try {
			assertThatIllegalStateException().isThrownBy(() -> EmbeddedPostgresServer.startOnce(data, true))
				.withMessageContaining("another running instance");
		}
		finally {
			run.destroyForcibly().waitFor();
		}
		// once that instance is gone, its data is taken over
		assertThat(queryNote(EmbeddedPostgresServer.startOnce(data, true).jdbcUrl("postgres"))).isEqualTo("survived");
		EmbeddedPostgresServer.stop(data);
	}

	private static Process startOrphanedRun(Path data) throws IOException {
		Process run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), OrphanedRun.class.getName(), data.toString())
			.redirectErrorStream(true)
			.start();
		BufferedReader output = new BufferedReader(new InputStreamReader(run.getInputStream()));
		assertThat(output.lines().filter(OrphanedRun.READY::equals).findFirst()).isPresent();
		return run;
	}

	/**
	 * A run that starts the server, writes, then waits to be killed without stopping it.
	 */
	static final class OrphanedRun {

		static final String READY = "orphan ready";

		public static void main(String[] args) throws Exception {
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(Path.of(args[0]))
				.setCleanDataDirectory(false)
				.setRegisterShutdownHook(false)
				.start();
			try (Connection connection = postgres.getPostgresDatabase().getConnection();
					Statement statement = connection.createStatement()) {
				statement.execute("create table note (text varchar(20)); insert into note values ('survived')");
			}
			System.out.println(READY);
			System.out.flush();
			Thread.sleep(120_000);
		}

	}

	private static void execute(String url, String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static String queryNote(String url) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url);
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("select text from note")) {
			assertThat(result.next()).isTrue();
			return result.getString(1);
		}
	}

}
