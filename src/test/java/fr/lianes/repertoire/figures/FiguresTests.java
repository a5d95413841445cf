package fr.lianes.repertoire.figures;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import fr.lianes.repertoire.testing.StatementCounter;
import fr.lianes.repertoire.census.Campaigns;
import fr.lianes.repertoire.census.Responses;
import fr.lianes.repertoire.directory.DirectoryCounts;
import fr.lianes.repertoire.reference.ReferenceData;
import fr.lianes.repertoire.time.TestClock;
import io.micrometer.core.instrument.MeterRegistry;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The key figures against the same figures computed independently in SQL on the demo
 * directory, before and after a change is committed.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(StatementCounter.class)
class FiguresTests {

	/** Published actors that are active or dormant. */
	private static final String REGISTERED = "a.published and a.status in ('ACTIVE', 'DORMANT')";

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private FiguresCache cache;

	@Autowired
	private ReferenceData reference;

	@Autowired
	private PlatformTransactionManager transactionManager;

	@Autowired
	private Campaigns campaigns;

	@Autowired
	private Responses responses;

	@Autowired
	private DirectoryCounts counts;

	@Autowired
	private Clock clock;

	@Autowired
	private FiguresPages pages;

	@Autowired
	private MeterRegistry meters;

	@Test
	void keyFiguresAreThoseOfThePublishedDirectory() {
		Document page = page("/chiffres");
		assertThat(keyFigure(page, 0)).isEqualTo(count("select count(*) from actor a where " + REGISTERED))
			.isPositive();
		long active = count("select count(*) from actor a where a.published and a.status = 'ACTIVE'");
		assertThat(number(page.select(".key-figures li .detail").get(0).text().replaceFirst(" et .*", "")))
			.isEqualTo(active);
		assertThat(keyFigure(page, 1))
			.isEqualTo(count("""
					select count(*) from actor a where %s and a.last_census_campaign_id = (
					    select id from census_campaign where opens_on <= ? order by opens_on desc, id desc limit 1)"""
				.formatted(REGISTERED), java.time.LocalDate.now(TestClock.get())))
			.isPositive();
		assertThat(keyFigure(page, 2)).isEqualTo(count("select count(*) from public_project")).isPositive();
		assertThat(keyFigure(page, 3)).isEqualTo(count(
				"select count(distinct pc.country_iso2) from project_country pc join public_project p on p.id = pc.project_id"))
			.isGreaterThan(50);
		assertThat(page.select(".meta").text()).contains("situation au");
	}

	@Test
	void everyTerritoryCountryAndDomainRowMatchesSql() {
		Document page = page("/chiffres");
		assertThat(table(page, "territoires")).isEqualTo(grouped("""
				select t.slug, count(*) from actor a join commune c on c.insee_code = a.commune_insee
				join epci e on e.siren = c.epci_siren join territory t on t.id = e.territory_id
				where %s group by 1""".formatted(REGISTERED), "/territoires/"));
		Map<String, Long> countries = grouped("""
				select lower(pc.country_iso2), count(distinct a.id) from actor a
				join (select lead_actor_id as actor_id, id as project_id from public_project
				      union select pa.actor_id, pa.project_id from project_actor pa
				      join public_project p on p.id = pa.project_id) ap on ap.actor_id = a.id
				join project_country pc on pc.project_id = ap.project_id
				where %s group by 1""".formatted(REGISTERED), "/pays/");
		assertThat(table(page, "pays")).isEqualTo(countries);
		assertThat(countries.get("/pays/sn")).isEqualTo(countries.values().stream().max(Long::compare).orElseThrow());
		assertThat(table(page, "domaines")).isEqualTo(grouped("""
				select d.slug, count(distinct p.id) from public_project p
				join project_domain pd on pd.project_id = p.id join domain s on s.id = pd.domain_id
				join domain d on d.id = coalesce(s.parent_id, s.id) group by 1""", "/domaines/"));
		// the world map names each country with its count
		Element senegal = page.selectFirst("a.country[href=/pays/sn]");
		assertThat(senegal.attr("aria-label"))
			.isEqualTo("Pays Sénégal : " + formatted(countries.get("/pays/sn")) + " acteurs");
		assertThat(page.select(".map-region a.tile")).hasSize(24);
		// countries too small for the map are listed beside it, with their count
		assertThat(page.select(".map-world .map-off a")).isNotEmpty();
		for (Element small : page.select(".map-world .map-off a")) {
			assertThat(page.select(".map-world a.country[href=" + small.attr("href") + "]")).isEmpty();
			assertThat(small.text()).contains(formatted(countries.get(small.attr("href"))));
		}
		assertThat(page.select(".map-world .map-off a").eachAttr("href")).contains("/pays/km");
		// the maps are groups named by their caption
		for (Element svg : page.select("figure.map svg")) {
			assertThat(svg.attr("role")).isEqualTo("group");
			assertThat(page.getElementById(svg.attr("aria-labelledby")).text()).isNotBlank();
		}
		// each tile shows its territory's current name
		Map<String, String> names = new HashMap<>();
		this.jdbc.sql("select slug, name from territory").query((rs) -> {
			names.put("/territoires/" + rs.getString(1), rs.getString(2));
		});
		for (Element tile : page.select(".map-region a.tile")) {
			assertThat(String.join(" ", tile.select(".tile-name tspan").eachText()).replace("- ", "-"))
				.isEqualTo(names.get(tile.attr("href")));
		}
		assertThat(fr.lianes.repertoire.maps.Maps.lines("Métropole lilloise")).containsExactly("Métropole", "lilloise");
	}

