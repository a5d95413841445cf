package fr.lianes.repertoire.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import fr.lianes.repertoire.census.Campaigns;
import fr.lianes.repertoire.demo.ActorWriter.Actor;
import fr.lianes.repertoire.directory.BulkLoads;
import fr.lianes.repertoire.directory.BulkWriter;
import fr.lianes.repertoire.reference.CommuneLookup;
import fr.lianes.repertoire.reference.Networks;
import fr.lianes.repertoire.reference.ReferenceData;

import org.springframework.stereotype.Component;

/**
 * Generates a realistic demo directory at the scale of the real one (context/000: 1,951
 * actors, 551 of them census respondents with 1,939 projects in ~120 countries), or a
 * multiple of it for benchmarks. The same scale and seed always give the same rows. The
 * entries go in through the directory's {@link BulkLoads}, the demo census through the
 * census module's {@link Campaigns}.
 */
@Component
public class DemoDataGenerator {

	/** Actors, census respondents of the real directory: one unit of scale. */
	static final int ACTORS_PER_SCALE = 1951;

	static final int RESPONDENTS_PER_SCALE = 551;

	private final BulkLoads bulkLoads;

	private final Campaigns campaigns;

	private final CommuneLookup communes;

	private final ReferenceData lists;

	private final Networks networks;

	public DemoDataGenerator(BulkLoads bulkLoads, Campaigns campaigns, CommuneLookup communes, ReferenceData lists,
			Networks networks) {
		this.bulkLoads = bulkLoads;
		this.campaigns = campaigns;
		this.communes = communes;
		this.lists = lists;
		this.networks = networks;
	}

	/**
	 * Inserts the demo directory into a directory without actors, in one transaction (or
	 * in the caller's). Reference data must be loaded.
	 * @param scale how many times the real directory, at least 1
	 * @param seed seed of the random sequence
	 * @return what was inserted
	 * @throws IllegalStateException if the directory has actors
	 */
	public GenerationReport generate(int scale, long seed) {
		return intoEmptyDirectory(scale, seed).orElseThrow(() -> new IllegalStateException(
				"The demo directory is only generated into a directory without actors"));
	}

	/**
	 * Inserts the demo directory as {@link #generate} does if the directory has no actor
	 * (several instances starting together: the first one), else nothing.
	 * @return what was inserted, or nothing when the directory already had actors
	 */
	Optional<GenerationReport> intoEmptyDirectory(int scale, long seed) {
		if (scale < 1) {
			throw new IllegalArgumentException("The scale of the demo directory must be at least 1, not " + scale);
		}
		long started = System.nanoTime();
		return this.bulkLoads.intoEmptyDirectory((writer) -> insert(writer, scale, seed))
			.map((report) -> new GenerationReport(report.actors(), report.projects(), report.countries(),
					Duration.ofNanos(System.nanoTime() - started)));
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
			// it hands out the ids and slugs a load into an empty directory hands out
			populate(new DemoRun(new SplittableRandom(seed), catalog, export, 0), scale);
		}
		return List.of(actors, projects);
	}

	private void insert(BulkWriter writer, int scale, long seed) {
		GeneratorLists reference = GeneratorLists.load(this.communes, this.lists, this.networks);
		int campaignId = this.campaigns.openIfAbsent(DemoRun.CAMPAIGN_NAME, DemoRun.CAMPAIGN_OPENS,
				DemoRun.CAMPAIGN_CLOSES, DemoRun.CAMPAIGN_CLOSES);
		populate(new DemoRun(new SplittableRandom(seed), new Catalog(reference), writer, campaignId), scale);
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

}
