package fr.lianes.repertoire.exchange;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The widget on the demo directory: the builder gives a preview and the snippet for a
 * country, a territory or a domain; the framed pages list or map the same actors as
 * {@code /acteurs} with the same filter, carry a title and a link back, open their links
 * in a new tab, and are the only pages other sites may frame.
 */
@SpringBootTest
@AutoConfigureMockMvc
class WidgetTests {

	private static final String STRICT_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; "
			+ "script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void onlyTheFramedPagesMayBeFramedByOtherSites() {
		for (String framed : new String[] { "/integrer/acteurs?pays=SN", "/integrer/carte?territoire=dunkerquois",
				"/integrer/acteurs" }) {
			MvcTestResult result = this.mvc.get().uri(framed).exchange();
			assertThat(result).as(framed).hasStatusOk();
			assertThat(result.getResponse().getHeader("Content-Security-Policy")).as(framed)
				.isEqualTo(STRICT_POLICY.replace("frame-ancestors 'none'", "frame-ancestors *"));
			assertThat(result.getResponse().getHeaders("X-Frame-Options")).as(framed).isEmpty();
			assertThat(result.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		}
		for (String other : new String[] { "/integrer", "/integrer?pays=SN", "/", "/acteurs?pays=SN", "/donnees",
				"/connexion" }) {
			MvcTestResult result = this.mvc.get().uri(other).exchange();
			assertThat(result.getResponse().getHeader("Content-Security-Policy")).as(other).isEqualTo(STRICT_POLICY);
			assertThat(result.getResponse().getHeader("X-Frame-Options")).as(other).isEqualTo("DENY");
		}
	}

	@Test
	void theFramedListShowsTheListsActorsWithATitleAndLinksBackInANewTab() {
		long expected = count("/acteurs?pays=SN&domaine=sante");
		assertThat(expected).isBetween(2L, (long) WidgetController.LIST_SIZE * 6);
		Document first = page("/integrer/acteurs?pays=SN&domaine=sante");
		assertThat(first.title()).startsWith("Acteurs de la coopération internationale en Hauts-de-France : ")
			.contains("Sénégal")
			.contains("Santé");
		assertThat(first.select("h1").text()).isEqualTo(first.title().substring(0, first.title().lastIndexOf(" – ")));
		assertThat(first.select("base").attr("target")).isEqualTo("_blank");
		assertThat(first.select("script")).as("no script in a framed page").isEmpty();
		assertThat(first.select("p.widget-all a").attr("href")).isEqualTo("/acteurs?pays=SN&domaine=sante");
		assertThat(first.select("p.widget-source a").attr("href")).isEqualTo("/");

		// walk the framed pages: the same actors as the list page, each once, in a new
		// tab
		List<String> slugs = new ArrayList<>();
		Document page = first;
		int pages = 0;
		while (true) {
			pages++;
			for (Element link : page.select("ul.widget-cards > li > h2 > a")) {
				assertThat(link.attr("target")).isEqualTo("_blank");
				assertThat(link.attr("rel")).contains("noopener");
				slugs.add(link.attr("href").substring("/acteurs/".length()));
			}
			Element next = page.selectFirst("nav.widget-pages a[rel=next]");
			if (next == null) {
				break;
			}
			assertThat(next.attr("target")).as("the next actors stay in the frame").isEqualTo("_self");
			page = page(next.attr("href"));
		}
		assertThat(pages).isGreaterThan(1);
		assertThat(slugs).hasSize((int) expected).doesNotHaveDuplicates();
		List<String> listed = new ArrayList<>();
		for (int n = 1; listed.size() < expected; n++) {
			page("/acteurs?pays=SN&domaine=sante&page=" + n).select("ul.cards > li.card > h3 > a")
				.forEach((a) -> listed.add(a.attr("href").substring("/acteurs/".length())));
		}
		assertThat(slugs).containsExactlyInAnyOrderElementsOf(listed);

		// a cursor the list did not give starts again from the top
		assertThat(page("/integrer/acteurs?pays=SN&domaine=sante&curseur=pas-un-curseur")
			.select("ul.widget-cards > li > h2 > a")
			.eachAttr("href")).isEqualTo(first.select("ul.widget-cards > li > h2 > a").eachAttr("href"));
	}