	@Test
	void continentsCountEachActorAndProjectOnce() {
		Document page = page("/chiffres?domaine=education");
		String pairs = """
				from actor a
				join (select lead_actor_id as actor_id, id as project_id from public_project
				      union select pa.actor_id, pa.project_id from project_actor pa
				      join public_project p on p.id = pa.project_id) ap on ap.actor_id = a.id
				join project_country pc on pc.project_id = ap.project_id
				join country k on k.iso2 = pc.country_iso2
				where %s and exists (select 1 from project_domain pd join domain d on d.id = pd.domain_id
				    where pd.project_id = ap.project_id
				    and (d.slug = 'education' or d.parent_id = (select id from domain where slug = 'education')))"""
			.formatted(REGISTERED);
		Map<String, Long> actors = grouped("select k.region_fr, count(distinct a.id) " + pairs + " group by 1", "");
		Map<String, Long> rows = new HashMap<>();
		Map<String, Long> projects = new HashMap<>();
		for (Element row : page.select("#continents table tbody tr")) {
			rows.put(row.select("th").text(), number(row.select("td").get(0).text()));
			projects.put(row.select("th").text(), number(row.select("td").get(1).text()));
		}
		assertThat(rows).isEqualTo(actors).hasSizeGreaterThan(2);
		// fewer than the sum of the countries: an actor in two countries of Africa counts
		// once
		long africa = actors.get("Afrique");
		assertThat(africa).isLessThan(count("select sum(n) from (select count(distinct a.id) as n " + pairs
				+ " and k.region_fr = 'Afrique' group by pc.country_iso2) x"));
		assertThat(projects.get("Afrique")).isEqualTo(count("""
				select count(distinct p.id) from public_project p join project_country pc on pc.project_id = p.id
				join country k on k.iso2 = pc.country_iso2 where k.region_fr = 'Afrique'
				and exists (select 1 from project_domain pd join domain d on d.id = pd.domain_id
				    where pd.project_id = p.id
				    and (d.slug = 'education' or d.parent_id = (select id from domain where slug = 'education')))"""));
		assertThat(this.mvc.get().uri("/chiffres/continents.csv")).hasStatusOk()
			.bodyText()
			.contains("\r\nAfrique,Afrique,");
	}

	@Test
	void withADomainAnActorCountsInACountryOnlyThroughProjectsOfThatDomain() {
		Map<String, Long> countries = grouped("""
				select lower(pc.country_iso2), count(distinct a.id) from actor a
				join (select lead_actor_id as actor_id, id as project_id from public_project
				      union select pa.actor_id, pa.project_id from project_actor pa
				      join public_project p on p.id = pa.project_id) ap on ap.actor_id = a.id
				join project_country pc on pc.project_id = ap.project_id
				where %s and exists (select 1 from project_domain pd join domain d on d.id = pd.domain_id
				    where pd.project_id = ap.project_id
				    and (d.slug = 'education' or d.parent_id = (select id from domain where slug = 'education')))
				group by 1""".formatted(REGISTERED), "/pays/");
		assertThat(countries).isNotEmpty();
		assertThat(table(page("/chiffres?domaine=education"), "pays")).isEqualTo(countries);
	}

