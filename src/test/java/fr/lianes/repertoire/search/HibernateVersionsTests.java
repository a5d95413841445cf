package fr.lianes.repertoire.search;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hibernate Search supports one Hibernate ORM series (8.3 supports ORM 7.3, 8.4 ORM 7.4).
 * Spring Boot manages ORM and this project Hibernate Search: a bump of either that breaks
 * the pair fails here rather than at runtime. The ORM series that Hibernate Search is
 * built against is read from the Maven descriptor inside its ORM mapper's jar.
 */
class HibernateVersionsTests {

	private static final String MAPPER_POM = "META-INF/maven/org.hibernate.search/hibernate-search-mapper-orm/pom.xml";

	private static final Pattern ORM_DEPENDENCY = Pattern
		.compile("<artifactId>hibernate-core</artifactId>\\s*<version>([^<]+)</version>", Pattern.MULTILINE);

	@Test
	void runsTheHibernateOrmSeriesThatHibernateSearchSupports() throws IOException {
		String searchVersion = org.hibernate.search.engine.Version.versionString();
		String ormVersion = org.hibernate.Version.getVersionString();
		String supportedOrm = ormVersionHibernateSearchIsBuiltAgainst();
		assertThat(series(ormVersion))
			.as("Hibernate ORM %s with Hibernate Search %s, which supports ORM %s (see hibernate.org/search/releases)",
					ormVersion, searchVersion, series(supportedOrm))
			.isEqualTo(series(supportedOrm));
	}

	private static String ormVersionHibernateSearchIsBuiltAgainst() throws IOException {
		try (InputStream pom = HibernateVersionsTests.class.getClassLoader().getResourceAsStream(MAPPER_POM)) {
			assertThat(pom).as(MAPPER_POM).isNotNull();
			Matcher matcher = ORM_DEPENDENCY.matcher(new String(pom.readAllBytes(), StandardCharsets.UTF_8));
			assertThat(matcher.find()).as("hibernate-core dependency in " + MAPPER_POM).isTrue();
			return matcher.group(1);
		}
	}

	/** "7.3.13.Final" gives "7.3". */
	private static String series(String version) {
		String[] parts = version.split("\\.");
		return parts[0] + "." + parts[1];
	}

}