	@Test
	void theFramedMapShowsTheCountriesAndTerritoriesOfTheActors() {
		Document map = page("/integrer/carte?territoire=dunkerquois");
		assertThat(map.select("h1").text()).endsWith(": Dunkerquois");
		long expected = count("/acteurs?territoire=dunkerquois");
		assertThat(map.select("p.widget-count").text()).startsWith(expected + " acteurs");
		assertThat(map.select(".map-world a.country")).hasSizeGreaterThan(5);
		assertThat(map.select(".map-region a.tile[href=/territoires/dunkerquois]").text()).endsWith(" " + expected);
		assertThat(map.select(".map-region a.tile[href=/territoires/metropole-lilloise]").text()).endsWith(" 0");
		assertThat(map.select("p.widget-all a").attr("href")).isEqualTo("/acteurs?territoire=dunkerquois");
		assertThat(map.select("base").attr("target")).isEqualTo("_blank");
	}

	@Test
	void theBuilderPreviewsTheWidgetAndGivesTheSnippetToCopy() {
		Document builder = page("/integrer");
		assertThat(builder.select("h1").text()).isEqualTo("Intégrer le répertoire à votre site");
		assertThat(builder.select("form.widget-form").attr("method")).isEqualTo("get");
		assertThat(builder.select("form.widget-form").attr("action")).isEqualTo("/integrer");
		assertThat(builder.select("select#w-pays option[value=SN]").text()).isEqualTo("Sénégal");
		assertThat(builder.select("iframe").attr("src")).isEqualTo("/integrer/acteurs");

		Document senegal = page("/integrer?forme=carte&pays=SN&domaine=sante");
		assertThat(senegal.select("select#w-pays option[selected]").val()).isEqualTo("SN");
		assertThat(senegal.select("input#forme-carte").hasAttr("checked")).isTrue();
		Element frame = senegal.selectFirst("#apercu iframe");
		assertThat(frame.attr("src")).isEqualTo("/integrer/carte?pays=SN&domaine=sante");
		assertThat(frame.attr("title")).contains("Sénégal");
		assertThat(senegal.select("textarea#w-code").text())
			.isEqualTo("<iframe src=\"http://localhost:8080/integrer/carte?pays=SN&amp;domaine=sante\" title=\""
					+ frame.attr("title") + "\" width=\"100%\" height=\"900\" style=\"border:0\" loading=\"lazy\">"
					+ "</iframe>");
		assertThat(page(frame.attr("src")).select("h1").text()).isEqualTo(frame.attr("title"));

		Document unknown = page("/integrer?pays=ZZ&territoire=dunkerquois");
		assertThat(unknown.select("#apercu .notice").text()).contains("ZZ");
		assertThat(unknown.select("#apercu iframe").attr("src")).isEqualTo("/integrer/acteurs?territoire=dunkerquois");

		Document english = Jsoup
			.parse(body(this.mvc.get().uri("/integrer").header("Accept-Language", "en").exchange()));
		assertThat(english.select("h1").text()).isEqualTo("Embed the directory in your site");
		assertThat(page("/donnees").select("a[href=/integrer]")).hasSize(1);
	}

	private long count(String listPath) {
		String status = page(listPath).select("[role=status]").text();
		return Long.parseLong(status.substring(0, status.indexOf(" acteur")).replaceAll("\\D", ""));
	}

	private Document page(String path) {
		MvcTestResult result = this.mvc.get().uri(path).exchange();
		assertThat(result).as(path).hasStatusOk();
		return Jsoup.parse(body(result));
	}

	private static String body(MvcTestResult result) {
		try {
			return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