	@Test
	void filtersRestrictEveryFigureAndKeepShareableUrls() {
		Document senegal = page("/chiffres?pays=SN");
		long actors = count("""
				select count(*) from actor a where %s and exists (
				    select 1 from actor_project ap join project_country pc on pc.project_id = ap.project_id
				    where ap.actor_id = a.id and pc.country_iso2 = 'SN')""".formatted(REGISTERED));
		assertThat(keyFigure(senegal, 0)).isEqualTo(actors).isEqualTo(table(page("/chiffres"), "pays").get("/pays/sn"));
		assertThat(keyFigure(senegal, 2)).isEqualTo(
				count("""
						select count(*) from public_project p
						where exists (select 1 from project_country pc where pc.project_id = p.id and pc.country_iso2 = 'SN')"""));
		assertThat(senegal.select("h1").text()).contains("Sénégal");
		assertThat(senegal.select("#f-pays option[selected]").attr("value")).isEqualTo("SN");
		assertThat(senegal.select("a[href^=/chiffres/territoires.csv]").attr("href"))
			.isEqualTo("/chiffres/territoires.csv?pays=SN");

		Document combined = page(
				"/chiffres?territoire=metropole-lilloise&domaine=education&type=association-solidarite-internationale");
		assertThat(keyFigure(combined, 0))
			.isEqualTo(
					count("""
							select count(*) from actor a join commune c on c.insee_code = a.commune_insee
							join epci e on e.siren = c.epci_siren join territory t on t.id = e.territory_id
							where %s and t.slug = 'metropole-lilloise' and a.actor_type_code = 'association-solidarite-internationale'
							and exists (select 1 from actor_project ap join project_domain pd on pd.project_id = ap.project_id
							    join domain d on d.id = pd.domain_id
							    where ap.actor_id = a.id and (d.slug = 'education' or d.parent_id = (select id from domain where slug = 'education')))"""
						.formatted(REGISTERED)))
			.isPositive();
		assertThat(keyFigure(combined, 2)).isEqualTo(
				count("""
						select count(*) from public_project p join actor la on la.id = p.lead_actor_id
						join commune c on c.insee_code = la.commune_insee join epci e on e.siren = c.epci_siren
						join territory t on t.id = e.territory_id
						where t.slug = 'metropole-lilloise' and la.actor_type_code = 'association-solidarite-internationale'
						and exists (select 1 from project_domain pd join domain d on d.id = pd.domain_id
						    where pd.project_id = p.id and (d.slug = 'education' or d.parent_id = (select id from domain where slug = 'education')))"""))
			.isPositive();
	}

	@Test
	void unknownFilterValuesAreLeftOutAndSaid() {
		Document page = page("/chiffres?pays=ZZ&type=nope");
		assertThat(page.select(".notice").text()).contains("ZZ").contains("nope");
		assertThat(page.select("h1 ~ .notice")).hasSize(2);
		assertThat(keyFigure(page, 0)).isEqualTo(keyFigure(page("/chiffres"), 0));
		// the body kept for the filter carries neither these values nor others
		Document other = page("/chiffres?pays=YY");
		assertThat(other.select(".notice").text()).contains("YY").doesNotContain("ZZ").doesNotContain("nope");
		assertThat(page("/chiffres").select(".notice")).isEmpty();
		assertThat(other.html()).doesNotContain("figures:notices");
	}

	@Test
	void aPublishedActorChangesTheFiguresAtOnceAndAnUnpublishedOneDoesNot() {
		Document before = page("/chiffres");
		long registered = keyFigure(before, 0);
		long dunkerquois = table(before, "territoires").get("/territoires/dunkerquois");
		long id = this.jdbc.sql("""
				insert into actor (slug, name, actor_type_code, commune_insee, status, publication_consent, published)
				values ('chiffres-en-direct', 'Chiffres en direct', 'association-solidarite-internationale',
				        (select insee_code from commune where name = 'Dunkerque'), 'ACTIVE', true, false)
				returning id""").query(Long.class).single();
		try {
			// cached, and still right: the new entry is not published
			assertThat(keyFigure(page("/chiffres"), 0)).isEqualTo(registered);
			this.jdbc.sql("update actor set published = true where id = ?").param(id).update();
			Document after = page("/chiffres");
			assertThat(keyFigure(after, 0)).isEqualTo(registered + 1)
				.isEqualTo(count("select count(*) from actor a where " + REGISTERED));
			assertThat(table(after, "territoires").get("/territoires/dunkerquois")).isEqualTo(dunkerquois + 1);
			assertThat(keyFigure(page("/chiffres?territoire=dunkerquois"), 0)).isEqualTo(dunkerquois + 1);
			this.jdbc.sql("update actor set status = 'CEASED' where id = ?").param(id).update();
			assertThat(keyFigure(page("/chiffres"), 0)).isEqualTo(registered);
		}
		finally {
			this.jdbc.sql("delete from actor where id = ?").param(id).update();
		}
		assertThat(keyFigure(page("/chiffres"), 0)).isEqualTo(registered);
	}

