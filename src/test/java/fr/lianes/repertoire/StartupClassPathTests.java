package fr.lianes.repertoire;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jars most classes are loaded from come first on the class path (the block at the
 * top of pom.xml's dependencies): the packaged jar's class loader opens the jars in this
 * order for each class, so a start cost far more with Spring and Hibernate among the last
 * of 164 (README, "Performance"). The test JVM's class path follows the same declaration
 * order as the packaged jar's {@code BOOT-INF/classpath.idx}.
 */
class StartupClassPathTests {

	private static final Pattern JAR = Pattern.compile("/([^/]+?)-\\d[^/]*\\.jar!/META-INF/MANIFEST\\.MF$");

	@Test
	void springAndHibernateComeFirstOnTheClassPath() throws IOException {
		List<String> jars = jarsInClassPathOrder();
		assertThat(jars).hasSizeGreaterThan(100);
		assertThat(jars.indexOf("spring-core")).as("spring-core's place in %s", jars).isZero();
		for (String early : List.of("spring-beans", "spring-context", "spring-boot", "hibernate-core",
				"hibernate-search-engine", "lucene-core", "spring-data-jpa", "hibernate-validator", "groovy",
				"tomcat-embed-core", "thymeleaf", "spring-web", "spring-webmvc", "flyway-core", "postgresql")) {
			assertThat(jars.indexOf(early)).as("%s's place in %s", early, jars).isBetween(0, 80);
		}
		assertThat(jars.indexOf("spring-boot")).isLessThan(jars.indexOf("hibernate-core"));
	}

	/**
	 * The jars of the class path by name without version, in the order classes are looked
	 * up.
	 */
	private static List<String> jarsInClassPathOrder() throws IOException {
		List<String> jars = new ArrayList<>();
		for (URL manifest : Collections
			.list(StartupClassPathTests.class.getClassLoader().getResources("META-INF/MANIFEST.MF"))) {
			Matcher matcher = JAR.matcher(manifest.toString());
			// the test runner's own jars come first in a test JVM, not in the packaged
			// jar
			if (matcher.find() && !matcher.group(1).startsWith("surefire") && !jars.contains(matcher.group(1))) {
				jars.add(matcher.group(1));
			}
		}
		return jars;
	}

}
