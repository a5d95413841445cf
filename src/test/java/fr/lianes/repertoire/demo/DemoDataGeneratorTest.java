package fr.lianes.repertoire.demo;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The demo directory the test database is loaded with at startup (scale 1, seed 2006) has
 * the shape of the real directory described in context/000.
 */
@SpringBootTest(properties = "repertoire.embedded-db.database=search_demo")
class DemoDataGeneratorTest {

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void hasThePublishedActorsOfTheRealDirectory() {
		assertThat(count("select count(*) from actor where published and publication_consent"))
			.isGreaterThanOrEqualTo(1900);
		assertThat(count("select count(*) from actor a join census_campaign c on c.id = a.last_census_campaign_id "
				+ "where c.name = 'Recensement 2026'"))
			.isBetween(540L, 560L);
		assertThat(count("select count(*) from project where published")).isBetween(1850L, 2050L);
	}

	@Test
	void seventyEightPercentAreAssociations() {
		assertThat(share("select avg(case when t.family = 'ASSOCIATIONS' then 1.0 else 0 end) "
				+ "from actor a join actor_type t on t.code = a.actor_type_code"))
			.isCloseTo(0.78, within(0.03));
	}

	@Test
	void sixtyOnePercentAreInTheLilleMetropolitanArea() {
		assertThat(share("select avg(case when t.slug = 'metropole-lilloise' then 1.0 else 0 end) from actor a "
				+ "join commune c on c.insee_code = a.commune_insee join epci e on e.siren = c.epci_siren "
				+ "join territory t on t.id = e.territory_id"))
			.isCloseTo(0.61, within(0.03));
	}

	@Test
	void senegalIsTheCountryWithTheMostActors() {
		String first = this.jdbc.queryForObject("select pc.country_iso2 from project_country pc "
				+ "join project p on p.id = pc.project_id group by pc.country_iso2 "
				+ "order by count(distinct p.lead_actor_id) desc, pc.country_iso2 limit 1", String.class);
		assertThat(first).isEqualTo("SN");
	}

	@Test
	void projectsAreInAboutOneHundredAndTwentyCountries() {
		assertThat(count("select count(distinct country_iso2) from project_country")).isGreaterThanOrEqualTo(100);
	}

	@Test
	void theRealAgreementsArePresent() {
		assertThat(this.jdbc.queryForList("select p.title || ' | ' || a.name || ' | ' || pc.country_iso2 || ' | ' "
				+ "|| p.signature_date from project p join actor a on a.id = p.lead_actor_id "
				+ "join project_country pc on pc.project_id = p.id "
				+ "where p.kind = 'DECENTRALISED_COOPERATION' and p.signature_date is not null", String.class))
			.contains(
					"Coopération décentralisée Villeneuve d'Ascq – Tanguiéta | Ville de Villeneuve-d'Ascq | BJ | 2024-11-22",
					"Coopération décentralisée Grande-Synthe – Sidi Ifni | Ville de Grande-Synthe | MA | 2024-02-15",
					"Protocole d'entente Hauts-de-France – oblast de Dnipropetrovsk | Région Hauts-de-France | UA | 2024-11-21");
		assertThat(count("select count(*) from actor where name in ('Lianes coopération', 'CEFIR', "
				+ "'Artisanat Solidarité Nord Bénin Nord de France', 'COSIM Hauts-de-France')"))
			.isEqualTo(4);
	}

	@Test
	void identifiersAndSlugsAreValid() {
		assertThat(count("select count(*) from actor where siren_siret is not null")).isGreaterThan(1000);
		assertThat(count("select count(*) from actor where slug !~ '^[a-z0-9]+(-[a-z0-9]+)*$'")).isZero();
		// identities were moved past the generated ids
		assertThat(this.jdbc.queryForObject(
				"select max(id) < nextval(pg_get_serial_sequence('actor', 'id')) from actor", Boolean.class))
			.isTrue();
	}

	private long count(String sql) {
		return this.jdbc.queryForObject(sql, Long.class);
	}

	private double share(String sql) {
		return this.jdbc.queryForObject(sql, Double.class);
	}

}
