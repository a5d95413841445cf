package fr.lianes.repertoire.exchange;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Atom feeds of the demo directory's lists: the latest changed entries of the list as
 * it is filtered, most recent first, linked from the list's page whatever its order.
 */
@SpringBootTest
@AutoConfigureMockMvc
class FeedTests {

	private static final String SITE = "http://localhost:8080";

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void theActorsFeedGivesTheLatestChangesOfTheFilteredList() throws Exception {
		AtomFeed feed = feed("/donnees/acteurs.atom?pays=SN");
		assertThat(feed.title()).isEqualTo("Acteurs nouveaux ou mis à jour");
		assertThat(feed.self()).isEqualTo(SITE + "/donnees/acteurs.atom?pays=SN");
		assertThat(feed.id()).isEqualTo(feed.self());
		assertThat(feed.alternate()).isEqualTo(SITE + "/acteurs?pays=SN");
		List<Timestamp> inSenegal = this.jdbc.sql("""
				select a.updated_at from actor a where a.published and a.status in ('ACTIVE', 'DORMANT')
				and a.id in (select ap.actor_id from actor_project ap join project_country pc
				on pc.project_id = ap.project_id where pc.country_iso2 = 'SN') order by a.updated_at desc""")
			.query(Timestamp.class)
			.list();
		Set<String> slugs = this.jdbc.sql("""
				select a.slug from actor a where a.published and a.status in ('ACTIVE', 'DORMANT')
				and a.id in (select ap.actor_id from actor_project ap join project_country pc
				on pc.project_id = ap.project_id where pc.country_iso2 = 'SN')""").query(String.class).set();
		assertThat(inSenegal).hasSizeGreaterThan(30);
		assertThat(feed.entries()).hasSize(Math.min(50, inSenegal.size()));
		assertThat(feed.links())
			.allSatisfy((link) -> assertThat(slugs).contains(link.substring((SITE + "/acteurs/").length())));
		List<Instant> updated = feed.entries().stream().map(AtomFeed.Entry::updated).toList();
		assertThat(updated).isSortedAccordingTo(Comparator.reverseOrder());
		Instant latest = inSenegal.get(0).toInstant().truncatedTo(ChronoUnit.SECONDS);
		assertThat(updated.get(0)).isEqualTo(latest);
		assertThat(feed.updated()).isEqualTo(latest);
		// the 50th entry is as recent as any left out
		Instant cut = inSenegal.get(feed.entries().size() - 1).toInstant().truncatedTo(ChronoUnit.SECONDS);
		assertThat(updated.get(updated.size() - 1)).isEqualTo(cut);
		assertThat(feed.entries())
			.allSatisfy((e) -> assertThat(e.published()).isNotNull().isBeforeOrEqualTo(e.updated()));
		assertThat(feed.entries()).extracting(AtomFeed.Entry::id).doesNotHaveDuplicates();
	}

	@Test
	void theProjectsFeedFollowsItsFilters() throws Exception {
		AtomFeed all = feed("/donnees/projets.atom");
		assertThat(all.title()).isEqualTo("Projets nouveaux ou mis à jour");
		assertThat(all.entries()).hasSize(50);
		AtomFeed senegal = feed("/donnees/projets.atom?pays=SN&statut=termine");
		Set<String> completedInSenegal = this.jdbc.sql("""
				select p.slug from public_project p where p.status = 'COMPLETED' and p.id in
				(select project_id from project_country where country_iso2 = 'SN')""").query(String.class).set();
		assertThat(senegal.entries()).isNotEmpty();
		assertThat(senegal.links()).allSatisfy(
				(link) -> assertThat(completedInSenegal).contains(link.substring((SITE + "/projets/").length())));
		assertThat(senegal.links()).isNotEqualTo(all.links());
		assertThat(feed("/donnees/projets.atom?q=" + "aucunprojetdecenom").entries()).isEmpty();
	}

	@Test
	void listPagesLinkTheirFeedWhateverTheirOrder() {
		for (String list : new String[] { "/acteurs?pays=SN", "/acteurs?pays=SN&tri=recent" }) {
			Document page = page(list);
			assertThat(page.select("head link[rel=alternate][type=application/atom+xml]").attr("href")).as(list)
				.isEqualTo("/donnees/acteurs.atom?pays=SN");
			assertThat(page.select("p.feed a").attr("href")).as(list).isEqualTo("/donnees/acteurs.atom?pays=SN");
		}
		assertThat(page("/projets?domaine=education").select("p.feed a").attr("href"))
			.isEqualTo("/donnees/projets.atom?domaine=education");
		assertThat(page("/donnees").select("main a[type=application/atom+xml]").eachAttr("href"))
			.containsExactly("/donnees/acteurs.atom", "/donnees/projets.atom");
	}

	private AtomFeed feed(String uri) throws Exception {
		MvcTestResult result = this.mvc.get().uri(uri).exchange();
		assertThat(result).as(uri).hasStatusOk().hasContentTypeCompatibleWith("application/atom+xml");
		return AtomFeed.parse(result.getResponse().getContentAsByteArray());
	}

	private Document page(String uri) {
		MvcTestResult result = this.mvc.get().uri(uri).exchange();
		assertThat(result).as(uri).hasStatusOk();
		return Jsoup.parse(new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8));
	}

}