	@Test
	void afterAChangeOnlyThePartsWhoseDataMovedAreRenderedAgainAndThePageIsThatOfAWholeRendering() {
		// parts kept by other tests may already show the figures after the change
		this.pages.forget();
		Document before = page("/chiffres?vue=" + System.nanoTime());
		long registered = keyFigure(before, 0);
		long dunkerquois = table(before, "territoires").get("/territoires/dunkerquois");
		long id = this.jdbc.sql("""
				insert into actor (slug, name, actor_type_code, commune_insee, status, publication_consent, published)
				values ('chiffres-en-parties', 'Chiffres en parties', 'association-solidarite-internationale',
				        (select insee_code from commune where name = 'Dunkerque'), 'ACTIVE', true, true)
				returning id""").query(Long.class).single();
		try {
			long rendered = partsRendered();
			Document kept = page("/chiffres?vue=" + System.nanoTime());
			long renderedAfterTheChange = partsRendered() - rendered;
			assertThat(keyFigure(kept, 0)).isEqualTo(registered + 1);
			assertThat(table(kept, "territoires").get("/territoires/dunkerquois")).isEqualTo(dunkerquois + 1);
			// every body and part forgotten: the same page rendered whole
			this.pages.forget();
			rendered = partsRendered();
			Document whole = page("/chiffres?vue=" + System.nanoTime());
			long renderedWhole = partsRendered() - rendered;
			assertThat(kept.select(".figures-page").outerHtml()).isEqualTo(whole.select(".figures-page").outerHtml());
			// the territories' chart and map moved, the countries' chart and map did not
			assertThat(renderedAfterTheChange).isPositive().isLessThan(renderedWhole);
		}
		finally {
			this.jdbc.sql("delete from actor where id = ?").param(id).update();
		}
		assertThat(keyFigure(page("/chiffres"), 0)).isEqualTo(registered);
	}

