package fr.lianes.repertoire.search;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reindex runs as the database records them ({@code search_reindex_run}), seen by
 * every instance: what each run goes over, where it is, who runs it.
 */
@Component
class ReindexRecords {

	/** Between the reason's arguments: a character no name contains. */
	private static final String ARGUMENT_SEPARATOR = "\u001f";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final TransactionTemplate transactions;

	ReindexRecords(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/**
	 * What {@link #queueWholeUnlessUnderWay} found: a run it queued, or one under way.
	 */
	record Whole(ReindexRun run, boolean queued) {
	}

	/**
	 * Records a new run over the whole index, waiting, unless one is waiting or running
	 * already (on any instance): of two instances asking at once, one queues it and the
	 * other finds it. Both statements run in one transaction that first takes a
	 * transaction advisory lock in the reindex runs' lock space (key 0: run ids start at
	 * 1), so the second asker waits for the first one's commit and then sees its run.
	 */
	Whole queueWholeUnlessUnderWay(String reasonKey) {
		return this.transactions.execute((status) -> {
			this.jdbc.sql("select pg_advisory_xact_lock(:space, 0)")
				.param("space", ReindexClaims.LOCK_SPACE)
				.query((row, number) -> 1)
				.list();
			return this.jdbc.sql("""
					select * from search_reindex_run where scope = 'ALL' and state in ('QUEUED', 'RUNNING')
					order by id limit 1""")
				.query(this::run)
				.optional()
				.map((run) -> new Whole(run, false))
				.orElseGet(() -> new Whole(queue(ReindexRun.Scope.ALL, reasonKey, List.of(), Map.of()), true));
		});
	}

	/** The run as recorded now. */
	Optional<ReindexRun> recorded(long id) {
		return this.jdbc.sql("select * from search_reindex_run where id = :id")
			.param("id", id)
			.query(this::run)
			.optional();
	}

	/** Records a new run, waiting. */
	ReindexRun queue(ReindexRun.Scope scope, String reasonKey, List<String> reasonArgs, Map<String, Set<Long>> ids) {
		long id = this.jdbc.sql("""
				insert into search_reindex_run (scope, reason_key, reason_args, entity_ids, state, total, queued_at)
				values (:scope, :reason, :args, :ids, 'QUEUED', :total, :now)
				returning id""")
			.param("scope", scope.name())
			.param("reason", reasonKey)
			.param("args", String.join(ARGUMENT_SEPARATOR, reasonArgs))
			.param("ids", encode(ids))
			.param("total", ids.values().stream().mapToLong(Set::size).sum())
			.param("now", now())
			.query(Long.class)
			.single();
		return new ReindexRun(id, scope, reasonKey, reasonArgs, ids, this.clock);
	}

	/**
	 * The run begins here, unless it ended meanwhile (another instance took it up and
	 * finished it). A run that had begun elsewhere is counted as taken up.
	 * @return whether it is to be run
	 */
	boolean begin(long id, String instance) {
		return this.jdbc.sql("""
				update search_reindex_run
				set state = 'RUNNING', run_by = :instance, done = 0, started_at = :now, finished_at = null,
				    takeovers = takeovers + (case when state = 'RUNNING' then 1 else 0 end)
				where id = :id and state in ('QUEUED', 'RUNNING')""")
			.param("id", id)
			.param("instance", instance)
			.param("now", now())
			.update() == 1;
	}

	void progress(long id, long done, long total) {
		this.jdbc.sql("update search_reindex_run set done = :done, total = :total where id = :id")
			.param("id", id)
			.param("done", done)
			.param("total", total)
			.update();
	}

	void finish(long id, boolean succeeded, long done, long total) {
		this.jdbc.sql("""
				update search_reindex_run set state = :state, done = :done, total = :total, finished_at = :now
				where id = :id""")
			.param("id", id)
			.param("state", succeeded ? "DONE" : "FAILED")
			.param("done", done)
			.param("total", total)
			.param("now", now())
			.update();
	}

	/** The run waits again, for whichever instance takes it up. */
	void requeue(long id) {
		this.jdbc.sql("update search_reindex_run set state = 'QUEUED' where id = :id and state = 'RUNNING'")
			.param("id", id)
			.update();
	}

	/** The runs waiting or running, oldest first. */
	List<ReindexRun> unfinished() {
		return this.jdbc.sql("select * from search_reindex_run where state in ('QUEUED', 'RUNNING') order by id")
			.query(this::run)
			.list();
	}

	/**
	 * The runs waiting or running, and the latest finished ones, newest first.
	 */
	List<ReindexRun> latest(int finished) {
		return this.jdbc.sql("""
				(select * from search_reindex_run where state in ('QUEUED', 'RUNNING'))
				union all
				(select * from search_reindex_run where state in ('DONE', 'FAILED') order by id desc limit :finished)
				order by id desc""").param("finished", finished).query(this::run).list();
	}

	private ReindexRun run(ResultSet row, int number) throws SQLException {
		String args = row.getString("reason_args");
		return ReindexRun.recorded(row.getLong("id"), ReindexRun.Scope.valueOf(row.getString("scope")),
				row.getString("reason_key"), args.isEmpty() ? List.of() : List.of(args.split(ARGUMENT_SEPARATOR, -1)),
				decode(row.getString("entity_ids")), ReindexRun.State.valueOf(row.getString("state")),
				row.getLong("total"), row.getLong("done"), instant(row, "queued_at"), instant(row, "started_at"),
				instant(row, "finished_at"), this.clock);
	}

	private static Instant instant(ResultSet row, String column) throws SQLException {
		Timestamp timestamp = row.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

	/** {@code Actor:1,2;Project:7}, in entity name and id order. */
	static String encode(Map<String, Set<Long>> ids) {
		return ids.entrySet()
			.stream()
			.filter((entry) -> !entry.getValue().isEmpty())
			.sorted(Map.Entry.comparingByKey())
			.map((entry) -> entry.getKey() + ":"
					+ new TreeSet<>(entry.getValue()).stream().map(String::valueOf).collect(Collectors.joining(",")))
			.collect(Collectors.joining(";"));
	}

	static Map<String, Set<Long>> decode(String ids) {
		Map<String, Set<Long>> decoded = new LinkedHashMap<>();
		if (ids == null || ids.isEmpty()) {
			return decoded;
		}
		for (String entity : ids.split(";")) {
			int colon = entity.indexOf(':');
			decoded.put(entity.substring(0, colon),
					Arrays.stream(entity.substring(colon + 1).split(","))
						.map(Long::valueOf)
						.collect(Collectors.toCollection(TreeSet::new)));
		}
		return decoded;
	}

}
