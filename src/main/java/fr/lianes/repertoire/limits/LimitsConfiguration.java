package fr.lianes.repertoire.limits;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The rate limits' buckets: in memory for one instance, in PostgreSQL when several
 * instances serve the site ({@code repertoire.cluster.enabled}).
 */
@Configuration(proxyBeanMethods = false)
class LimitsConfiguration {

	@Bean
	@ConditionalOnBooleanProperty(name = "repertoire.cluster.enabled")
	DatabaseTokenBuckets databaseTokenBuckets(JdbcClient jdbc, Clock clock,
			PlatformTransactionManager transactionManager) {
		return new DatabaseTokenBuckets(jdbc, clock, transactionManager);
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "repertoire.cluster.enabled", havingValue = false, matchIfMissing = true)
	TokenBuckets memoryTokenBuckets() {
		return TokenBuckets.inMemory();
	}

}