	@Test
	void theFirstDayOfAMonthReadsAsAnOrdinalInFrenchAndAsANumberInEnglish() throws Exception {
		java.time.LocalDate today = java.time.LocalDate.now(this.clock);
		java.time.LocalDate first = today.withDayOfMonth(1).plusMonths(1);
		int campaign = this.jdbc.sql("""
				insert into census_campaign (name, opens_on, closes_on, as_of)
				values ('Recensement du premier', ?, ?, ?) returning id""")
			.params(today, first, today)
			.query(Integer.class)
			.single();
		try {
			// a write moves the content version: the kept bodies are rendered again
			this.jdbc.sql("update actor set updated_at = updated_at where slug = 'lianes-cooperation'").update();
			String french = page("/chiffres").select(".campaign-state").text();
			assertThat(french).contains("jusqu’au 1er "
					+ first.format(java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRENCH)));
			var english = this.mvc.get().uri("/chiffres").header("Accept-Language", "en").exchange();
			assertThat(Jsoup.parse(english.getResponse().getContentAsString()).select(".campaign-state").text())
				.contains("until 1 "
						+ first.format(java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH)))
				.doesNotContain("1er");
		}
		finally {
			this.jdbc.sql("delete from census_campaign where id = ?").param(campaign).update();
			this.jdbc.sql("update actor set updated_at = updated_at where slug = 'lianes-cooperation'").update();
		}
	}

	@Test
	void aSecondCampaignShowsTheRespondentsOfEach() {
		assertThat(page("/chiffres").getElementById("campagnes")).isNull();
		long current = keyFigure(page("/chiffres"), 1);
		int campaign = this.jdbc.sql("""
				insert into census_campaign (name, opens_on, closes_on, as_of)
				values ('Recensement de test 2016', date '2016-01-15', date '2016-06-30', date '2016-06-30')
				returning id""").query(Integer.class).single();
		try {
			this.jdbc
				.sql("""
						update actor set last_census_campaign_id = :campaign where id in (
						    select id from actor a where %s and last_census_campaign_id is null order by id limit 3)"""
					.formatted(REGISTERED))
				.param("campaign", campaign)
				.update();
			Document page = page("/chiffres");
			assertThat(keyFigure(page, 1)).isEqualTo(current);
			assertThat(page.select("#campagnes tbody tr").eachText()).hasSize(2)
				.first()
				.asString()
				.startsWith("Recensement de test 2016 3 ");
		}
		finally {
			this.jdbc.sql("update actor set last_census_campaign_id = null where last_census_campaign_id = ?")
				.param(campaign)
				.update();
			this.jdbc.sql("delete from census_campaign where id = ?").param(campaign).update();
		}
	}

	@Test
	void anApprovedResponseToAnEarlierCampaignCountsTheActorAmongItsRespondents() {
		int campaign = this.jdbc.sql("""
				insert into census_campaign (name, opens_on, closes_on, as_of)
				values ('Recensement de test 2015', date '2015-01-15', date '2015-06-30', date '2015-06-30')
				returning id""").query(Integer.class).single();
		// an actor whose entry its response no longer dates (its last answer is another
		// campaign's, or none)
		Map<String, Object> actor = this.jdbc
			.sql("select id, actor_type_code from actor a where %s order by id limit 1".formatted(REGISTERED))
			.query()
			.singleRow();
		String type = (String) actor.get("actor_type_code");
		String otherType = this.jdbc
			.sql("select min(actor_type_code) from actor a where %s and actor_type_code <> ?".formatted(REGISTERED))
			.param(type)
			.query(String.class)
			.single();
		long submission = this.jdbc.sql("""
				insert into submission (status, campaign_id, actor_id, author_email, content, submitted_at, decided_at)
				values ('APPROVED', ?, ?, 'recensement-2015@example.org', cast('{}' as jsonb), now(), now())
				returning id""").param(campaign).param(actor.get("id")).query(Long.class).single();
		try {
			assertThat(count("""
					select count(*) from actor a where %s and (a.last_census_campaign_id = ?
					    or exists (select 1 from submission s where s.actor_id = a.id and s.campaign_id = ?
					               and s.status = 'APPROVED'))""".formatted(REGISTERED), campaign, campaign)).isOne();
			// the whole directory's figures, and a filter's (computed apart)
			assertThat(campaignRows(page("/chiffres")).get(0)).startsWith("Recensement de test 2015 1 ");
			assertThat(campaignRows(page("/chiffres?type=" + type)).get(0)).startsWith("Recensement de test 2015 1 ");
			assertThat(campaignRows(page("/chiffres?type=" + otherType)).get(0))
				.startsWith("Recensement de test 2015 0 ");
			// the response rejected after all: the actor's next change takes it back
			this.jdbc.sql("update submission set status = 'REJECTED' where id = ?").param(submission).update();
			this.jdbc.sql("update actor set updated_at = updated_at where id = ?").param(actor.get("id")).update();
			assertThat(campaignRows(page("/chiffres")).get(0)).startsWith("Recensement de test 2015 0 ");
			assertThat(campaignRows(page("/chiffres?type=" + type)).get(0)).startsWith("Recensement de test 2015 0 ");
		}
		finally {
			this.jdbc.sql("delete from submission where id = ?").param(submission).update();
			this.jdbc.sql("delete from census_campaign where id = ?").param(campaign).update();
		}
	}

	/** The rows of the campaigns' table, the first opened first. */
	private static List<String> campaignRows(Document page) {
		return page.select("#campagnes tbody tr").eachText();
	}

	@Test
	void unchangedContentIsServedFromTheCacheWithOneStatement() {
		page("/chiffres?pays=ML");
		StatementCounter.reset();
		page("/chiffres?pays=ML");
		// the page kept whole by the public pages' filter (pages.PublicPageCache, issue
		// 18): its version check at most (none while the version is kept in memory, one
		// when a commit of this instance came between)
		assertThat(StatementCounter.count()).isLessThanOrEqualTo(1);
		// another address with the same filter, which that filter has not kept: the
		// figures' own cache answers, with its version check (and the filter's, as above)
		StatementCounter.reset();
		page("/chiffres?pays=ML&vue=" + System.nanoTime());
		assertThat(StatementCounter.count()).isBetween(1, 2);
	}

	@Test
	void concurrentRequestsShareOneComputationPerFilterAndAtMostTwoRunAtOnce() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		AtomicInteger computations = new AtomicInteger();
		FiguresQueries blocking = new FiguresQueries(this.counts, this.campaigns, this.responses, this.reference) {

			@Override
			FigureSet compute(long version, FiguresFilter filter, java.time.LocalDate today) {
				computations.incrementAndGet();
				try {
					release.await(10, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return new FigureSet(version, computations.get(), 0, 0, List.of(), null, 0, Map.of(), Map.of(),
						Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), List.of(), List.of());
			}

		};
		FiguresCache limited = new FiguresCache(this.jdbc, blocking, this.reference, this.transactionManager, 2,
				Duration.ofMillis(300), Clock.systemUTC());
		FiguresFilter mali = FiguresFilter.parse(this.reference, null, null, "ML", null);
		FiguresFilter senegal = FiguresFilter.parse(this.reference, null, null, "SN", null);
		FiguresFilter niger = FiguresFilter.parse(this.reference, null, null, "NE", null);
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			Future<FigureSet> first = pool.submit(() -> limited.figures(mali));
			Future<FigureSet> other = pool.submit(() -> limited.figures(senegal));
			await().atMost(Duration.ofSeconds(30)).until(() -> computations.get() == 2 && limited.running() == 2);
			// a third filter, never computed, waits a bounded time and is refused (the
			// 503 page itself: FiguresAcrossPagesTests)
			assertThatExceptionOfType(FiguresBusyException.class).isThrownBy(() -> limited.figures(niger));
			// the same filter joins the computation under way
			Future<FigureSet> second = pool.submit(() -> limited.figures(mali));
			await().atMost(Duration.ofSeconds(30)).until(() -> limited.waiting() == 1);
			assertThat(second).isNotDone();
			release.countDown();
			FigureSet firstFigures = first.get(30, TimeUnit.SECONDS);
			assertThat(second.get(30, TimeUnit.SECONDS)).isSameAs(firstFigures);
			assertThat(other.get(30, TimeUnit.SECONDS)).isNotSameAs(firstFigures)
				.extracting(FigureSet::version)
				.isEqualTo(firstFigures.version());
			assertThat(computations).hasValue(2);
			// nothing else computing: computed at once, by this request
			assertThat(limited.figures(niger).actors()).isEqualTo(3);
			assertThat(computations).hasValue(3);
		}
		finally {
			release.countDown();
			pool.shutdownNow();
		}
	}

	@Test
	void atTheCapTheFiguresOfThePreviousVersionAreServed() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		AtomicInteger computations = new AtomicInteger();
		FiguresQueries blocking = new FiguresQueries(this.counts, this.campaigns, this.responses, this.reference) {

			@Override
			FigureSet compute(long version, FiguresFilter filter, java.time.LocalDate today) {
				if (computations.incrementAndGet() > 1) {
					try {
						release.await(10, TimeUnit.SECONDS);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
				}
				return new FigureSet(version, 0, 0, 0, List.of(), null, 0, Map.of(), Map.of(), Map.of(), Map.of(),
						Map.of(), Map.of(), Map.of(), List.of(), List.of());
			}

		};
		FiguresCache limited = new FiguresCache(this.jdbc, blocking, this.reference, this.transactionManager, 1,
				Duration.ofMillis(300), Clock.systemUTC());
		FiguresFilter mali = FiguresFilter.parse(this.reference, null, null, "ML", null);
		FiguresFilter senegal = FiguresFilter.parse(this.reference, null, null, "SN", null);
		FigureSet old = limited.figures(mali);
		this.jdbc.sql("update actor set updated_at = updated_at where slug = 'lianes-cooperation'").update();
		ExecutorService pool = Executors.newFixedThreadPool(1);
		try {
			Future<FigureSet> busy = pool.submit(() -> limited.figures(senegal));
			await().atMost(Duration.ofSeconds(30)).until(() -> limited.running() == 1);
			assertThat(limited.figures(mali)).isSameAs(old);
			release.countDown();
			busy.get(30, TimeUnit.SECONDS);
			// nothing else computing: the current version
			assertThat(limited.figures(mali).version()).isEqualTo(limited.version()).isGreaterThan(old.version());
		}
		finally {
			release.countDown();
			pool.shutdownNow();
		}
	}

	@Test
	void aReferenceRefreshOrANewDayComputesTheFiguresAgain() {
		FiguresFilter mali = FiguresFilter.parse(this.reference, null, null, "ML", null);
		FigureSet before = this.cache.figures(mali);
		assertThat(this.cache.figures(mali)).isSameAs(before);
		this.reference.refresh();
		assertThat(this.cache.figures(mali)).isNotSameAs(before);
		ZoneId paris = ZoneId.of("Europe/Paris");
		FiguresCache evening = new FiguresCache(this.jdbc, null, this.reference, this.transactionManager, 2,
				Duration.ofSeconds(1), Clock.fixed(Instant.parse("2026-03-01T22:30:00Z"), paris));
		// 23:30 in Paris: still the 1st there, already the 2nd nowhere
		assertThat(evening.key(mali)).endsWith("|2026-03-01");
		FiguresCache night = new FiguresCache(this.jdbc, null, this.reference, this.transactionManager, 2,
				Duration.ofSeconds(1), Clock.fixed(Instant.parse("2026-03-01T23:30:00Z"), paris));
		assertThat(night.key(mali)).endsWith("|2026-03-02");
	}

	@Test
	void theContentVersionMovesWithEveryWriteAndFoldingKeepsIt() {
		long before = this.cache.version();
		this.jdbc.sql("update actor set updated_at = updated_at where slug = 'lianes-cooperation'").update();
		long after = this.cache.version();
		assertThat(after).isGreaterThan(before);
		// a write to a table the figures do not read leaves it
		this.jdbc.sql("update submission set updated_at = updated_at where false").update();
		assertThat(this.cache.version()).isEqualTo(after);
		this.cache.fold();
		assertThat(this.cache.version()).isEqualTo(after);
		assertThat(count("select count(*) from content_change")).isZero();
	}

	@Test
	void eachTableDownloadsAsCsv() {
		var result = this.mvc.get().uri("/chiffres/pays.csv").exchange();
		assertThat(result).hasStatusOk().hasContentType("text/csv;charset=UTF-8");
		assertThat(result.getResponse().getHeader("Content-Disposition")).contains("chiffres-pays.csv");
		long senegal = table(page("/chiffres"), "pays").get("/pays/sn");
		assertThat(result).bodyText()
			.startsWith("\uFEFFCode,Pays,Acteurs,Projets,Part (%)\r\n")
			.contains("\r\nSN,Sénégal," + senegal + ",");
		assertThat(this.mvc.get().uri("/chiffres/natures.csv?territoire=dunkerquois")).hasStatusOk()
			.bodyText()
			.contains("COLLECTION_DONATION,Collecte et don");
		assertThat(this.mvc.get().uri("/chiffres/inconnu.csv")).hasStatus4xxClientError();
	}

	@Test
	void separatorsFollowTheLanguage() throws Exception {
		String path = "/chiffres?territoire=metropole-lilloise&domaine=education";
		Document french = page(path);
		assertThat(french.select("h1").text()).contains(" · ");
		assertThat(french.select(".chart-legend li").first().text()).matches(".+ : .+ \\(.+\\)");
		String english = this.mvc.get()
			.uri(path)
			.header("Accept-Language", "en")
			.exchange()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		Document page = Jsoup.parse(english);
		assertThat(page.select(".chart-legend li").first().text()).matches("[^ ].*[^ ]: .+ \\(.+\\)");
		assertThat(page.select("h1").text()).contains(" · ");
	}

	@Test
	void theTablesOpenForPrinting() {
		Document page = page("/chiffres");
		assertThat(page.select("script[src~=^/assets/js/print-[0-9a-f]{32}\\.js$][defer]")).hasSize(1);
		assertThat(page.select("script[src~=/assets/js/print]:not([defer])")).isEmpty();
		assertThat(page.select("details.chart-data:not([open])")).isNotEmpty();
		assertThat(this.mvc.get().uri("/assets/js/print.js")).hasStatusOk()
			.bodyText()
			.contains("beforeprint")
			.contains("details:not([open])");
	}

	@Test
	void csvFieldsAreNeverReadAsFormulas() {
		StringBuilder csv = new StringBuilder();
		FiguresController.line(csv, List.of("-2+3", "=1", "+1", "@A1", "\tx", "Côte-d'Ivoire", "12"));
		assertThat(csv).hasToString("'-2+3,'=1,'+1,'@A1,'\tx,Côte-d'Ivoire,12\r\n");
	}

	/**
	 * A stacked bar leaves no room in its drawing for the name of a share of 2 or 3 %:
	 * its legend names every share of the table, the smallest included, with its value
	 * and its percentage (issue 17).
	 */
	@Test
	void everyShareOfAStackedBarIsNamedWithItsValueInTheLegendTheSmallestIncluded() {
		Document page = page("/chiffres");
		double smallest = 100;
		for (String id : List.of("familles", "natures", "genres")) {
			List<String> expected = new java.util.ArrayList<>();
			for (Element row : page.select("#" + id + " table tbody tr")) {
				String share = row.select("td").last().text();
				expected.add(row.select("th").text() + " : " + row.select("td").first().text() + " (" + share + ")");
				smallest = Math.min(smallest, Double.parseDouble(share.replaceAll("[^0-9,]", "").replace(',', '.')));
			}
			assertThat(expected).as(id).isNotEmpty();
			assertThat(page.select("#" + id + " .chart-legend li").eachText()).as(id)
				.containsExactlyInAnyOrderElementsOf(expected);
			// the band draws one segment per share
			assertThat(page.select("#" + id + " svg.stack rect.segment")).as(id).hasSameSizeAs(expected);
		}
		assertThat(smallest).as("the smallest share of the stacked bars, in %").isLessThan(5);
	}

	@Test
	void chartsAreTextWithDrawnBarsASummaryAndATable() {
		Document page = page("/chiffres");
		for (String id : Charts.IDS) {
			if (id.equals("campagnes")) {
				continue; // shown from the second campaign on
			}
			Element chart = page.getElementById(id);
			assertThat(chart).as(id).isNotNull();
			// the chart's text is HTML (bars or a legend), named by its title and summary
			assertThat(chart.select(".hbars, .chart-legend").attr("aria-labelledby"))
				.isEqualTo(id + "-title " + id + "-summary");
			assertThat(chart.select("svg text")).isEmpty();
			assertThat(chart.select("svg").attr("aria-hidden")).isEqualTo("true");
			assertThat(chart.select(".chart-summary").text()).isNotBlank();
			assertThat(chart.select("table tbody tr")).isNotEmpty();
			// the summary counts the table's rows, in words that agree with the number
			int rows = chart.select("table tbody tr").size();
			String summary = chart.select(".chart-summary").text();
			if (summary.contains("au total")) {
				assertThat(summary).as(id)
					.endsWith((rows == 1) ? " 1 ligne au total." : " " + rows + " lignes au total.");
			}
		}
		assertThat(page.select("link[href~=^/assets/css/figures-[0-9a-f]{32}\\.css$]")).hasSize(1);
		assertThat(page.html()).doesNotContain("??").doesNotContain("style=");
	}

	@Test
	void mapsAppearOnTheDirectoryPages() {
		assertThat(page("/pays").select("a.country[href=/pays/sn]")).hasSize(1);
		assertThat(page("/").select("a.country[href=/pays/sn]")).hasSize(1);
		assertThat(page("/pays/sn").select(".country.highlight[href=/pays/sn]")).hasSize(1);
		String actor = this.jdbc.sql("""
				select a.slug from actor a join public_project p on p.lead_actor_id = a.id
				join project_country pc on pc.project_id = p.id
				where a.published and pc.country_iso2 = 'SN' order by a.id limit 1""").query(String.class).single();
		assertThat(page("/acteurs/" + actor).select("a.country[href=/pays/sn]")).hasSize(1);
	}

	private Document page(String url) {
		var result = this.mvc.get().uri(url).exchange();
		assertThat(result).hasStatusOk();
		try {
			return Jsoup.parse(result.getResponse().getContentAsString());
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static long keyFigure(Document page, int index) {
		return number(page.select(".key-figures li strong").get(index).text());
	}

	/** The rows of a chart's table: link → count. */
	private static Map<String, Long> table(Document page, String id) {
		Map<String, Long> rows = new HashMap<>();
		for (Element row : page.select("#" + id + " table tbody tr")) {
			rows.put(row.select("th a").attr("href"), number(row.select("td").first().text()));
		}
		return rows;
	}

	private Map<String, Long> grouped(String sql, String prefix) {
		Map<String, Long> rows = new HashMap<>();
		this.jdbc.sql(sql).query((rs) -> {
			rows.put(prefix + rs.getString(1), rs.getLong(2));
		});
		return rows;
	}

	private long count(String sql, Object... params) {
		return this.jdbc.sql(sql).params(params).query(Long.class).single();
	}

	private static long number(String text) {
		return Long.parseLong(text.replaceAll("[^0-9]", ""));
	}

	private static String formatted(long value) {
		return java.text.NumberFormat.getIntegerInstance(java.util.Locale.FRENCH).format(value);
	}

	/**
	 * Parts of the figures' page rendered since the start, as the application counts
	 * them.
	 */
	private long partsRendered() {
		return (long) this.meters.get(FiguresPages.PARTS_RENDERED).counter().count();
	}

}
