package fr.lianes.repertoire.search;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives each Spring context of the tests its own search index in memory: the test JVM
 * keeps several contexts open at once, and a Lucene directory on disk admits one writer.
 * Each index is rebuilt from the test database when its context starts. A test that needs
 * the index on disk, as production keeps it, sets
 * {@code repertoire.test.index-on-disk=true} and gives it a folder of its own.
 */
public class TestIndexEnvironmentPostProcessor implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.getProperty("repertoire.test.index-on-disk", Boolean.class, false)) {
			return;
		}
		environment.getPropertySources()
			.addFirst(new MapPropertySource("testSearchIndex",
					Map.of("spring.jpa.properties.hibernate.search.backend.directory.type", "local-heap")));
	}

}
