package fr.lianes.repertoire.figures;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import fr.lianes.repertoire.time.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The figures of the whole directory, updated for the actors and projects each change
 * touched, against the same figures computed from every row ({@link FiguresQueries}),
 * after each kind of change that moves them: an actor published, a project led, a
 * partner, a country removed, a lead actor unpublished, deletions, a campaign.
 */
@SpringBootTest
@AutoConfigureMockMvc
class WholeFiguresTests {

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private FiguresCache cache;

	@Autowired
	private FiguresQueries queries;

	@Autowired
	private WholeFigures whole;

	@Autowired
	private PlatformTransactionManager transactionManager;

	private final List<Long> actors = new ArrayList<>();

	private final List<Long> projects = new ArrayList<>();

	private Integer campaign;

	@AfterEach
	void removeWhatWasAdded() {
		for (Long project : this.projects) {
			this.jdbc.sql("delete from project where id = ?").param(project).update();
		}
		for (Long actor : this.actors) {
			this.jdbc.sql("delete from actor where id = ?").param(actor).update();
		}
		if (this.campaign != null) {
			this.jdbc.sql("update actor set last_census_campaign_id = null where last_census_campaign_id = ?")
				.param(this.campaign)
				.update();
			this.jdbc.sql("delete from census_campaign where id = ?").param(this.campaign).update();
		}
	}

	@Test
	void eachChangeUpdatesTheFiguresForWhatItTouchedAndTheyMatchTheFiguresComputedFromEveryRow() {
		FigureSet before = checked();
		int rebuilds = this.whole.rebuilds();
		long lead = actor("chiffres-pas-a-pas", "Dunkerque", false);
		assertThat(checked().actors()).isEqualTo(before.actors());
		this.jdbc.sql("update actor set published = true where id = ?").param(lead).update();
		assertThat(checked().actors()).isEqualTo(before.actors() + 1);

		long project = project("chiffres-pas-a-pas-puits", lead, "ML", "SN");
		this.jdbc.sql("insert into project_domain (project_id, domain_id) values (?, 303)").param(project).update();
		FigureSet led = checked();
		assertThat(led.projects()).isEqualTo(before.projects() + 1);
		assertThat(led.actorsByCountry().get("ML")).isEqualTo(before.actorsByCountry().getOrDefault("ML", 0L) + 1);

		long partner = actor("chiffres-pas-a-pas-partenaire", "Lille", true);
		this.jdbc.sql("insert into project_actor (project_id, actor_id) values (?, ?)")
			.param(project)
			.param(partner)
			.update();
		assertThat(checked().actorsByCountry().get("SN"))
			.isEqualTo(before.actorsByCountry().getOrDefault("SN", 0L) + 2);

		this.jdbc.sql("delete from project_country where project_id = ? and country_iso2 = 'SN'")
			.param(project)
			.update();
		assertThat(checked().actorsByCountry().getOrDefault("SN", 0L))
			.isEqualTo(before.actorsByCountry().getOrDefault("SN", 0L));

		// the lead unpublished: its project is no longer public, nor the partner's
		// country
		this.jdbc.sql("update actor set published = false where id = ?").param(lead).update();
		FigureSet unpublished = checked();
		assertThat(unpublished.projects()).isEqualTo(before.projects());
		assertThat(unpublished.actorsByCountry().getOrDefault("ML", 0L))
			.isEqualTo(before.actorsByCountry().getOrDefault("ML", 0L));
		this.jdbc.sql("update actor set published = true, status = 'DORMANT' where id = ?").param(lead).update();
		checked();

		this.jdbc.sql("delete from project where id = ?").param(project).update();
		this.jdbc.sql("delete from actor where id = ?").param(partner).update();
		assertThat(checked().actors()).isEqualTo(before.actors() + 1);
		assertThat(this.whole.rebuilds()).as("updated, never computed again from every row").isEqualTo(rebuilds);

		// a campaign (a reference list of the figures): computed again from every row
		this.campaign = this.jdbc.sql("""
				insert into census_campaign (name, opens_on, closes_on, as_of)
				values ('Recensement pas à pas', date '2016-01-15', date '2016-06-30', date '2016-06-30')
				returning id""").query(Integer.class).single();
		this.jdbc.sql("update actor set last_census_campaign_id = ? where id = ?")
			.param(this.campaign)
			.param(lead)
			.update();
		assertThat(checked().campaigns()).anySatisfy((c) -> assertThat(c.respondents()).isEqualTo(1));
		assertThat(this.whole.rebuilds()).isEqualTo(rebuilds + 1);
	}

