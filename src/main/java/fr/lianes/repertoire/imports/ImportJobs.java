package fr.lianes.repertoire.imports;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import fr.lianes.repertoire.directory.Entries;
import fr.lianes.repertoire.directory.EntryCommands.ImportOutcome;
import fr.lianes.repertoire.directory.EntryCommands.Imported;
import fr.lianes.repertoire.directory.EntryCommands.KeptEntry;
import fr.lianes.repertoire.directory.EntryCommands.UndoneImport;
import fr.lianes.repertoire.directory.EntryCommands.UpdatedEntry;
import fr.lianes.repertoire.imports.ImportReport.Entry;
import fr.lianes.repertoire.imports.ImportReport.Outcome;
import fr.lianes.repertoire.imports.ImportReport.Problem;
import fr.lianes.repertoire.imports.ImportReport.Severity;
import fr.lianes.repertoire.imports.ImportRequest.ImportFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The back office's imports, run in the background one at a time
 * ({@code importExecutor}), in batches: each job is kept in {@code import_job} with its
 * files' mapping, the rows read and the rows written in committed batches, recorded in
 * each batch's own transaction. A job a restart interrupted continues at the next start
 * from its last committed batch: its files are read and checked again, the rows already
 * written are not written again (and importing them again would change nothing anyway:
 * the entries keep their old identifier). At its end the job keeps its counts and its
 * refused and doubtful rows; the entries it created are kept for its undo.
 * <p>
 * With several instances on one database, a job is run by one instance at a time: the one
 * holding its claim ({@link ImportClaims}), taken before its state is read and let go
 * when the run ends or pauses.
 */
@Service
class ImportJobs {

	private static final Logger logger = LoggerFactory.getLogger(ImportJobs.class);

	enum State {

		RUNNING, DONE, FAILED, UNDONE

	}

	/** A job as the pages show it. */
	record Job(long id, String token, String fileNames, String by, State state, long rowsTotal, long rowsRead,
			OffsetDateTime startedAt, OffsetDateTime finishedAt, OffsetDateTime undoneAt) {

		public boolean running() {
			return this.state == State.RUNNING;
		}

		public int percent() {
			return (this.rowsTotal > 0) ? (int) Math.min(100, this.rowsRead * 100 / this.rowsTotal) : 0;
		}

	}

	/** The request as kept with the job: each file's place, name, format and columns. */
	record StoredRequest(List<StoredFile> files, Map<String, String> values, boolean publish, String by) {
	}

	record StoredFile(String path, String name, String charset, String separator, List<String> columns) {
	}

	private final Imports imports;

	private final Entries entries;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final TaskExecutor executor;

	private final TransactionTemplate transactions;

	private final java.time.Clock clock;

	private final ImportClaims claims;

	/** The reports of the jobs running here, for their progress. */
	private final Map<Long, ImportReport> live = new ConcurrentHashMap<>();

	/** The claims of the jobs waiting in this instance's line or running here. */
	private final Map<Long, Lease> held = new ConcurrentHashMap<>();

	private volatile boolean stopping;

	/** Whether the periodic check takes up jobs: a web application once started. */
	private volatile boolean takingUp;

	/**
	 * For tests: the number of batches after which runs stop as a shutdown stops them.
	 */
	private volatile int stopAfterBatches;

