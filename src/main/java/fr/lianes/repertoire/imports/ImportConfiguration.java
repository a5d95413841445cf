package fr.lianes.repertoire.imports;

import java.time.Duration;

import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** The thread that runs the imports ({@link ImportJobs}). */
@Configuration(proxyBeanMethods = false)
class ImportConfiguration {

	/**
	 * One thread: imports wait in line. When the application stops, the batch under way
	 * finishes (30 seconds at most) and the job goes on at the next start.
	 */
	@Bean
	ThreadPoolTaskExecutor importExecutor(ThreadPoolTaskExecutorBuilder builder) {
		ThreadPoolTaskExecutor executor = builder.corePoolSize(1)
			.maxPoolSize(1)
			.threadNamePrefix("import-")
			.awaitTermination(true)
			.awaitTerminationPeriod(Duration.ofSeconds(30))
			.build();
		executor.setDaemon(true);
		return executor;
	}

}
