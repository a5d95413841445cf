package fr.lianes.repertoire.database;

import java.time.Duration;

import org.springframework.boot.task.ThreadPoolTaskSchedulerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/** The thread that checks the database ({@link DatabaseWatchdog}). */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	/**
	 * One thread of its own, beside Boot's {@code taskScheduler}: the checks go on while
	 * the other scheduled work waits on a dead database. Not a default candidate, so that
	 * Boot keeps its {@code taskScheduler} for {@code @Scheduled} work and this one is
	 * only given to whoever asks for it by name. When the application stops, the check
	 * under way ends (5 seconds at most).
	 */
	@Bean(defaultCandidate = false)
	ThreadPoolTaskScheduler databaseWatchdogScheduler(ThreadPoolTaskSchedulerBuilder builder) {
		ThreadPoolTaskScheduler scheduler = builder.poolSize(1)
			.threadNamePrefix("database-watchdog-")
			.awaitTermination(false)
			.awaitTerminationPeriod(Duration.ofSeconds(5))
			.build();
		scheduler.setDaemon(true);
		return scheduler;
	}

}
