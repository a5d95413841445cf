package fr.lianes.repertoire.search;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.hibernate.search.engine.backend.work.execution.DocumentCommitStrategy;
import org.hibernate.search.engine.backend.work.execution.DocumentRefreshStrategy;
import org.hibernate.search.engine.backend.work.execution.OperationSubmitter;
import org.hibernate.search.engine.reporting.FailureHandler;
import org.hibernate.search.mapper.pojo.work.IndexingPlanSynchronizationStrategy;
import org.hibernate.search.mapper.pojo.work.IndexingPlanSynchronizationStrategyConfigurationContext;
import org.hibernate.search.mapper.pojo.work.SearchIndexingPlanExecutionReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How a write reaches the index: Hibernate Search's {@code sync} strategy (the request
 * that wrote returns once its changes are searchable), counting the writes done. The
 * count moves after the index shows a change, that is after the database does: what is
 * computed from the index and kept under the content version and this count (the public
 * pages) is never kept past a change under a count that the change left the same. Passes
 * over the index and rebuilds count too ({@link #counted()}).
 * <p>
 * With several instances on one search cluster ({@code repertoire.cluster.enabled}) the
 * count is kept in the database ({@code search_index_writes}): each instance adds its
 * writes once the cluster shows them, so that a page another instance rendered between a
 * commit and its indexing (the database already changed, the index not yet) is not kept
 * past the indexing. Moving it moves the content version as well (a statement trigger,
 * {@code V29}): what is kept under the content version needs no other key then
 * ({@link #inContentVersion()}).
 * <p>
 * Once the changes of a transaction are indexed, the rows it wrote in the search outbox
 * are deleted ({@link IndexOutbox}); when their indexing fails they stay, and the
 * {@link OutboxPoller} indexes them again.
 */
@Component(IndexWrites.BEAN_NAME)
public class IndexWrites implements IndexingPlanSynchronizationStrategy {

	/** The bean name that the configuration refers to. */
	public static final String BEAN_NAME = "indexWrites";

	private static final Logger logger = LoggerFactory.getLogger(IndexWrites.class);

	private final AtomicLong done = new AtomicLong();

	private final IndexingPlanSynchronizationStrategy sync = IndexingPlanSynchronizationStrategy.sync();

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final boolean shared;

	private final IndexOutbox outbox;

	IndexWrites(DataSource dataSource, JdbcClient jdbc, @Value("${repertoire.cluster.enabled:false}") boolean shared,
			IndexOutbox outbox) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.shared = shared;
		this.outbox = outbox;
	}

	/**
	 * Index writes done, each counted once the index shows it: since the start, or with
	 * several instances by all of them (read from the database).
	 */
	public long done() {
		if (this.shared) {
			return this.jdbc.sql("select count from search_index_writes").query(Long.class).single();
		}
		return this.done.get();
	}

	/**
	 * Whether the index writes move the content version themselves (with several
	 * instances): a page kept under the content version is not kept past an index write,
	 * and {@link #done()} need not be read beside it.
	 */
	public boolean inContentVersion() {
		return this.shared;
	}

	private void count() {
		this.done.incrementAndGet();
		if (this.shared) {
			// on a connection of its own, in its own transaction: called when the writing
			// transaction has ended, its connection possibly still bound to the thread
			try (Connection connection = this.dataSource.getConnection()) {
				connection.setAutoCommit(true);
				try (Statement statement = connection.createStatement()) {
					statement.executeUpdate("update search_index_writes set count = count + 1");
				}
			}
			catch (SQLException ex) {
				// the other instances keep the pages they rendered before this write
				// until the next change: logged, not thrown at a request whose write
				// is done
				logger.warn("Index write not counted for the other instances: {}", ex.getMessage());
			}
		}
	}

	/**
	 * Counts a write made outside the application's transactions, once the index shows
	 * it: a batch of a pass over the index ({@link IndexPass}), a rebuild that ended
	 * ({@link SearchIndexer}). A page rendered from the index before it is then never
	 * served again from memory.
	 */
	void counted() {
		count();
	}

	@Override
	public void apply(IndexingPlanSynchronizationStrategyConfigurationContext context) {
		this.sync.apply(new IndexingPlanSynchronizationStrategyConfigurationContext() {

			@Override
			public void documentCommitStrategy(DocumentCommitStrategy strategy) {
				context.documentCommitStrategy(strategy);
			}

			@Override
			public void documentRefreshStrategy(DocumentRefreshStrategy strategy) {
				context.documentRefreshStrategy(strategy);
			}

			@Override
			public void indexingFutureHandler(
					Consumer<? super CompletableFuture<? extends SearchIndexingPlanExecutionReport>> handler) {
				context.indexingFutureHandler((future) -> {
					// on the thread that committed: the outbox rows its transaction wrote
					List<Long> recorded = IndexWrites.this.outbox.takeCommitting();
					boolean indexed = false;
					try {
						// sync: waits until the changes are searchable, throws if they
						// could not be indexed (the rows then stay for the poller)
						handler.accept(future);
						indexed = true;
					}
					finally {
						count();
						if (indexed) {
							IndexWrites.this.outbox.indexed(recorded);
						}
						else {
							IndexWrites.this.outbox.notIndexed(recorded);
						}
					}
				});
			}

			@Override
			public FailureHandler failureHandler() {
				return context.failureHandler();
			}

			@Override
			public void operationSubmitter(OperationSubmitter submitter) {
				context.operationSubmitter(submitter);
			}

		});
	}

}
