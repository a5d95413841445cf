package fr.lianes.repertoire.search;

import java.time.Duration;

import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** The thread that runs the reindexing ({@link SearchReindexer}). */
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

}
