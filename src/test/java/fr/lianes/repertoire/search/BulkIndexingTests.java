package fr.lianes.repertoire.search;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.awaitility.Awaitility.await;

/**
 * While a run of writes that does not wait for the index (an import) is under way, the
 * index is recorded possibly incomplete, so that a process stopped in its middle (a
 * crash: nothing after it runs) makes the next start rebuild the index; a run that ends,
 * by returning or throwing, once its index work is done leaves the record as it was.
 */
@SpringBootTest(properties = "repertoire.embedded-db.database=search_demo")
class BulkIndexingTests {

	@Autowired
	BulkIndexing indexing;

	@Autowired
	IndexCompleteness completeness;

	@BeforeEach
	void indexBuilt() {
		await().atMost(Duration.ofMinutes(5)).until(this.completeness::isRecordedComplete);
	}

	@Test
	void theIndexIsRecordedIncompleteWhileARunIsUnderWayAndCompleteAgainAfter() {
		boolean during = this.indexing.run(this.completeness::isRecordedComplete);
		assertThat(during).as("recorded complete during the run").isFalse();
		assertThat(this.completeness.isRecordedComplete()).as("recorded complete after the run").isTrue();
	}

	@Test
	void aRunThatFailsLeavesTheRecordAsItWasOnceItsIndexWorkIsDone() {
		assertThatIOException().isThrownBy(() -> this.indexing.run(() -> {
			assertThat(this.completeness.isRecordedComplete()).isFalse();
			throw new IOException("the file could not be read");
		}));
		assertThat(this.completeness.isRecordedComplete()).isTrue();
	}

}
