package fr.lianes.repertoire.search;

import java.time.Duration;

import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The threads that run the reindexing ({@link SearchReindexer}) and the rebuilds of the
 * whole index ({@link SearchIndexer}).
 */
@Configuration(proxyBeanMethods = false)
class ReindexConfiguration {

	/**
	 * One thread: runs wait in line. When the application stops, the run under way is
	 * interrupted, and the executor waits 10 seconds at most for it to end.
	 */
	@Bean
	ThreadPoolTaskExecutor searchReindexExecutor(ThreadPoolTaskExecutorBuilder builder) {
		ThreadPoolTaskExecutor executor = builder.corePoolSize(1)
			.maxPoolSize(1)
			.threadNamePrefix("search-reindex-")
			.awaitTermination(true)
			.awaitTerminationPeriod(Duration.ofSeconds(10))
			.build();
		executor.setWaitForTasksToCompleteOnShutdown(false);
		executor.setDaemon(true);
		return executor;
	}

	/**
	 * One thread for the rebuilds of the whole index: one at a time.
	 * {@link SearchIndexer} stops a rebuild under way itself when the application stops
	 * (it interrupts it and says so in one line); the executor then has nothing left to
	 * wait for.
	 */
	@Bean
	ThreadPoolTaskExecutor searchRebuildExecutor(ThreadPoolTaskExecutorBuilder builder) {
		ThreadPoolTaskExecutor executor = builder.corePoolSize(1)
			.maxPoolSize(1)
			.threadNamePrefix("search-rebuild-")
			.awaitTermination(false)
			.awaitTerminationPeriod(Duration.ofSeconds(10))
			.build();
		executor.setDaemon(true);
		return executor;
	}

}
