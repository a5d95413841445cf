package fr.lianes.repertoire.directory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import fr.lianes.repertoire.search.SearchIndexer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * While the search index is rebuilt, the pages whose lists come from it say that the
 * directory is being prepared instead of showing an empty or partial list; the others
 * keep working. The rebuild is held at its first step by a lock on its state row, so the
 * pages are seen during it whatever the speed of the machine. A rebuild that finds no
 * database connection free in time, as at a start on a busy machine, starts over.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class DirectoryPreparationTests {

	private static final String PREPARING = "Le répertoire est en cours de préparation";

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private SearchIndexer indexer;

	@Autowired
	private DataSource dataSource;

	@Test
	void listPagesSayTheDirectoryIsBeingPreparedWhileTheIndexIsRebuilt() throws Exception {
		assertThat(this.mvc.get().uri("/acteurs")).hasStatusOk().bodyText().doesNotContain(PREPARING);
		CompletableFuture<Void> rebuild;
		try (Connection holder = this.dataSource.getConnection()) {
			holder.setAutoCommit(false);
			try (Statement statement = holder.createStatement()) {
				statement.execute("select complete from search_index_state for update");
			}
			rebuild = this.indexer.reindexAll().toCompletableFuture();
			assertThat(this.indexer.preparation()).isPresent();

			for (String url : new String[] { "/", "/acteurs", "/acteurs?pays=SN&q=eau", "/projets", "/pays", "/pays/sn",
					"/domaines", "/domaines/education", "/territoires", "/territoires/metropole-lilloise",
					"/suggestions?q=sen" }) {
				assertThat(this.mvc.get().uri(url)).as(url)
					.hasStatusOk()
					.bodyText()
					.contains("<h1>" + PREPARING + "</h1>")
					.contains("role=\"status\"")
					.contains("Vérification de l’index de recherche en cours.")
					.contains("href=\"" + url.replace("&", "&amp;") + "\"")
					.doesNotContain("Aucun acteur ne correspond");
			}
			// htmx asks for the suggestions alone: it gets the notice alone
			assertThat(this.mvc.get().uri("/suggestions?q=sen").header("HX-Request", "true")).hasStatusOk()
				.bodyText()
				.contains("class=\"notice preparing\"")
				.doesNotContain("<html");
			// pages read from the database keep working
			assertThat(this.mvc.get().uri("/acteurs/lianes-cooperation")).hasStatusOk()
				.bodyText()
				.doesNotContain(PREPARING);
			assertThat(this.mvc.get().uri("/recensement")).hasStatusOk().bodyText().doesNotContain(PREPARING);
			assertThat(rebuild).isNotDone();
			holder.rollback();
		}
		rebuild.get(5, TimeUnit.MINUTES);
		assertThat(this.indexer.preparation()).isEmpty();
		assertThat(this.mvc.get().uri("/acteurs")).hasStatusOk().bodyText().doesNotContain(PREPARING);
		assertThat(this.indexer.isRecordedComplete()).isTrue();
	}

	@Test
	void aRebuildThatFindsNoConnectionFreeInTimeStartsOver(CapturedOutput output) throws Exception {
		HikariDataSource pool = this.dataSource.unwrap(HikariDataSource.class);
		List<Connection> held = new ArrayList<>();
		CompletableFuture<Void> rebuild;
		try {
			// every connection but one taken, as when a busy machine has not opened them
			// yet: the rebuild records its start, then its loaders wait for connections
			while (held.size() < pool.getMaximumPoolSize() - 1) {
				try {
					held.add(pool.getConnection());
				}
				catch (SQLTransientConnectionException ex) {
					// the pool is still opening them
				}
			}
			int before = startsOver(output);
			rebuild = this.indexer.reindexAll().toCompletableFuture();
			await().atMost(Duration.ofMinutes(2)).until(() -> startsOver(output) > before || rebuild.isDone());
			// a busy machine keeps the loaders waiting longer than the pool's timeout
			// (the
			// rebuild starts over); on a quiet one they share the free connection in time
			// and the rebuild may end first: either way it never fails
			assertThat(rebuild.isCompletedExceptionally()).as("started over or ended, never failed").isFalse();
		}
		finally {
			for (Connection connection : held) {
				close(connection);
			}
		}
		rebuild.get(5, TimeUnit.MINUTES);
		assertThat(this.indexer.preparation()).isEmpty();
		assertThat(this.indexer.isRecordedComplete()).isTrue();
		assertThat(this.mvc.get().uri("/acteurs?q=eau")).hasStatusOk()
			.bodyText()
			.doesNotContain(PREPARING)
			.doesNotContain("Aucun acteur ne correspond");
	}

	private static int startsOver(CapturedOutput output) {
		return output.getAll().split("no database connection free in time, starting over", -1).length - 1;
	}

	private static void close(Connection connection) {
		try {
			connection.close();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
