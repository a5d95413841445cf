package fr.lianes.repertoire.search;

import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Brings a cached test context's search index up to its database before each test class
 * that reuses the context. The contexts a test JVM keeps share one database unless a test
 * names another, but each has an index of its own: entries that a class running in
 * another context adds are in the database, not in this context's index, which then
 * disagrees with it (counts, facets) depending on the order the JVM ran its classes in.
 * The check is the one every start makes (documents against rows to index), so only a
 * context that missed other contexts' writes is rebuilt; a context that is not cached yet
 * builds its index from the database as it starts. A write that does not reach the index
 * within one class is still caught by that class's own checks.
 */
public class IndexCatchUp implements TestExecutionListener, Ordered {

	private static final Log logger = LogFactory.getLog(IndexCatchUp.class);

	@Override
	public int getOrder() {
		// after the listeners that mark a context dirty or inject the test instance
		return Ordered.LOWEST_PRECEDENCE - 100;
	}

	@Override
	public void beforeTestClass(TestContext testContext) {
		if (!testContext.hasApplicationContext()) {
			return;
		}
		SearchIndexer indexer = testContext.getApplicationContext()
			.getBeanProvider(SearchIndexer.class)
			.getIfAvailable();
		if (indexer == null) {
			return;
		}
		try {
			Optional<String> reason = indexer.rebuildIfIncomplete();
			reason.ifPresent((why) -> logger.info("Index of a cached context caught up before "
					+ testContext.getTestClass().getSimpleName() + ": " + why));
		}
		catch (RuntimeException ex) {
			// a context left without its database or index by the class before: the class
			// that needs them says so
			logger.warn("Index of a cached context not checked before " + testContext.getTestClass().getSimpleName(),
					ex);
		}
	}

}
