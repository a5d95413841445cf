package fr.lianes.repertoire.search;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records in the database whether the search index holds the whole directory (table
 * {@code search_index_state}): a pass over the index marks it incomplete when it begins;
 * only a pass over the whole index that ends marks it complete again, once no other pass
 * of this instance is under way. A process stopped in the middle (shutdown, crash, error)
 * leaves it incomplete, and the next start rebuilds the index.
 */
@Component
class IndexCompleteness {

	private final JdbcClient jdbc;

	/** Passes under way in this instance. */
	private int active;

	/** What the index holds once no pass is under way: the last outcome that counts. */
	private boolean whole;

	IndexCompleteness(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Whether the last passes over the index ended, as recorded. */
	synchronized boolean isRecordedComplete() {
		Boolean complete = this.jdbc.sql("select complete from search_index_state")
			.query(Boolean.class)
			.optional()
			.orElse(false);
		if (this.active == 0) {
			this.whole = complete;
		}
		return complete;
	}

	/**
	 * A pass begins: the index is recorded incomplete until it ends.
	 * @param wholeIndex whether the pass goes over every entity, and so can make the
	 * index complete again
	 * @return what to give to {@link #ended}
	 */
	synchronized Pass began(boolean wholeIndex) {
		this.active++;
		record(false);
		return new Pass(wholeIndex);
	}

	/**
	 * A pass ended. A whole pass that succeeded makes the index complete, a failed one
	 * makes it incomplete; a partial pass that succeeded changes nothing.
	 */
	synchronized void ended(Pass pass, boolean succeeded) {
		this.active--;
		if (!succeeded) {
			this.whole = false;
		}
		else if (pass.wholeIndex()) {
			this.whole = true;
		}
		if (this.active == 0 && this.whole) {
			record(true);
		}
	}

	private void record(boolean complete) {
		this.jdbc.sql("update search_index_state set complete = :complete, changed_at = now()")
			.param("complete", complete)
			.update();
	}

	/** A pass under way. */
	record Pass(boolean wholeIndex) {
	}

}
