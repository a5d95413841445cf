package fr.lianes.repertoire.search;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import fr.lianes.repertoire.cluster.TwoInstances;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With several instances ({@link TwoInstances}: two application contexts with
 * {@code repertoire.cluster.enabled} on one PostgreSQL), the start-up decision on an
 * index recorded incomplete goes through the reindex queue: two instances that decide at
 * once rebuild the index once, and an instance that finds the whole-index run held by
 * another waits for it, and finishes it when the other dies.
 */
@ExtendWith(OutputCaptureExtension.class)
class ClusterIndexStartTests {

	private static final String NOT_ENDED = "The last pass over the search index did not end";

	/** A pass over the whole index that began: in place (a run), or a rebuild. */
	private static final Pattern WHOLE_PASS = Pattern
		.compile("Search reindex #\\d+ \\(ALL\\) started|Search index: \\d+ entities read and indexed");

	@Test
	void twoInstancesStartingTogetherOnAnIncompleteIndexRebuildItOnce(CapturedOutput output) throws Exception {
		TwoInstances instances = TwoInstances.get();
		JdbcClient jdbc = instances.a().getBean(JdbcClient.class);
		SearchIndexer a = instances.a().getBean(SearchIndexer.class);
		SearchIndexer b = instances.b().getBean(SearchIndexer.class);
		long lastRun = lastRun(jdbc);
		int from = output.getOut().length();
		// what a pass killed in its middle leaves
		jdbc.sql("update search_index_state set complete = false").update();

		CompletableFuture<Optional<String>> atA;
		CompletableFuture<Optional<String>> atB;
		// the actors' table locked: no pass over the index can end before both instances
		// have decided
		try (Connection lock = instances.a().getBean(DataSource.class).getConnection()) {
			lock.setAutoCommit(false);
			try (Statement statement = lock.createStatement()) {
				statement.execute("lock table actor in access exclusive mode");
			}
			atA = CompletableFuture.supplyAsync(a::rebuildIfIncomplete);
			atB = CompletableFuture.supplyAsync(b::rebuildIfIncomplete);
			await().atMost(Duration.ofMinutes(1))
				.until(() -> a.preparation().isPresent() && b.preparation().isPresent());
			lock.commit();
		}
		assertThat(atA.get(2, TimeUnit.MINUTES)).hasValue(NOT_ENDED);
		assertThat(atB.get(2, TimeUnit.MINUTES)).hasValue(NOT_ENDED);

		assertThat(wholePasses(output.getOut().substring(from))).as("passes over the whole index").isEqualTo(1);
		assertThat(jdbc.sql("select scope || ' ' || state || ' ' || takeovers from search_reindex_run where id > ?")
			.param(lastRun)
			.query(String.class)
			.list()).containsExactly("ALL DONE 0");
		assertThat(a.isRecordedComplete()).isTrue();
		assertThat(a.preparation()).isEmpty();
		assertThat(b.preparation()).isEmpty();
	}

	@Test
	void anInstanceStartingWaitsForTheRunAnotherHoldsAndFinishesItWhenTheOtherDies() throws Exception {
		TwoInstances instances = TwoInstances.get();
		JdbcClient jdbc = instances.a().getBean(JdbcClient.class);
		SearchIndexer a = instances.a().getBean(SearchIndexer.class);
		jdbc.sql("update search_index_state set complete = false").update();
		// another instance's rebuild at its start, under way
		OffsetDateTime at = OffsetDateTime.parse("2026-12-07T10:00:00Z");
		long run = jdbc.sql("""
				insert into search_reindex_run (scope, reason_key, state, run_by, queued_at, started_at)
				values ('ALL', 'reindex.reason.start', 'RUNNING', 'other/1', :at, :at) returning id""")
			.param("at", at)
			.query(Long.class)
			.single();
		ReindexClaims otherInstance = new ReindexClaims(instances.a().getBean(DataSource.class));
		CompletableFuture<Optional<String>> start;
		try (ReindexClaims.Claim held = otherInstance.claim(run).orElseThrow()) {
			start = CompletableFuture.supplyAsync(a::rebuildIfIncomplete);
			await().atMost(Duration.ofMinutes(1)).until(() -> a.preparation().isPresent());
			// left to the instance that holds it
			await().during(Duration.ofSeconds(1))
				.atMost(Duration.ofSeconds(5))
				.until(() -> !start.isDone() && "RUNNING other/1".equals(stateOf(jdbc, run))
						&& a.preparation().isPresent());
			assertThat(a.isRecordedComplete()).isFalse();
		}
		// the other instance died: its claim went with its connection
		assertThat(start.get(2, TimeUnit.MINUTES)).hasValue(NOT_ENDED);
		assertThat(stateOf(jdbc, run)).startsWith("DONE ").doesNotEndWith("other/1");
		assertThat(jdbc.sql("select takeovers from search_reindex_run where id = ?")
			.param(run)
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(a.isRecordedComplete()).isTrue();
		assertThat(a.preparation()).isEmpty();
	}

	private static long lastRun(JdbcClient jdbc) {
		return jdbc.sql("select coalesce(max(id), 0) from search_reindex_run").query(Long.class).single();
	}

	private static String stateOf(JdbcClient jdbc, long run) {
		return jdbc.sql("select state || ' ' || coalesce(run_by, '') from search_reindex_run where id = ?")
			.param(run)
			.query(String.class)
			.single();
	}

	private static int wholePasses(String log) {
		Matcher matcher = WHOLE_PASS.matcher(log);
		int passes = 0;
		while (matcher.find()) {
			passes++;
		}
		return passes;
	}

}
