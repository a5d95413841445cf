package fr.lianes.repertoire.search;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.lianes.repertoire.time.TestClock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The administrators' reindex button: one run at a time, its progress on the page, the
 * search whole meanwhile and right afterwards. Batches of production's size (100
 * entities: about 40 for the demo directory, each its own transaction) make a run last
 * seconds, watched every 100 ms. (By 20, a whole run took 25 to 29 s in a loaded suite,
 * and the class needed an application of its own.)
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReindexTests {

	private static final String PAGE = "/moderation/administration/index";

	private static final Pattern STATUS = Pattern.compile("role=\"status\"[^>]*>([^<]*)<");

	private static final Pattern PROGRESS = Pattern.compile("<progress[^>]*max=\"(\\d+)\"[^>]*value=\"(\\d+)\"");

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private SearchReindexer reindexer;

	@Autowired
	private IndexPass pass;

	@Autowired
	private SearchIndexer indexer;

	@Test
	void aFullReindexShowsItsProgressKeepsTheSearchWholeAndCorrectsTheIndex() throws Exception {
		awaitIdle();
		// an actor unpublished behind Hibernate's back: the index still lists it
		long hidden = this.jdbc.sql("select min(id) from actor where published and status <> 'CEASED'")
			.query(Long.class)
			.single();
		this.jdbc.sql("update actor set published = false where id = :id").param("id", hidden).update();
		try {
			// the list shows the registered actors (active and dormant)
			long published = count("select count(*) from actor where published and status <> 'CEASED'");
			long entities = count("select count(*) from actor") + count("select count(*) from project");
			long senegal = listCount("/acteurs?pays=SN");
			assertThat(listCount("/acteurs")).isEqualTo(published + 1);

			MvcTestResult started = post(PAGE);
			assertThat(started).hasRedirectedUrl(PAGE);
			assertThat(started).flash().containsEntry("notice", "reindex.notice.started");
			assertThat(post(PAGE)).flash().containsEntry("notice", "reindex.notice.already");
			List<ReindexRun> running = this.reindexer.runs()
				.stream()
				.filter((run) -> run.isActive() && run.getScope() == ReindexRun.Scope.ALL)
				.toList();
			assertThat(running).hasSize(1);
			ReindexRun run = running.get(0);

			List<long[]> seen = new ArrayList<>();
			await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100)).until(() -> {
				String fragment = this.mvc.get()
					.uri(PAGE)
					.header("HX-Request", "true")
					.with(user("admin@lianes.example").roles("ADMIN"))
					.exchange()
					.getResponse()
					.getContentAsString();
				Matcher progress = PROGRESS.matcher(fragment);
				if (progress.find()) {
					seen.add(new long[] { Long.parseLong(progress.group(2)), Long.parseLong(progress.group(1)) });
					assertThat(fragment).contains("hx-trigger=\"every 2s\"").contains(">Actualiser</a>");
				}
				// the public keeps finding the whole directory
				assertThat(listCount("/acteurs")).isBetween(published, published + 1);
				return run.completion().isDone();
			});
			assertThat(seen).as("progress seen while running")
				.anySatisfy((p) -> assertThat(p[0]).isPositive().isLessThan(p[1]));
			assertThat(seen).allSatisfy((p) -> assertThat(p[1]).isEqualTo(entities));
			assertThat(run.getState()).isEqualTo(ReindexRun.State.DONE);
			assertThat(run.getDone()).isEqualTo(entities);

			assertThat(get(PAGE)).bodyText()
				.contains("Réindexation complète")
				.containsPattern("terminée le .* \\(" + grouped(entities) + " fiches sur " + grouped(entities) + "\\)")
				.doesNotContain("hx-trigger")
				.doesNotContain(">Actualiser</a>");
			assertThat(listCount("/acteurs")).isEqualTo(published);
			assertThat(listCount("/acteurs?pays=SN")).isBetween(senegal - 1, senegal);
			assertThat(listCount("/projets")).isEqualTo(count("select count(*) from public_project"));
			assertThat(listCount("/acteurs?q=tanguieta")).isPositive();
		}
		finally {
			this.jdbc.sql("update actor set published = true where id = :id").param("id", hidden).update();
			this.reindexer.reindex("reindex.reason.button", List.of(), Map.of("Actor", Set.of(hidden)))
				.orElseThrow()
				.completion()
				.get();
		}
		assertThat(listCount("/acteurs"))
			.isEqualTo(count("select count(*) from actor where published and status <> 'CEASED'"));
	}

	@Test
	void aReindexStoppedBeforeItsEndLeavesTheIndexRecordedIncompleteUntilAWholeOneEnds() throws Exception {
		awaitIdle();
		assertThat(this.indexer.isRecordedComplete()).isTrue();
		ReindexRun run = new ReindexRun(0, ReindexRun.Scope.ALL, "reindex.reason.button", List.of(), Map.of(),
				TestClock.get());
		CompletableFuture<Throwable> outcome = new CompletableFuture<>();
		Thread thread = new Thread(() -> {
			try {
				this.pass.run(run);
				outcome.complete(null);
			}
			catch (Throwable ex) {
				outcome.complete(ex);
			}
		}, "stopped-reindex");
		thread.start();
		await().atMost(Duration.ofMinutes(3)).until(() -> run.getDone() > 0 || outcome.isDone());
		// what a shutdown does to the reindexing thread
		thread.interrupt();
		assertThat(outcome.get(3, TimeUnit.MINUTES)).as("the pass was stopped").isNotNull();
		assertThat(run.getDone()).isLessThan(run.getTotal());
		// the next start rebuilds the index (SearchIndexerTests)
		assertThat(this.indexer.isRecordedComplete()).isFalse();

		// a whole reindex that ends makes it complete again
		assertThat(post(PAGE)).flash().containsEntry("notice", "reindex.notice.started");
		awaitIdle();
		assertThat(this.indexer.isRecordedComplete()).isTrue();
	}

	@Test
	void theIdlePageOffersTheButtonAndDoesNotPoll() {
		awaitIdle();
		assertThat(get(PAGE)).hasStatusOk()
			.bodyText()
			.contains("<h1>Réindexation de la recherche</h1>")
			.contains("action=\"/moderation/administration/index\"")
			.contains("Réindexer toute la recherche")
			.contains("la recherche continue de répondre avec tout le répertoire")
			.doesNotContain("hx-trigger")
			.doesNotContain("??");
	}

	@Test
	void moderatorsCannotStartAReindex() {
		awaitIdle();
		assertThat(this.mvc.post().uri(PAGE).with(user("m@lianes.example").roles("MODERATOR")).with(csrf()))
			.hasStatus(403);
		assertThat(this.mvc.post().uri(PAGE).with(user("a@lianes.example").roles("ADMIN"))).hasStatus(403);
		assertThat(this.reindexer.isBusy()).isFalse();
	}

	private void awaitIdle() {
		await().atMost(Duration.ofMinutes(3)).until(() -> !this.reindexer.isBusy());
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	/** The number of results a public list announces. */
	private long listCount(String url) throws Exception {
		Matcher matcher = STATUS.matcher(this.mvc.get().uri(url).exchange().getResponse().getContentAsString());
		assertThat(matcher.find()).as("a role=status element on " + url).isTrue();
		String digits = matcher.group(1).replaceAll("[^0-9]", "");
		return digits.isEmpty() ? 0 : Long.parseLong(digits);
	}

	/** A number as French pages write it: 3 900, with any grouping space. */
	private static String grouped(long number) {
		String digits = Long.toString(number);
		return (digits.length() > 3)
				? digits.substring(0, digits.length() - 3) + "." + digits.substring(digits.length() - 3) : digits;
	}

	private MvcTestResult get(String url) {
		return this.mvc.get().uri(url).with(user("admin@lianes.example").roles("ADMIN")).exchange();
	}

	private MvcTestResult post(String url) {
		return this.mvc.post().uri(url).with(user("admin@lianes.example").roles("ADMIN")).with(csrf()).exchange();
	}

}
