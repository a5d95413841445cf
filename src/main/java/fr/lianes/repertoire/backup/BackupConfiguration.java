package fr.lianes.repertoire.backup;

import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** The thread that takes the backups ({@link Backups}). */
@Configuration(proxyBeanMethods = false)
class BackupConfiguration {

	/**
	 * One thread: one backup at a time. A backup under way when the application stops is
	 * abandoned (its {@code .part} file is never listed); the shutdown does not wait for
	 * it, and the schedule takes the next one.
	 */
	@Bean
	ThreadPoolTaskExecutor backupExecutor(ThreadPoolTaskExecutorBuilder builder) {
		ThreadPoolTaskExecutor executor = builder.corePoolSize(1)
			.maxPoolSize(1)
			.threadNamePrefix("backup-")
			.acceptTasksAfterContextClose(true)
			.awaitTermination(false)
			.build();
		executor.setDaemon(true);
		return executor;
	}

}
