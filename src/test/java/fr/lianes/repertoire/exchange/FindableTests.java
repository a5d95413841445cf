package fr.lianes.repertoire.exchange;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Search engines on the demo directory: canonical URLs of the public pages (the lists'
 * without ordering, absolute from {@code repertoire.exchange.site-url}), and the actor
 * pages' schema.org {@code Organization} (the consent side is walked by
 * {@code ApiTests}).
 */
@SpringBootTest
@AutoConfigureMockMvc
class FindableTests {

	private static final String SITE = "http://localhost:8080";

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JdbcClient jdbc;

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void publicPagesNameTheirCanonicalUrl() {
		String actor = this.jdbc.sql("select slug from actor where published order by id limit 1")
			.query(String.class)
			.single();
		Map<String, String> canonical = new java.util.LinkedHashMap<>();
		canonical.put("/", "/");
		canonical.put("/acteurs", "/acteurs");
		canonical.put("/acteurs?tri=recent", "/acteurs");
		canonical.put("/acteurs?domaine=sante&pays=SN&tri=nom&page=2&utm_source=x",
				"/acteurs?pays=SN&domaine=sante&page=2");
		canonical.put("/acteurs?pays=SN&page=1", "/acteurs?pays=SN");
		canonical.put("/projets?pays=BJ&statut=en-cours&tri=recent", "/projets?pays=BJ&statut=en-cours");
		canonical.put("/acteurs/" + actor, "/acteurs/" + actor);
		canonical.put("/pays/SN", "/pays/sn");
		canonical.put("/domaines/education", "/domaines/education");
		canonical.put("/chiffres?pays=SN&inconnu=1", "/chiffres?pays=SN");
		canonical.put("/donnees", "/donnees");
		canonical.put("/integrer?pays=SN", "/integrer");
		canonical.put("/donnees/api", "/donnees/api");
		canonical.forEach(
				(path, expected) -> assertThat(page(path, 200).select("link[rel=canonical]").eachAttr("href")).as(path)
					.containsExactly(SITE + expected));
		for (String none : new String[] { "/integrer/acteurs?pays=SN", "/recensement", "/connexion" }) {
			assertThat(page(none, 200).select("link[rel=canonical]")).as(none).isEmpty();
		}
		assertThat(page("/acteurs/personne-de-ce-nom", 404).select("link[rel=canonical]")).isEmpty();
	}

	@Test
	void actorPagesDescribeTheirOrganisationForSearchEngines() {
		var row = this.jdbc
			.sql("""
					select a.slug, a.name, a.website, c.name as commune from actor a join commune c on c.insee_code = a.commune_insee
					where a.published and a.website is not null order by a.id limit 1""")
			.query()
			.singleRow();
		Document page = page("/acteurs/" + row.get("slug"), 200);
		assertThat(page.select("script[type=application/ld+json]")).hasSize(1);
		JsonNode org = this.json.readTree(page.selectFirst("script[type=application/ld+json]").data());
		assertThat(org.get("@context").asString()).isEqualTo("https://schema.org");
		assertThat(org.get("@type").asString()).isEqualTo("Organization");
		assertThat(org.get("name").asString()).isEqualTo(row.get("name"));
		assertThat(org.get("url").asString()).isEqualTo(SITE + "/acteurs/" + row.get("slug"));
		assertThat(org.get("sameAs").get(0).asString()).isEqualTo(row.get("website"));
		assertThat(org.at("/address/addressLocality").asString()).isEqualTo(row.get("commune"));
		assertThat(org.at("/address/addressCountry").asString()).isEqualTo("FR");

		String without = this.jdbc.sql("select slug from actor where published and website is null order by id limit 1")
			.query(String.class)
			.single();
		assertThat(this.json
			.readTree(page("/acteurs/" + without, 200).selectFirst("script[type=application/ld+json]").data())
			.has("sameAs")).isFalse();
	}

	private Document page(String path, int status) {
		MvcTestResult result = this.mvc.get().uri(path).exchange();
		assertThat(result).as(path).hasStatus(status);
		try {
			return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
