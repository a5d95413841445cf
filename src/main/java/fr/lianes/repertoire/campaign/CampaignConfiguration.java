package fr.lianes.repertoire.campaign;

import java.time.Duration;

import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** The thread that runs the mailings ({@link MailingRunner}). */
@Configuration(proxyBeanMethods = false)
class CampaignConfiguration {

	/**
	 * One thread: mailings run one after the other. When the application stops, the batch
	 * under way finishes (30 seconds at most).
	 */
	@Bean
	ThreadPoolTaskExecutor campaignMailingExecutor(ThreadPoolTaskExecutorBuilder builder) {
		ThreadPoolTaskExecutor executor = builder.corePoolSize(1)
			.maxPoolSize(1)
			.threadNamePrefix("campaign-mailing-")
			.awaitTermination(true)
			.awaitTerminationPeriod(Duration.ofSeconds(30))
			.build();
		executor.setDaemon(true);
		return executor;
	}

}
