package fr.lianes.repertoire.exchange;

import java.time.Duration;

import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The threads that read the whole-list downloads ahead of their writing
 * ({@link ReadAhead}): one per download served at once, none waiting (a download finds a
 * thread free, or reads on its own). When the application stops, the downloads under way
 * have 10 seconds to end.
 */
@Configuration(proxyBeanMethods = false)
class StreamsConfiguration {

	@Bean
	ThreadPoolTaskExecutor downloadReaderExecutor(ThreadPoolTaskExecutorBuilder builder,
			ExchangeProperties properties) {
		return threads(builder, properties.concurrentDownloads(), "download-reader-");
	}

	/**
	 * The threads that read the chunks of the downloads from the database
	 * ({@link ChunkReads}): {@code repertoire.exchange.download-reads} of them, shared by
	 * the downloads, none waiting (a chunk finds a thread free, or its download's reader
	 * reads it itself). The downloads thus hold at most that many pooled connections more
	 * than one each, whatever their number, and one download alone gets them all.
	 */
	@Bean
	ThreadPoolTaskExecutor downloadChunkExecutor(ThreadPoolTaskExecutorBuilder builder, ExchangeProperties properties) {
		return threads(builder, properties.downloadReads(), "download-chunk-");
	}

	/**
	 * So many threads, none waiting (a task finds one free or is refused), given 10
	 * seconds to end their work when the application stops.
	 */
	private static ThreadPoolTaskExecutor threads(ThreadPoolTaskExecutorBuilder builder, int size, String prefix) {
		ThreadPoolTaskExecutor executor = builder.corePoolSize(size)
			.maxPoolSize(size)
			.queueCapacity(0)
			.threadNamePrefix(prefix)
			.awaitTermination(true)
			.awaitTerminationPeriod(Duration.ofSeconds(10))
			.build();
		executor.setDaemon(true);
		return executor;
	}

}
