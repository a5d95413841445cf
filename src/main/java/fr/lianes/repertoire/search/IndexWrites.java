package fr.lianes.repertoire.search;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.hibernate.search.engine.backend.work.execution.DocumentCommitStrategy;
import org.hibernate.search.engine.backend.work.execution.DocumentRefreshStrategy;
import org.hibernate.search.engine.backend.work.execution.OperationSubmitter;
import org.hibernate.search.engine.reporting.FailureHandler;
import org.hibernate.search.mapper.pojo.work.IndexingPlanSynchronizationStrategy;
import org.hibernate.search.mapper.pojo.work.IndexingPlanSynchronizationStrategyConfigurationContext;
import org.hibernate.search.mapper.pojo.work.SearchIndexingPlanExecutionReport;

import org.springframework.stereotype.Component;

/**
 * How a write reaches the index: Hibernate Search's {@code sync} strategy (the request
 * that wrote returns once its changes are searchable), counting the writes done. The
 * count moves after the index shows a change, that is after the database does: what is
 * computed from the index and kept under the content version and this count (the public
 * pages) is never kept past a change under a count that the change left the same. Passes
 * over the index and rebuilds count too ({@link #counted()}).
 */
@Component(IndexWrites.BEAN_NAME)
public class IndexWrites implements IndexingPlanSynchronizationStrategy {

	/** The bean name that the configuration refers to. */
	public static final String BEAN_NAME = "indexWrites";

	private final AtomicLong done = new AtomicLong();

	private final IndexingPlanSynchronizationStrategy sync = IndexingPlanSynchronizationStrategy.sync();

	/** Index writes done since the start, each counted once the index shows it. */
	public long done() {
		return this.done.get();
	}

	/**
	 * Counts a write made outside the application's transactions, once the index shows
	 * it: a batch of a pass over the index ({@link IndexPass}), a rebuild that ended
	 * ({@link SearchIndexer}). A page rendered from the index before it is then never
	 * served again from memory.
	 */
	void counted() {
		this.done.incrementAndGet();
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
					try {
						// sync: waits until the changes are searchable
						handler.accept(future);
					}
					finally {
						IndexWrites.this.done.incrementAndGet();
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
