package fr.lianes.repertoire.exchange;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The IATI activity file of the whole demo directory: every public project, valid against
 * the IATI 2.03 activity schema, every code it uses known to the IATI code lists; and the
 * checks themselves catch a broken file.
 */
@SpringBootTest
@AutoConfigureMockMvc
class IatiTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void everyPublicProjectIsAValidActivityWithKnownCodes() throws Exception {
		byte[] xml = file("/donnees/iati/activites.xml");
		assertThat(IatiFile.schemaErrors(xml)).isEmpty();
		IatiFile file = IatiFile.parse(xml);
		assertThat(file.unknownCodes()).isEmpty();
		long projects = this.jdbc.sql("select count(*) from public_project").query(Long.class).single();
		assertThat(projects).isGreaterThan(100);
		assertThat(file.activities()).hasSize((int) projects);
		assertThat(file.values("iati-activity", "default-currency")).containsOnly("EUR");
		assertThat(file.values("sector", "code")).as("the domains' DAC codes").isNotEmpty();
		assertThat(file.values("participating-org", "role")).contains("1", "4");
		assertThat(file.values("activity-status", "code")).contains("1", "2", "4");
		// filtered as /projets is
		IatiFile senegal = IatiFile.parse(file("/donnees/iati/activites.xml?pays=SN"));
		long inSenegal = this.jdbc.sql("""
				select count(*) from public_project p where p.id in
				(select project_id from project_country where country_iso2 = 'SN')""").query(Long.class).single();
		assertThat(senegal.activities()).hasSize((int) inSenegal).hasSizeLessThan((int) projects);
	}

	@Test
	void theChecksCatchABrokenFile() throws Exception {
		String xml = new String(file("/donnees/iati/activites.xml?pays=SN"), StandardCharsets.UTF_8);
		String noStatus = xml.replaceFirst("<activity-status code=\"\\d\"\\s*/>", "");
		assertThat(IatiFile.schemaErrors(noStatus.getBytes(StandardCharsets.UTF_8))).isNotEmpty();
		String unknownSector = xml.replaceFirst("<sector vocabulary=\"1\" code=\"\\d+\"",
				"<sector vocabulary=\"1\" code=\"99999\"");
		assertThat(unknownSector).isNotEqualTo(xml);
		assertThat(IatiFile.parse(unknownSector.getBytes(StandardCharsets.UTF_8)).unknownCodes())
			.isEqualTo(Map.of("Sector", Set.of("99999")));
	}

	private byte[] file(String uri) {
		MvcTestResult result = this.mvc.get().uri(uri).exchange();
		assertThat(result).hasStatusOk().hasContentTypeCompatibleWith("application/xml");
		return result.getResponse().getContentAsByteArray();
	}

}
