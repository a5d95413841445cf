package fr.lianes.repertoire.database;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Starts the embedded PostgreSQL and points the datasource at it when no
 * {@code spring.datasource.url} is configured (for instance through
 * {@code SPRING_DATASOURCE_URL}). Runs once the configuration files have been read,
 * before any bean exists, so that Flyway, JPA and the health indicators simply see a
 * datasource.
 */
public class EmbeddedPostgresEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/** After the configuration files, before anything reads the datasource settings. */
	public static final int ORDER = ConfigDataEnvironmentPostProcessor.ORDER + 10;

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))
				|| !environment.getProperty("repertoire.embedded-db.enabled", Boolean.class, true)) {
			return;
		}
		Path dataDirectory = Path.of(environment.getProperty("repertoire.data-dir", "./data"), "postgres");
		boolean durable = environment.getProperty("repertoire.embedded-db.durable", Boolean.class, true);
		String database = environment.getProperty("repertoire.embedded-db.database", "repertoire");
		String url = EmbeddedPostgresServer.startOnce(dataDirectory, durable).jdbcUrl(database);
		environment.getPropertySources()
			.addFirst(new MapPropertySource("embeddedPostgres", Map.of("spring.datasource.url", url,
					"spring.datasource.username", "postgres", "spring.datasource.password", "")));
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
