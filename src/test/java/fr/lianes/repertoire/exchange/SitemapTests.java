package fr.lianes.repertoire.exchange;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code robots.txt} and the sitemap of the demo directory: the index names a file of the
 * other pages and files of actors and projects; each lists every published actor or
 * public project once, and every address it gives answers.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SitemapTests {

	private static final String SITE = "http://localhost:8080";

	private static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void robotsKeepCrawlersOutOfStaffAndFormPagesAndNameTheSitemap() {
		MvcTestResult robots = this.mvc.get().uri("/robots.txt").exchange();
		assertThat(robots).hasStatusOk().hasContentTypeCompatibleWith("text/plain");
		assertThat(robots.getResponse().getContentAsByteArray()).asString(StandardCharsets.UTF_8)
			.startsWith("User-agent: *\n")
			.contains("Disallow: /moderation\n", "Disallow: /recensement\n", "Disallow: /connexion\n")
			.doesNotContain("Disallow: /acteurs")
			.endsWith("Sitemap: " + SITE + "/sitemap.xml\n");
	}

	@Test
	void theSitemapListsEveryPublicPageOnceAndEachAnswers() throws Exception {
		List<String> files = locs("/sitemap.xml", "sitemapindex", "sitemap");
		assertThat(files).startsWith(SITE + "/sitemap-pages.xml")
			.contains(SITE + "/sitemap-acteurs-1.xml", SITE + "/sitemap-projets-1.xml");
		List<String> actors = new ArrayList<>();
		List<String> projects = new ArrayList<>();
		for (String file : files.subList(1, files.size())) {
			List<String> urls = locs(file.substring(SITE.length()), "urlset", "url");
			(file.contains("acteurs") ? actors : projects).addAll(urls);
		}
		long published = this.jdbc.sql("select count(*) from actor where published").query(Long.class).single();
		long publicProjects = this.jdbc.sql("select count(*) from public_project").query(Long.class).single();
		assertThat(actors).hasSize((int) published)
			.doesNotHaveDuplicates()
			.allMatch((u) -> u.startsWith(SITE + "/acteurs/"));
		assertThat(projects).hasSize((int) publicProjects)
			.doesNotHaveDuplicates()
			.allMatch((u) -> u.startsWith(SITE + "/projets/"));
		List<String> pages = locs("/sitemap-pages.xml", "urlset", "url");
		assertThat(pages).contains(SITE + "/", SITE + "/acteurs", SITE + "/donnees", SITE + "/donnees/api",
				SITE + "/integrer", SITE + "/pays/sn", SITE + "/domaines/education",
				SITE + "/territoires/metropole-lilloise");
		List<String> sample = new ArrayList<>(pages);
		sample.addAll(actors.subList(0, 20));
		sample.addAll(projects.subList(0, 20));
		for (String url : sample) {
			assertThat(this.mvc.get().uri(url.substring(SITE.length()))).as(url).hasStatusOk();
		}
		// past the last file: an empty list, not an error
		assertThat(locs("/sitemap-acteurs-999.xml", "urlset", "url")).isEmpty();
	}

	private List<String> locs(String uri, String root, String element) throws Exception {
		MvcTestResult result = this.mvc.get().uri(uri).exchange();
		assertThat(result).as(uri).hasStatusOk().hasContentTypeCompatibleWith("application/xml");
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		Element document = factory.newDocumentBuilder()
			.parse(new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))
			.getDocumentElement();
		assertThat(document.getNamespaceURI()).isEqualTo(NS);
		assertThat(document.getLocalName()).isEqualTo(root);
		List<String> locs = new ArrayList<>();
		NodeList nodes = document.getElementsByTagNameNS(NS, element);
		for (int i = 0; i < nodes.getLength(); i++) {
			locs.add(((Element) nodes.item(i)).getElementsByTagNameNS(NS, "loc").item(0).getTextContent());
		}
		return locs;
	}

}