	ImportJobs(Imports imports, Entries entries, JdbcClient jdbc, JsonMapper json,
			@Qualifier("importExecutor") TaskExecutor executor, PlatformTransactionManager transactionManager,
			java.time.Clock clock, ImportClaims claims) {
		this.claims = claims;
		this.imports = imports;
		this.entries = entries;
		this.jdbc = jdbc;
		this.json = json;
		this.executor = executor;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	/** Starts importing in the background; the job's id. */
	long start(String token, ImportRequest request) {
		List<StoredFile> files = request.files()
			.stream()
			.map((file) -> new StoredFile(file.path().toAbsolutePath().toString(), file.name(),
					file.format().charsetName(), file.format().separatorName(),
					file.mapping().fields().stream().map((f) -> (f != null) ? f.name() : "").toList()))
			.toList();
		String stored = this.json
			.writeValueAsString(new StoredRequest(files, request.valueMapping(), request.publish(), request.by()));
		long id = this.jdbc.sql("""
				insert into import_job (upload_token, file_names, request, started_by, state, started_at)
				values (:token, :names, :request, :by, 'RUNNING', :at) returning id""")
			.param("token", token)
			.param("names", request.files().stream().map(ImportFile::name).collect(Collectors.joining(", ")))
			.param("request", stored)
			.param("by", request.by())
			.param("at", java.sql.Timestamp.from(this.clock.instant()))
			.query(Long.class)
			.single();
		lineUp(id);
		return id;
	}

	/** The latest job made from an upload. */
	Optional<Job> latest(String token) {
		return this.jdbc.sql("select id from import_job where upload_token = :token order by id desc limit 1")
			.param("token", token)
			.query(Long.class)
			.optional()
			.flatMap(this::job);
	}

	Optional<Job> job(long id) {
		return this.jdbc.sql("""
				select id, upload_token, file_names, started_by, state, rows_total, rows_read, started_at,
				finished_at, undone_at from import_job where id = :id""")
			.param("id", id)
			.query((rs, i) -> new Job(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					State.valueOf(rs.getString(5)), rs.getLong(6), rs.getLong(7), rs.getObject(8, OffsetDateTime.class),
					rs.getObject(9, OffsetDateTime.class), rs.getObject(10, OffsetDateTime.class)))
			.optional()
			.map((job) -> {
				ImportReport report = this.live.get(job.id());
				return (report == null || !job.running()) ? job
						: new Job(job.id(), job.token(), job.fileNames(), job.by(), job.state(), job.rowsTotal(),
								Math.max(job.rowsRead(), report.rowsRead()), job.startedAt(), job.finishedAt(),
								job.undoneAt());
			});
	}

	/** The names of a job's files, as the history of the entries it wrote gives them. */
	List<String> fileNames(long id) {
		return this.jdbc.sql("select request from import_job where id = :id")
			.param("id", id)
			.query(String.class)
			.optional()
			.map((stored) -> this.json.readValue(stored, StoredRequest.class)
				.files()
				.stream()
				.map(StoredFile::name)
				.distinct()
				.toList())
			.orElse(List.of());
	}

	/** The report of a finished job: its counts and its refused and doubtful rows. */
	Optional<ImportReport> report(long id) {
		String counts = this.jdbc.sql("select counts from import_job where id = :id and counts is not null")
			.param("id", id)
			.query(String.class)
			.optional()
			.orElse(null);
		if (counts == null) {
			return Optional.empty();
		}
		ImportReport report = new ImportReport(false);
		report.restore(parse(counts));
		problems(id).forEach(report::problem);
		return Optional.of(report);
	}

	/** The entries an undo left alone: edited since the import created them. */
	List<KeptEntry> kept(long id) {
		return this.jdbc.sql("""
				select entry, line, reason from import_job_problem where job_id = :id and severity = 'KEPT'
				order by position""")
			.param("id", id)
			.query((rs, i) -> new KeptEntry("ACTOR".equals(rs.getString(1)), rs.getLong(2), rs.getString(3)))
			.list();
	}

	/**
	 * Undoes a finished job: removes the entries it created but those edited since, which
	 * are listed and left alone.
	 * @return what was done, or empty when the job cannot be undone (running, failed or
	 * undone already)
	 */
	Optional<UndoneImport> undo(long id, String by) {
		Job job = job(id).orElse(null);
		if (job == null || job.state() != State.DONE) {
			return Optional.empty();
		}
		return Optional.ofNullable(this.transactions.execute((status) -> {
			boolean mine = this.jdbc.sql("""
					update import_job set state = 'UNDONE', undone_at = :at where id = :id and state = 'DONE'""")
				.param("id", id)
				.param("at", java.sql.Timestamp.from(this.clock.instant()))
				.update() == 1;
			if (!mine) {
				return null;
			}
			UndoneImport undone = this.entries.undoImport(created(id, Entry.ACTOR), created(id, Entry.PROJECT),
					updated(id), by, this.imports.messages()
						.getMessage("import.undo.note", new Object[] { job.fileNames(), by }, java.util.Locale.FRENCH));
			int position = -1;
			for (KeptEntry kept : undone.kept()) {
				this.jdbc.sql("""
						insert into import_job_problem (job_id, position, file, line, entry, severity, reason)
						values (:job, :position, '', :entryId, :entry, 'KEPT', :name)""")
					.param("job", id)
					.param("position", position--)
					.param("entryId", kept.id())
					.param("entry", kept.actor() ? "ACTOR" : "PROJECT")
					.param("name", kept.name())
					.update();
			}
			return undone;
		}));
	}

	private List<Long> created(long id, Entry entry) {
		return this.jdbc
			.sql("select entry_id from import_job_entry where job_id = :id and entry = :entry and outcome = 'CREATED'")
			.param("id", id)
			.param("entry", entry.name())
			.query(Long.class)
			.list();
	}

	/** The entries the job updated, projects first, to restore. */
	private List<UpdatedEntry> updated(long id) {
		return this.jdbc.sql("""
				select entry, entry_id, previous from import_job_entry where job_id = :id and outcome = 'UPDATED'
				order by entry desc, entry_id""")
			.param("id", id)
			.query((rs, i) -> new UpdatedEntry("ACTOR".equals(rs.getString(1)), rs.getLong(2), rs.getString(3)))
			.list();
	}

	private List<Problem> problems(long id) {
		return this.jdbc.sql("""
				select file, line, entry, severity, reason from import_job_problem
				where job_id = :id and severity <> 'KEPT' order by position""")
			.param("id", id)
			.query((rs, i) -> new Problem(rs.getString(1), rs.getInt(2), Entry.valueOf(rs.getString(3)),
					Severity.valueOf(rs.getString(4)), rs.getString(5)))
			.list();
	}

	/** Takes up the jobs a stop interrupted, once the web application has started. */
	@EventListener(ApplicationReadyEvent.class)
	void resumeInterrupted(ApplicationReadyEvent event) {
		if (!(event.getApplicationContext() instanceof WebServerApplicationContext)) {
			return;
		}
		resumeInterrupted();
		this.takingUp = true;
	}

	/**
	 * Takes up the jobs left running that no instance holds: at a start, those the stop
	 * interrupted; with several instances, also those of an instance that stopped or
	 * died, which the periodic check ({@link #takeUpUnclaimed()}) finds.
	 */
	void resumeInterrupted() {
		this.stopping = false;
		takeUp();
	}

	private void takeUp() {
		for (long id : this.jdbc.sql("select id from import_job where state = 'RUNNING' order by id")
			.query(Long.class)
			.list()) {
			if (!this.stopping && !this.held.containsKey(id) && lineUp(id)) {
				logger.info("Taking up interrupted import #{}", id);
			}
		}
	}

	/**
	 * Every {@code repertoire.imports.takeover-interval} (30 s), once the web application
	 * has started: the jobs left running by an instance that stopped or died (its claim
	 * went with its connection) are claimed and taken up here from their last committed
	 * batch, without waiting for an instance to start. A job another instance holds,
	 * running or waiting in its line, is left alone.
	 */
	@Scheduled(fixedDelayString = "${repertoire.imports.takeover-interval:30s}",
			initialDelayString = "${repertoire.imports.takeover-interval:30s}")
	void takeUpUnclaimed() {
		if (this.takingUp && !this.stopping) {
			takeUp();
		}
	}

	/** No new batch once the application stops: the job goes on at the next start. */
	@EventListener(ContextClosedEvent.class)
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void stopping() {
		this.stopping = true;
		// the jobs waiting in line here will not run: let go of them now (the executor
		// drops them), not when the pool closes; the job under way keeps its claim until
		// its batch is done
		this.held.forEach(this::release);
	}

	/**
	 * For tests: stop the runs after this many batches, as a shutdown does (0: never).
	 */
	void stopAfterBatches(int batches) {
		this.stopAfterBatches = batches;
	}

	/**
	 * Claims a job and puts it in this instance's line: held from now on, so that no
	 * other instance takes it up while it waits here.
	 * @return whether it was claimed and lined up; false when another instance (or this
	 * one) holds it
	 */
	private boolean lineUp(long id) {
		ImportClaims.Claim claim;
		try {
			claim = this.claims.claim(id).orElse(null);
		}
		catch (RuntimeException ex) {
			logger.error("Import #" + id + " could not be claimed", ex);
			return false;
		}
		if (claim == null) {
			logger.debug("Import #{} is held by another instance", id);
			return false;
		}
		Lease lease = new Lease(claim);
		if (this.held.putIfAbsent(id, lease) != null) {
			claim.close();
			return false;
		}
		try {
			this.executor.execute(() -> runLeased(id, lease));
			return true;
		}
		catch (RuntimeException ex) {
			logger.warn("Import #{} could not be lined up; it goes on at the next start", id, ex);
			release(id, lease);
			return false;
		}
	}

	private void runLeased(long id, Lease lease) {
		if (!lease.taken.compareAndSet(false, true)) {
			return;
		}
		try {
			claimed(id);
		}
		finally {
			this.held.remove(id, lease);
			lease.claim.close();
		}
	}

	/** Lets go of a job waiting here that will not run: another instance may take it. */
	private void release(long id, Lease lease) {
		if (lease.taken.compareAndSet(false, true)) {
			this.held.remove(id, lease);
			lease.claim.close();
		}
	}

	/**
	 * Runs a job here, in the caller's thread, if no one else does: claimed by this
	 * instance for as long as it runs (see {@link ImportClaims}), its state read once
	 * claimed.
	 * @return whether this instance ran it (to its end, a pause or a failure); false when
	 * another instance or run holds it, or it is not running any more
	 */
	boolean runHere(long id) {
		try (ImportClaims.Claim claim = this.claims.claim(id).orElse(null)) {
			if (claim == null) {
				logger.info("Import #{} is run by another instance", id);
				return false;
			}
			return claimed(id);
		}
		catch (RuntimeException ex) {
			logger.error("Import #" + id + " could not be claimed", ex);
			return false;
		}
	}

	/** A claim held here for a job waiting in line or running; taken once. */
	private static final class Lease {

		private final ImportClaims.Claim claim;

		private final AtomicBoolean taken = new AtomicBoolean();

		Lease(ImportClaims.Claim claim) {
			this.claim = claim;
		}

	}

	private boolean claimed(long id) {
		long started = System.nanoTime();
		try {
			String stored = this.jdbc.sql("select request from import_job where id = :id and state = 'RUNNING'")
				.param("id", id)
				.query(String.class)
				.optional()
				.orElse(null);
			if (stored == null) {
				return false;
			}
			ImportRequest request = request(this.json.readValue(stored, StoredRequest.class));
			long total = 0;
			for (ImportFile file : request.files()) {
				long rows = TableReader.count(file.path(), file.format());
				total += (file.mapping().hasActors() ? rows : 0) + (file.mapping().hasProjects() ? rows : 0);
			}
			this.jdbc.sql("update import_job set rows_total = :total where id = :id")
				.param("total", total)
				.param("id", id)
				.update();
			JobJournal journal = new JobJournal(id);
			if (journal.alreadyWritten() > 0) {
				indexWrittenAgain(id);
			}
			String writeCounts = this.jdbc.sql("select write_counts from import_job where id = :id")
				.param("id", id)
				.query(String.class)
				.single();
			ImportReport report = new ImportReport(false);
			problems(id).forEach(report::problem);
			this.live.put(id, report);
			this.imports.run(request, report, journal, writeCounts.isEmpty() ? null : parse(writeCounts));
			finish(id, report);
			logger.info("Import #{} done in {} ms", id, (System.nanoTime() - started) / 1_000_000);
			return true;
		}
		catch (ImportRun.Stop ex) {
			logger.info("Import #{} paused: the application stops; it goes on at the next start", id);
			return true;
		}
		catch (IOException | RuntimeException ex) {
			if (this.stopping) {
				logger.warn("Import #{} stopped by the shutdown; it goes on at the next start", id);
			}
			else {
				logger.error("Import #" + id + " failed", ex);
				this.jdbc.sql("update import_job set state = 'FAILED', finished_at = :at where id = :id")
					.param("id", id)
					.param("at", java.sql.Timestamp.from(this.clock.instant()))
					.update();
			}
			return true;
		}
		finally {
			this.live.remove(id);
		}
	}

	/**
	 * A job taken up (after a stop, or from an instance that died): the index work of the
	 * run before may not all have reached the index (it is applied once, at a run's end:
	 * {@code BulkIndexing}). When the index is recorded incomplete, the entries the job
	 * wrote are indexed again before it goes on, rather than the whole index at the next
	 * start. Not done, the index stays recorded incomplete: the next start rebuilds it.
	 */
	private void indexWrittenAgain(long id) {
		try {
			if (this.entries.reindexImported(written(id, Entry.ACTOR), written(id, Entry.PROJECT))) {
				logger.info("Import #{}: the entries written before it was taken up are indexed again", id);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ImportRun.Stop();
		}
		catch (RuntimeException ex) {
			if (this.stopping) {
				throw new ImportRun.Stop();
			}
			logger.warn("Import #{}: the entries written before it was taken up could not be indexed again; "
					+ "the next start rebuilds the index", id, ex);
		}
	}

	/** The entries a job created or updated. */
	private List<Long> written(long id, Entry entry) {
		return this.jdbc.sql("select entry_id from import_job_entry where job_id = :id and entry = :entry")
			.param("id", id)
			.param("entry", entry.name())
			.query(Long.class)
			.list();
	}

	/** Keeps the job's counts and rows to report, and says it is done. */
	private void finish(long id, ImportReport report) {
		this.transactions.executeWithoutResult((status) -> {
			this.jdbc.sql("delete from import_job_problem where job_id = :id").param("id", id).update();
			int position = 0;
			for (Problem problem : report.problems()) {
				this.jdbc.sql("""
						insert into import_job_problem (job_id, position, file, line, entry, severity, reason)
						values (:job, :position, :file, :line, :entry, :severity, :reason)""")
					.param("job", id)
					.param("position", position++)
					.param("file", problem.file())
					.param("line", problem.line())
					.param("entry", problem.entry().name())
					.param("severity", problem.severity().name())
					.param("reason", problem.reason())
					.update();
			}
			this.jdbc.sql("""
					update import_job set state = 'DONE', counts = :counts, rows_read = :read, finished_at = :at
					where id = :id""")
				.param("counts", format(report.allCounts()))
				.param("read", report.rowsRead())
				.param("at", java.sql.Timestamp.from(this.clock.instant()))
				.param("id", id)
				.update();
		});
	}

	/** The request a job keeps, its files opened again as the person mapped them. */
	private ImportRequest request(StoredRequest stored) throws IOException {
		List<ImportFile> files = new ArrayList<>();
		for (StoredFile file : stored.files()) {
			ImportFile opened = this.imports.open(Path.of(file.path()), file.name());
			if (opened.format().kind() == TableFormat.Kind.CSV) {
				Charset charset = TableFormat.CHARSETS.stream()
					.filter((c) -> c.name().equals(file.charset()))
					.findFirst()
					.orElse(null);
				opened = this.imports.reopen(opened.path(), opened.name(),
						opened.format().with(charset, TableFormat.separatorOf(file.separator())));
			}
			files.add(new ImportFile(opened.path(), opened.name(), opened.format(),
					opened.mapping().with(file.columns())));
		}
		return new ImportRequest(files, stored.values(), stored.publish(), stored.by());
	}

	static String format(long[] counts) {
		return Arrays.stream(counts).mapToObj(Long::toString).collect(Collectors.joining(","));
	}

	static long[] parse(String counts) {
		return Arrays.stream(counts.split(",")).mapToLong(Long::parseLong).toArray();
	}

	/** Where a job is, recorded in each batch's transaction. */
	private final class JobJournal implements ImportRun.Journal {

		private final long id;

		private final long alreadyWritten;

		private int batches;

		JobJournal(long id) {
			this.id = id;
			this.alreadyWritten = ImportJobs.this.jdbc.sql("select written from import_job where id = :id")
				.param("id", id)
				.query(Long.class)
				.single();
		}

		@Override
		public long alreadyWritten() {
			return this.alreadyWritten;
		}

		@Override
		public OptionalLong job() {
			return OptionalLong.of(this.id);
		}

		@Override
		public void batchWritten(long position, Entry entry, List<Imported> results, long[] counts, long rowsRead) {
			Long[] created = results.stream()
				.filter((imported) -> imported.outcome() == ImportOutcome.CREATED && imported.id() != null)
				.map(Imported::id)
				.toArray(Long[]::new);
			if (created.length > 0) {
				ImportJobs.this.jdbc.sql("""
						insert into import_job_entry (job_id, entry, entry_id)
						select :job, :entry, e from unnest(cast(:ids as bigint[])) as e on conflict do nothing""")
					.param("job", this.id)
					.param("entry", entry.name())
					.param("ids", created)
					.update();
			}
			List<Imported> updated = results.stream()
				.filter((imported) -> imported.outcome() == ImportOutcome.UPDATED && imported.previous() != null)
				.toList();
			if (!updated.isEmpty()) {
				ImportJobs.this.jdbc.sql("""
						insert into import_job_entry (job_id, entry, entry_id, outcome, previous)
						select :job, :entry, u.id, 'UPDATED', u.previous
						from unnest(cast(:ids as bigint[]), cast(:previous as text[])) as u(id, previous)
						on conflict do nothing""")
					.param("job", this.id)
					.param("entry", entry.name())
					.param("ids", updated.stream().map(Imported::id).toArray(Long[]::new))
					.param("previous", updated.stream().map(Imported::previous).toArray(String[]::new))
					.update();
			}
			ImportJobs.this.jdbc.sql("""
					update import_job set written = :written, write_counts = :counts, rows_read = :read
					where id = :id""")
				.param("written", position)
				.param("counts", format(counts))
				.param("read", rowsRead)
				.param("id", this.id)
				.update();
			this.batches++;
		}

		@Override
		public void writeFailed(long position, Problem problem, long[] counts) {
			ImportJobs.this.transactions.executeWithoutResult((status) -> {
				ImportJobs.this.jdbc.sql("""
						insert into import_job_problem (job_id, position, file, line, entry, severity, reason)
						values (:job, :position, :file, :line, :entry, :severity, :reason)""")
					.param("job", this.id)
					.param("position", (int) position)
					.param("file", problem.file())
					.param("line", problem.line())
					.param("entry", problem.entry().name())
					.param("severity", problem.severity().name())
					.param("reason", problem.reason())
					.update();
				ImportJobs.this.jdbc
					.sql("update import_job set written = :written, write_counts = :counts where id = :id")
					.param("written", position)
					.param("counts", format(counts))
					.param("id", this.id)
					.update();
			});
		}

		@Override
		public void rowRead(long rowsRead) {
			int stopAfter = ImportJobs.this.stopAfterBatches;
			if (ImportJobs.this.stopping || (stopAfter > 0 && this.batches >= stopAfter)) {
				throw new ImportRun.Stop();
			}
		}

	}

	/** Whether a job is running here now. */
	boolean active(long id) {
		return this.live.containsKey(id);
	}

}
