package fr.lianes.repertoire.search;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives each Spring context of the tests its own search index in memory: the test JVM
 * keeps several contexts open at once, and a Lucene directory on disk admits one writer.
 * Each index is rebuilt from the test database when its context starts.
 */
public class TestIndexEnvironmentPostProcessor implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		environment.getPropertySources()
			.addFirst(new MapPropertySource("testSearchIndex",
					Map.of("spring.jpa.properties.hibernate.search.backend.directory.type", "local-heap")));
	}

}