	@Test
	void changesPastTheLastFoldButOneAreReadAgainFromEveryRow() {
		checked();
		int rebuilds = this.whole.rebuilds();
		long actor = actor("chiffres-apres-pliage", "Lille", true);
		// a fold deletes only what every snapshot before the previous fold has seen
		this.cache.fold();
		assertThat(checked().actors()).isPositive();
		assertThat(this.whole.rebuilds()).isEqualTo(rebuilds);
		this.jdbc.sql("update actor set status = 'CEASED' where id = ?").param(actor).update();
		// folded until the change is deleted (a transaction running elsewhere may hold
		// it)
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			this.cache.fold();
			return this.jdbc.sql("select count(*) from figures_change where actor_id = ?")
				.param(actor)
				.query(Long.class)
				.single() == 0;
		});
		checked();
		assertThat(this.whole.rebuilds()).as("its changes may be gone: computed again").isEqualTo(rebuilds + 1);
	}

	/**
	 * The figures the cache serves, once they equal those computed from every row in the
	 * same state.
	 */
	private FigureSet checked() {
		FigureSet served = this.cache.figures(FiguresFilter.NONE);
		TransactionTemplate snapshot = new TransactionTemplate(this.transactionManager);
		snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		FigureSet computed = snapshot.execute(
				(status) -> this.queries.compute(served.version(), FiguresFilter.NONE, LocalDate.now(TestClock.get())));
		assertThat(served.version()).isEqualTo(this.cache.version());
		assertThat(sorted(served)).usingRecursiveComparison().isEqualTo(sorted(computed));
		return served;
	}

	private static FigureSet sorted(FigureSet figures) {
		Comparator<FigureSet.AreaCount> order = Comparator.comparing(FigureSet.AreaCount::region)
			.thenComparing(FigureSet.AreaCount::subregion);
		return new FigureSet(figures.version(), figures.actors(), figures.activeActors(), figures.dormantActors(),
				figures.campaigns(), figures.campaign(), figures.projects(), figures.actorsByTerritory(),
				figures.actorsByType(), figures.projectsByDomain(), figures.projectsByNature(),
				figures.projectsByKind(), figures.actorsByCountry(), figures.projectsByCountry(),
				figures.areas().stream().sorted(order).toList(), figures.continents().stream().sorted(order).toList());
	}

	private long actor(String slug, String commune, boolean published) {
		long id = this.jdbc.sql("""
				insert into actor (slug, name, actor_type_code, commune_insee, status, publication_consent, published)
				values (:slug, :slug, 'association-solidarite-internationale',
				        (select insee_code from commune where name = :commune limit 1), 'ACTIVE', true, :published)
				returning id""")
			.param("slug", slug)
			.param("commune", commune)
			.param("published", published)
			.query(Long.class)
			.single();
		this.actors.add(id);
		return id;
	}

	private long project(String slug, long lead, String... countries) {
		long id = this.jdbc.sql("""
				insert into project (slug, title, lead_actor_id, kind, nature, status, published)
				values (:slug, :slug, :lead, 'COOPERATION', 'TRAINING', 'ONGOING', true) returning id""")
			.param("slug", slug)
			.param("lead", lead)
			.query(Long.class)
			.single();
		this.projects.add(0, id);
		for (String country : countries) {
			this.jdbc.sql("insert into project_country (project_id, country_iso2) values (?, ?)")
				.param(id)
				.param(country)
				.update();
		}
		return id;
	}

}
