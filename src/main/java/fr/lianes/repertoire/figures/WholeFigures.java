package fr.lianes.repertoire.figures;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.lianes.repertoire.census.Campaigns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The figures of the whole directory (no filter), kept as the parts each actor and
 * project adds ({@link FigureParts}) and updated, after a change, for the actors and
 * projects the change touched (recorded by the triggers of
 * {@code V23__figures_changes.sql}): a few statements by primary key instead of every
 * row. Called by {@link FiguresCache} in its repeatable-read transaction: the version,
 * the changes read and the parts recomputed are of the same snapshot, so the figures
 * never lag behind the version they carry.
 */
@Repository
class WholeFigures {

	private static final Logger logger = LoggerFactory.getLogger(WholeFigures.class);

	/** Touched actors and projects past which every part is computed again. */
	static final int MAX_CHANGES = 20_000;

	private final JdbcClient jdbc;

	private final FiguresQueries queries;

	private final Campaigns campaigns;

	/**
	 * The parts, the snapshot they reflect; null until first asked, or after a failure.
	 */
	private FigureParts parts;

	private String snapshot;

	/** Times the parts were computed from every row, for tests. */
	private int rebuilds;

	WholeFigures(JdbcClient jdbc, FiguresQueries queries, Campaigns campaigns) {
		this.jdbc = jdbc;
		this.queries = queries;
		this.campaigns = campaigns;
	}

	/**
	 * The figures of the whole directory in the caller's repeatable-read snapshot, as of
	 * {@code today} (campaigns open on a date).
	 */
	synchronized FigureSet compute(long version, LocalDate today) {
		long started = System.nanoTime();
		try {
			String current = this.jdbc.sql("select pg_current_snapshot()::text").query(String.class).single();
			String how = update(current);
			this.snapshot = current;
			List<FigureSet.CampaignCount> opened = this.queries.campaignsOpened(today);
			FigureSet figures = this.parts.figures(version, opened, this.campaigns.current(today).orElse(null));
			logger.info("Figures of the whole directory {} in {} ms", how, (System.nanoTime() - started) / 1_000_000);
			return figures;
		}
		catch (RuntimeException | Error ex) {
			// parts half updated: computed again from every row next time
			this.parts = null;
			this.snapshot = null;
			throw ex;
		}
	}

	/** Brings the parts to the snapshot {@code current}; says how. */
	private String update(String current) {
		if (this.parts == null || this.snapshot == null || purgedSince(this.snapshot)) {
			rebuild();
			return "computed from every row";
		}
		Set<Long> actors = new LinkedHashSet<>();
		Set<Long> projects = new LinkedHashSet<>();
		boolean[] everything = new boolean[1];
		this.jdbc.sql("""
				select actor_id, project_id, everything from figures_change
				where tx >= pg_snapshot_xmin(cast(:seen as pg_snapshot))
				    and not pg_visible_in_snapshot(tx, cast(:seen as pg_snapshot))
				limit :limit""").param("seen", this.snapshot).param("limit", MAX_CHANGES + 1).query((rs) -> {
			everything[0] |= rs.getBoolean(3);
			if (rs.getObject(1) != null) {
				actors.add(rs.getLong(1));
			}
			if (rs.getObject(2) != null) {
				projects.add(rs.getLong(2));
			}
		});
		if (everything[0] || actors.size() + projects.size() > MAX_CHANGES) {
			rebuild();
			return "computed from every row after a large change";
		}
		if (actors.isEmpty() && projects.isEmpty()) {
			return "unchanged";
		}
		// a project counts while its lead actor is published; an actor's countries are
		// those of its projects
		if (!actors.isEmpty()) {
			projects.addAll(this.queries.projectsLedBy(actors));
		}
		if (!projects.isEmpty()) {
			actors.addAll(this.queries.actorsOf(projects));
		}
		Map<Long, FigureParts.ActorPart> actorParts = actors.isEmpty() ? Map.of() : this.queries.actorParts(actors);
		Map<Long, FigureParts.ProjectPart> projectParts = projects.isEmpty() ? Map.of()
				: this.queries.projectParts(projects);
		for (Long id : actors) {
			this.parts.actor(id, actorParts.get(id));
		}
		for (Long id : projects) {
			this.parts.project(id, projectParts.get(id));
		}
		return "updated for " + actors.size() + " actors and " + projects.size() + " projects";
	}

	/** Whether changes seen after {@code seen} may have been deleted. */
	private boolean purgedSince(String seen) {
		return this.jdbc.sql("""
				select purged_below > pg_snapshot_xmin(cast(:seen as pg_snapshot)) from figures_change_horizon""")
			.param("seen", seen)
			.query(Boolean.class)
			.single();
	}

	private void rebuild() {
		Map<String, List<String>> areaOf = this.queries.areasOfCountries();
		FigureParts fresh = new FigureParts(areaOf);
		this.queries.actorParts(null).forEach(fresh::actor);
		this.queries.projectParts(null).forEach(fresh::project);
		this.parts = fresh;
		this.rebuilds++;
	}

	synchronized int rebuilds() {
		return this.rebuilds;
	}

}
