package fr.lianes.repertoire.search;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The index is never silently partial: at start it is rebuilt when the last pass over it
 * did not end, or when its documents do not add up to the published rows; a whole index
 * is left as it is. (The same with real processes stopped in the middle of a rebuild:
 * {@code IndexFaultTests}.)
 */
@SpringBootTest
@AutoConfigureMockMvc
class SearchIndexerTests {

	private static final Pattern STATUS = Pattern.compile("role=\"status\"[^>]*>([^<]*)<");

	@Autowired
	private SearchIndexer indexer;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MockMvcTester mvc;

	@Test
	void aWholeIndexIsLeftAsItIs() throws Exception {
		assertThat(this.indexer.rebuildIfIncomplete()).isEmpty();
		assertThat(this.indexer.isRecordedComplete()).isTrue();
		assertThat(this.indexer.preparation()).isEmpty();
		assertThat(listCount("/acteurs"))
			.isEqualTo(count("select count(*) from actor where published and status <> 'CEASED'"));
	}

	@Test
	void anIndexThatDoesNotAddUpToThePublishedRowsIsRebuilt() throws Exception {
		// unpublished behind Hibernate's back (psql, a restored backup...): its document
		// stays
		long hidden = this.jdbc.sql("select min(id) from actor where published and status <> 'CEASED'")
			.query(Long.class)
			.single();
		this.jdbc.sql("update actor set published = false where id = :id").param("id", hidden).update();
		try {
			long published = count("select count(*) from actor where published");
			// the list shows the registered actors, the index holds every published one
			long registered = count("select count(*) from actor where published and status <> 'CEASED'");
			assertThat(listCount("/acteurs")).isEqualTo(registered + 1);

			assertThat(this.indexer.rebuildIfIncomplete()).hasValueSatisfying((reason) -> assertThat(reason)
				.contains("documents of Actor where the database has " + published + " to index"));
			assertThat(listCount("/acteurs")).isEqualTo(registered);
			assertThat(listCount("/projets")).isEqualTo(count("select count(*) from public_project"));
		}
		finally {
			this.jdbc.sql("update actor set published = true where id = :id").param("id", hidden).update();
		}
		assertThat(this.indexer.rebuildIfIncomplete()).isPresent();
		assertThat(listCount("/acteurs"))
			.isEqualTo(count("select count(*) from actor where published and status <> 'CEASED'"));
		assertThat(this.indexer.rebuildIfIncomplete()).isEmpty();
	}

	@Test
	void aPassOverTheIndexThatDidNotEndMakesTheNextStartRebuildIt() throws Exception {
		// a partial pass that ends leaves the index whole
		this.indexer.recordPass(false, () -> {
		});
		assertThat(this.indexer.isRecordedComplete()).isTrue();

		// stopped in the middle, as a shutdown or an error stops the back office's
		// reindex
		assertThatExceptionOfType(InterruptedException.class).isThrownBy(() -> this.indexer.recordPass(false, () -> {
			throw new InterruptedException();
		}));
		assertThat(this.indexer.isRecordedComplete()).isFalse();
		// a partial pass cannot make it whole again, only a whole one
		this.indexer.recordPass(false, () -> {
		});
		assertThat(this.indexer.isRecordedComplete()).isFalse();

		assertThat(this.indexer.rebuildIfIncomplete()).hasValue("The last pass over the search index did not end");
		assertThat(this.indexer.isRecordedComplete()).isTrue();
		assertThat(this.indexer.rebuildIfIncomplete()).isEmpty();
		assertThat(listCount("/acteurs"))
			.isEqualTo(count("select count(*) from actor where published and status <> 'CEASED'"));
	}

	@Test
	void anIndexBuiltByAVersionThatIndexedOtherFieldsIsRebuilt() throws Exception {
		assertThat(this.indexer.rebuildIfIncomplete()).isEmpty();
		// what an earlier version left: a whole index, of another shape
		this.jdbc.sql("update search_index_state set mapping = 'an earlier shape'").update();
		assertThat(this.indexer.rebuildIfIncomplete())
			.hasValue("The search index was built by a version that indexed other fields");
		assertThat(this.indexer.rebuildIfIncomplete()).isEmpty();
		assertThat(this.jdbc.sql("select mapping from search_index_state").query(String.class).single())
			.matches("[0-9a-f]{64}");
		assertThat(listCount("/acteurs"))
			.isEqualTo(count("select count(*) from actor where published and status <> 'CEASED'"));
	}

	@Test
	void aProcessKilledDuringAPassLeavesTheIndexRecordedIncomplete() throws Exception {
		// what a killed process leaves: the pass began, nothing ended it
		this.jdbc.sql("update search_index_state set complete = false").update();
		assertThat(this.indexer.rebuildIfIncomplete()).hasValue("The last pass over the search index did not end");
		assertThat(this.jdbc.sql("select complete from search_index_state").query(Boolean.class).single()).isTrue();
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	private long listCount(String url) throws Exception {
		Matcher matcher = STATUS.matcher(this.mvc.get().uri(url).exchange().getResponse().getContentAsString());
		assertThat(matcher.find()).as("a role=status element on " + url).isTrue();
		String digits = matcher.group(1).replaceAll("[^0-9]", "");
		return digits.isEmpty() ? 0 : Long.parseLong(digits);
	}

}
