package fr.lianes.repertoire.search;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.function.Supplier;

import jakarta.persistence.EntityManagerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records in the database whether the search index holds the whole directory (table
 * {@code search_index_state}): a pass over the index marks it incomplete when it begins;
 * only a pass over the whole index that ends marks it complete again, once no other pass
 * of this instance is under way, with the index's shape ({@link IndexMapping}). A process
 * stopped in the middle (shutdown, crash, error) leaves it incomplete, and so does a new
 * version that maps other fields: the next start rebuilds the index.
 */
@Component
class IndexCompleteness {

	private final JdbcClient jdbc;

	private final Supplier<String> mapping;

	private final Clock clock;

	/** Passes under way in this instance. */
	private int active;

	/** What the index holds once no pass is under way: the last outcome that counts. */
	private boolean whole;

	@Autowired
	IndexCompleteness(JdbcClient jdbc, EntityManagerFactory entityManagerFactory, Clock clock) {
		this(jdbc, () -> IndexMapping.fingerprint(entityManagerFactory), clock);
	}

	IndexCompleteness(JdbcClient jdbc, Supplier<String> mapping, Clock clock) {
		this.jdbc = jdbc;
		this.mapping = mapping;
		this.clock = clock;
	}

	/**
	 * Whether the last passes over the index ended, as recorded, under the index's
	 * present shape: an index made whole by a version that mapped other fields is not
	 * complete.
	 */
	synchronized boolean isRecordedComplete() {
		boolean complete = this.jdbc
			.sql("select complete and mapping is not distinct from :mapping from search_index_state")
			.param("mapping", this.mapping.get())
			.query(Boolean.class)
			.optional()
			.orElse(false);
		if (this.active == 0) {
			this.whole = complete;
		}
		return complete;
	}

	/**
	 * Whether the index was last made whole under another shape than the present one (a
	 * version that mapped other fields), which explains why it is not complete.
	 */
	synchronized boolean isRecordedUnderAnotherShape() {
		return this.jdbc.sql("select complete and mapping is distinct from :mapping from search_index_state")
			.param("mapping", this.mapping.get())
			.query(Boolean.class)
			.optional()
			.orElse(false);
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
		this.jdbc.sql("""
				update search_index_state
				set complete = :complete,
				    mapping = case when :complete then :mapping else mapping end,
				    changed_at = :now
				""")
			.param("complete", complete)
			.param("mapping", this.mapping.get())
			.param("now", OffsetDateTime.now(this.clock))
			.update();
	}

	/** A pass under way. */
	record Pass(boolean wholeIndex) {
	}

}
