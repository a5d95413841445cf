package fr.lianes.repertoire.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

import javax.sql.DataSource;

import fr.lianes.repertoire.demo.ActorWriter.Actor;
import fr.lianes.repertoire.reference.CommuneLookup;
import fr.lianes.repertoire.reference.Networks;
import fr.lianes.repertoire.reference.ReferenceData;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Generates a realistic demo directory at the scale of the real one (context/000: 1,951
 * actors, 551 of them census respondents with 1,939 projects in ~120 countries), or a
 * multiple of it for benchmarks. The same scale and seed always give the same rows.
 */
@Component
public class DemoDataGenerator {

	/** Actors, census respondents of the real directory: one unit of scale. */
	static final int ACTORS_PER_SCALE = 1951;

	static final int RESPONDENTS_PER_SCALE = 551;

	private static final List<String> TABLES_WITH_IDENTITY = List.of("actor", "contact_person", "contact_consent",
			"partner_organisation", "project");

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final CommuneLookup communes;

	private final ReferenceData lists;

	private final Networks networks;

	public DemoDataGenerator(DataSource dataSource, PlatformTransactionManager transactionManager,
			CommuneLookup communes, ReferenceData lists, Networks networks) {
		this.communes = communes;
		this.lists = lists;
		this.networks = networks;
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
		this.transaction = new TransactionTemplate(transactionManager);
	}

	/**
	 * Inserts the demo directory into a directory without actors, in one transaction (or
	 * in the caller's). Reference data must be loaded.
	 * @param scale how many times the real directory, at least 1
	 * @param seed seed of the random sequence
	 * @return what was inserted
	 */
	public GenerationReport generate(int scale, long seed) {
		if (scale < 1) {
			throw new IllegalArgumentException("The scale of the demo directory must be at least 1, not " + scale);
		}
		long started = System.nanoTime();
		GenerationReport report = this.transaction.execute((status) -> insert(scale, seed));
		return new GenerationReport(report.actors(), report.projects(), report.countries(),
				Duration.ofNanos(System.nanoTime() - started));
	}

	/**
	 * Writes the demo directory that {@link #generate} inserts into an empty directory
	 * (the same scale and seed, the same entries) as the network's old directory exported
	 * it, with the flaws of real exports ({@link LegacyExport}): {@code acteurs.csv} and
	 * {@code projets.csv} in {@code directory}. Nothing is written to the database.
	 * @return the two files, actors first
	 */
	public List<Path> exportLegacy(int scale, long seed, Path directory, ReferenceData lists) throws IOException {
		if (scale < 1) {
			throw new IllegalArgumentException("The scale of the demo directory must be at least 1, not " + scale);
		}
		Files.createDirectories(directory);
		Path actors = directory.resolve("acteurs.csv");
		Path projects = directory.resolve("projets.csv");
		Catalog catalog = new Catalog(GeneratorLists.load(this.communes, this.lists, this.networks));
		try (LegacyExport export = new LegacyExport(catalog, lists, seed, actors, projects)) {
			// the ids the generation takes in an empty directory
			DemoRun run = new DemoRun(new SplittableRandom(seed), catalog, export, 0, new long[] { 1, 1, 1, 1, 1 });
			run.firstActorId = 1;
			populate(run, scale);
		}
		return List.of(actors, projects);
	}

	private GenerationReport insert(int scale, long seed) {
		if (Boolean.TRUE.equals(this.jdbc.queryForObject("select exists (select 1 from actor)", Boolean.class))) {
			throw new IllegalStateException("The demo directory is only generated into a directory without actors");
		}
		GeneratorLists reference = GeneratorLists.load(this.communes, this.lists, this.networks);
		int campaignId = campaign();
		long[] firstIds = TABLES_WITH_IDENTITY.stream()
			.mapToLong((table) -> this.jdbc.queryForObject("select coalesce(max(id), 0) + 1 from " + table, Long.class))
			.toArray();
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		DemoRun run;
		try {
			CopyWriter writer = new CopyWriter(connection);
			run = new DemoRun(new SplittableRandom(seed), new Catalog(reference), writer, campaignId, firstIds);
			run.firstActorId = firstIds[0];
			populate(run, scale);
			writer.flush();
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
		for (String table : TABLES_WITH_IDENTITY) {
			// ids were computed here: move the identity past them for the rows the
			// application adds
			this.jdbc.queryForObject("select setval(pg_get_serial_sequence('" + table + "', 'id'), "
					+ "coalesce(max(id), 0) + 1, false) from " + table, Long.class);
		}
		// fresh statistics so the first queries on a large demo get good plans
		this.jdbc.execute("analyze actor, contact_person, contact_consent, actor_network, partner_organisation, "
				+ "project, project_actor, project_country, project_domain, project_partner");
		return new GenerationReport(run.actors, run.projects, run.countries.size(), Duration.ZERO);
	}

	private void populate(DemoRun run, int scale) {
		ActorWriter actors = new ActorWriter(run);
		ProjectWriter projectWriter = new ProjectWriter(run);
		ProjectGenerator projects = new ProjectGenerator(run, projectWriter);
		RandomActors randomActors = new RandomActors(run);
		int real = new RealEntries(run, actors, projectWriter).write();
		int toGenerate = ACTORS_PER_SCALE * scale - real;
		int respondentsLeft = RESPONDENTS_PER_SCALE * scale - real;
		WeightedPicker<String> otherStatuses = WeightedPicker.<String>builder()
			.add("ACTIVE", 65.2)
			.add("DORMANT", 30.6)
			.add("CEASED", 4.2)
			.build();
		for (int i = 0; i < toGenerate; i++) {
			// selection sampling: exactly respondentsLeft of the remaining actors answer
			// the census
			boolean respondent = run.random.nextInt(toGenerate - i) < respondentsLeft;
			if (respondent) {
				respondentsLeft--;
			}
			ActorSpec spec = randomActors.next(respondent);
			// respondents answered this year: they are active; the others make up ~22 %
			// dormant, ~3 % ceased
			String status = respondent ? "ACTIVE" : otherStatuses.pick(run.random);
			Actor actor = actors.write(spec, status);
			projects.generate(actor);
		}
	}

	private int campaign() {
		this.jdbc.update(
				"insert into census_campaign (name, opens_on, closes_on, as_of) values (?, ?, ?, ?) "
						+ "on conflict (name) do nothing",
				DemoRun.CAMPAIGN_NAME, DemoRun.CAMPAIGN_OPENS, DemoRun.CAMPAIGN_CLOSES, DemoRun.CAMPAIGN_CLOSES);
		return this.jdbc.queryForObject("select id from census_campaign where name = ?", Integer.class,
				DemoRun.CAMPAIGN_NAME);
	}

}
