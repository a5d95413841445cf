package fr.lianes.repertoire.imports;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;

import fr.lianes.repertoire.directory.DuplicateActors;
import fr.lianes.repertoire.directory.EntryCommands.ActorFields;
import fr.lianes.repertoire.directory.EntryCommands.ImportActor;
import fr.lianes.repertoire.directory.EntryCommands.ImportProject;
import fr.lianes.repertoire.directory.EntryCommands.ImportSource;
import fr.lianes.repertoire.directory.EntryCommands.Imported;
import fr.lianes.repertoire.imports.ImportKeys.Key;
import fr.lianes.repertoire.imports.ImportReport.Entry;
import fr.lianes.repertoire.imports.ImportReport.Outcome;
import fr.lianes.repertoire.imports.ImportReport.Problem;
import fr.lianes.repertoire.imports.ImportReport.Severity;
import fr.lianes.repertoire.imports.ImportRequest.ImportFile;
import fr.lianes.repertoire.imports.RowChecks.Checked;

/**
 * One import, or its dry run: the files' actors first, then their projects, each row
 * checked ({@link RowChecks}), set aside when it seems to duplicate an actor (the same
 * SIREN, the same RNA number, or the same name in the same commune earlier in the files,
 * or moderation's suspects among the actors already there), then written in batches, each
 * in one transaction (a batch that fails is written again row by row, so that only the
 * failing row is refused). A dry run writes nothing to the directory.
 * <p>
 * What the checks within the files remember of the rows read (where each old identifier,
 * SIREN, RNA number, name in a commune and project identifier was first met; the id each
 * actor was written under, or why it was left out, for its projects; the actors the run
 * created) is kept in the run's {@link ImportKeys}, not in memory: a batch asks for what
 * its rows need at once, then its rows are checked in their order, each seeing the rows
 * before it, and its new keys are saved at once.
 */
final class ImportRun {

	/**
	 * Where a background run keeps its place (see {@link ImportJobs}): what an earlier
	 * attempt of the same job wrote, and each batch as it is committed.
	 */
	interface Journal {

		/** Nothing kept: a dry run, or an import run in one go (the command line). */
		Journal NONE = new Journal() {
		};

		/** How many rows to write an earlier attempt of this job committed. */
		default long alreadyWritten() {
			return 0;
		}

		/**
		 * The job this run is an attempt of: the actors its earlier attempts created are
		 * checked as they were then (empty: none).
		 */
		default OptionalLong job() {
			return OptionalLong.empty();
		}

		/**
		 * Called in the batch's transaction, after its rows are written: they are kept if
		 * and only if the journal's record is.
		 * @param position how many rows to write are done, this batch included
		 * @param counts the outcomes of the writes so far, by entry then outcome
		 */
		default void batchWritten(long position, Entry entry, List<Imported> results, long[] counts, long rowsRead) {
		}

		/** A row whose write failed (its transaction rolled back). */
		default void writeFailed(long position, Problem problem, long[] counts) {
		}

		/** A row was read; may stop the run by throwing. */
		default void rowRead(long rowsRead) {
		}

	}

	private final Imports.Services services;

	private final Journal journal;

	private final int batchSize;

	/** How many rows to write went to {@link #write} (written, failed or skipped). */
	private long position;

	/** The outcomes of the writes (not of the checks), by entry then outcome. */
	private final long[] writeCounts;

	private final ImportRequest request;

	private final ImportReport report;

	private final RowChecks checks;

	/**
	 * What the run remembers of the rows read, under these kinds of key: {@code id:} an
	 * actor's old identifier (its first line; the id it was written under, -1 in a dry
	 * run; or why it was left out, for its projects), {@code siren:}, {@code rna:},
	 * {@code name:} (a name in a commune, with the actor's SIREN, RNA and address),
	 * {@code project:} a project's old identifier, {@code created:} an actor this run (or
	 * an earlier attempt of its job) created, which is not a suspect of the rows after
	 * it.
	 */
	private ImportKeys.Run keys;

	/** Why an actor was left out: refused, or a duplicate (then its file's name). */
	private static final String REFUSED = "R", DUPLICATE = "D";

	private final List<Pending<ImportActor>> pendingActors = new ArrayList<>();

	private final List<Pending<ImportProject>> pendingProjects = new ArrayList<>();

	private record Pending<C>(String file, int line, C command) {
	}

	ImportRun(Imports.Services services, ImportRequest request, ImportReport report) {
		this(services, request, report, Journal.NONE, null);
	}

	/**
	 * A run that continues an earlier attempt of the same job: the rows to write it
	 * committed are read and checked again, not written again.
	 * @param writeCounts the earlier attempt's write outcomes (null for none)
	 */
	ImportRun(Imports.Services services, ImportRequest request, ImportReport report, Journal journal,
			long[] writeCounts) {
		this.services = services;
		this.journal = journal;
		this.batchSize = services.batchSize();
		this.writeCounts = new long[Entry.values().length * Outcome.values().length];
		if (writeCounts != null) {
			System.arraycopy(writeCounts, 0, this.writeCounts, 0, this.writeCounts.length);
			for (Entry entry : Entry.values()) {
				for (Outcome outcome : Outcome.values()) {
					for (long n = this.writeCounts[index(entry, outcome)]; n > 0; n--) {
						report.add(entry, outcome);
					}
				}
			}
		}
		this.request = request;
		this.report = report;
		this.checks = new RowChecks(services, request, report);
	}

	ImportReport execute() throws IOException {
		try (ImportKeys.Run run = this.services.keys().open(this.journal.job())) {
			this.keys = run;
			return checkAndWrite();
		}
		finally {
			this.keys = null;
		}
	}

	private ImportReport checkAndWrite() throws IOException {
		for (ImportFile file : this.request.files()) {
			if (file.mapping().headers().isEmpty()) {
				this.report.problem(new Problem(file.name(), 0, Entry.ACTOR, Severity.REFUSED,
						message("import.problem.unreadable")));
			}
			if (file.mapping().hasActors()) {
				TableReader.read(file.path(), file.format(), handler((line, cells) -> actorRow(file, line, cells)));
			}
		}
		actorRows();
		flushActors();
		for (ImportFile file : this.request.files()) {
			if (file.mapping().hasProjects()) {
				TableReader.read(file.path(), file.format(), handler((line, cells) -> projectRow(file, line, cells)));
			}
		}
		projectRows();
		flushProjects();
		return this.report;
	}

	private interface RowAction {

		void row(int line, List<String> cells);

	}

	private TableReader.RowHandler handler(RowAction action) {
		return new TableReader.RowHandler() {
			@Override
			public void header(List<String> cells) {
			}

			@Override
			public void row(int line, List<String> cells) {
				ImportRun.this.report.read();
				ImportRun.this.journal.rowRead(ImportRun.this.report.rowsRead());
				action.row(line, cells);
			}
		};
	}

	/** A row read, to be checked with the others of its batch. */
	private record Row(ImportFile file, int line, List<String> cells) {
	}

	private final List<Row> actorRows = new ArrayList<>();

	private final List<Row> projectRows = new ArrayList<>();

	private void actorRow(ImportFile file, int line, List<String> cells) {
		this.actorRows.add(new Row(file, line, new ArrayList<>(cells)));
		if (this.actorRows.size() >= this.batchSize) {
			actorRows();
		}
	}

	/**
	 * Checks the actor rows read, in their order, with what the directory knows of them
	 * (their old identifiers, the actors they may duplicate) asked once for the batch.
	 */
	private void actorRows() {
		if (this.actorRows.isEmpty()) {
			return;
		}
		List<Checked<ImportActor>> checked = new ArrayList<>();
		List<String> legacyIds = new ArrayList<>();
		for (Row row : this.actorRows) {
			Checked<ImportActor> one = this.checks.actor(row.file(), row.line(), row.cells());
			checked.add(one);
			if (one.command() != null) {
				legacyIds.add(one.legacyId());
			}
		}
		Map<String, Long> known = this.services.entries().importedActors(legacyIds);
		// what the rows before this batch left, asked at once
		List<String> wanted = new ArrayList<>();
		for (Checked<ImportActor> one : checked) {
			if (one.legacyId() != null) {
				wanted.add(idKey(one.legacyId()));
			}
			if (one.command() != null) {
				wanted.addAll(duplicateKeys(one.command()));
			}
		}
		known.values().stream().filter(Objects::nonNull).forEach((id) -> wanted.add(createdKey(id)));
		this.keys.load(wanted);
		// the directory's suspects are asked only for the rows whose duplicates are
		// looked for: new actors, each once (not one the directory knows by its old
		// identifier, nor the repetition of an actor read before)
		List<DuplicateActors.Probe> probes = new ArrayList<>();
		boolean[] probed = new boolean[checked.size()];
		Set<String> read = new HashSet<>();
		for (int i = 0; i < checked.size(); i++) {
			Checked<ImportActor> one = checked.get(i);
			String legacyId = one.legacyId();
			boolean repeated = legacyId != null && (this.keys.has(idKey(legacyId)) || !read.add(legacyId));
			if (one.command() != null && !repeated && !known(known, legacyId)) {
				var fields = one.command().actor();
				probes.add(new DuplicateActors.Probe(fields.sirenSiret(), fields.rna(), fields.name(),
						fields.communeInsee()));
				probed[i] = true;
			}
		}
		List<List<DuplicateActors.Suspect>> suspects = probes.isEmpty() ? List.of()
				: this.services.duplicates().suspects(probes, Imports.NAME_SIMILARITY, 20);
		this.keys.loadMore(suspects.stream()
			.flatMap(List::stream)
			.map((suspect) -> createdKey(suspect.actorId()))
			.distinct()
			.toList());
		int probe = 0;
		for (int i = 0; i < checked.size(); i++) {
			Row row = this.actorRows.get(i);
			actorRow(row.file(), row.line(), checked.get(i), known, probed[i] ? suspects.get(probe++) : List.of());
		}
		this.actorRows.clear();
		flushActors();
		this.keys.save();
	}

	private void actorRow(ImportFile file, int line, Checked<ImportActor> checked, Map<String, Long> knownIds,
			List<DuplicateActors.Suspect> suspects) {
		String legacyId = checked.legacyId();
		Key first = (legacyId != null) ? this.keys.get(idKey(legacyId)) : null;
		if (first != null) {
			// one row per project repeating its actor: the actor was read on its first
			// row
			if (!file.mapping().hasProjects()) {
				refuse(file, line, Entry.ACTOR, "import.problem.actor-repeated", legacyId, first.line());
			}
			return;
		}
		report(checked.problems());
		if (checked.command() == null) {
			this.report.add(Entry.ACTOR, Outcome.REFUSED);
			seen(legacyId, line, REFUSED + file.name());
			return;
		}
		ImportActor command = checked.command();
		String duplicate = known(knownIds, legacyId) ? null : duplicate(command, line, suspects);
		if (duplicate != null) {
			this.report.problem(new Problem(file.name(), line, Entry.ACTOR, Severity.DUPLICATE, duplicate));
			this.report.add(Entry.ACTOR, Outcome.DUPLICATE);
			seen(legacyId, line, DUPLICATE + file.name());
			return;
		}
		seen(legacyId, line, null);
		this.pendingActors.add(new Pending<>(file.name(), line, command));
	}

	/**
	 * Remembers where an actor's old identifier was first met, and why the actor was left
	 * out (null: it is written).
	 */
	private void seen(String legacyId, int line, String leftOut) {
		if (legacyId != null) {
			this.keys.add(new Key(idKey(legacyId), line, null, leftOut));
		}
	}

	private static String idKey(String legacyId) {
		return ImportKeys.key("id", legacyId);
	}

	private static String createdKey(long actorId) {
		return ImportKeys.key("created", Long.toString(actorId));
	}

	private static String sirenKey(String siren) {
		return ImportKeys.key("siren", siren);
	}

	private static String rnaKey(String rna) {
		return ImportKeys.key("rna", rna);
	}

	private static String nameKey(ActorFields fields) {
		return ImportKeys.key("name", Vocabulary.key(fields.name()) + "@" + fields.communeInsee());
	}

	private static String projectKey(String legacyId) {
		return ImportKeys.key("project", legacyId);
	}

	private static String siren(ActorFields fields) {
		return (fields.sirenSiret() != null) ? fields.sirenSiret().substring(0, 9) : null;
	}

	/** The keys an actor's checks for duplicates within the files look at. */
	private static List<String> duplicateKeys(ImportActor command) {
		ActorFields fields = command.actor();
		List<String> keys = new ArrayList<>(3);
		if (fields.sirenSiret() != null) {
			keys.add(sirenKey(siren(fields)));
		}
		if (fields.rna() != null) {
			keys.add(rnaKey(fields.rna()));
		}
		keys.add(nameKey(fields));
		return keys;
	}

	/**
	 * Whether the directory knows the actor by its old identifier: it is then updated or
	 * left unchanged, not looked for among duplicates. An actor an earlier attempt of
	 * this job created is checked as it was then.
	 */
	private boolean known(Map<String, Long> knownIds, String legacyId) {
		Long knownId = (legacyId != null) ? knownIds.get(legacyId) : null;
		return knownId != null && !this.keys.has(createdKey(knownId));
	}

	/**
	 * Why the actor seems to be one already read or already in the directory, or null.
	 * Within the files: the same SIREN, the same RNA number, or the same name in the same
	 * commune unless a SIREN, an RNA number or the address tells them apart. In the
	 * directory: moderation's suspects, but the actors this run created.
	 */
	private String duplicate(ImportActor command, int line, List<DuplicateActors.Suspect> suspects) {
		ActorFields fields = command.actor();
		String siren = siren(fields);
		Key first = (siren != null) ? this.keys.get(sirenKey(siren)) : null;
		if (first != null) {
			return message("import.problem.duplicate-in-file.siren", first.line());
		}
		first = (fields.rna() != null) ? this.keys.get(rnaKey(fields.rna())) : null;
		if (first != null) {
			return message("import.problem.duplicate-in-file.rna", first.line());
		}
		String nameKey = nameKey(fields);
		NamedActor named = NamedActor.of(line, siren, fields.rna(), fields.addressLine());
		Key earlierKey = this.keys.get(nameKey);
		NamedActor earlier = (earlierKey != null) ? NamedActor.of(earlierKey) : null;
		if (earlier != null && !earlier.differsFrom(named)) {
			return message("import.problem.duplicate-in-file.name", earlier.line());
		}
		if (siren != null) {
			this.keys.add(new Key(sirenKey(siren), line, null, null));
		}
		if (fields.rna() != null) {
			this.keys.add(new Key(rnaKey(fields.rna()), line, null, null));
		}
		this.keys.add(new Key(nameKey, line, null, named.detail()));
		for (var suspect : suspects) {
			if (!this.keys.has(createdKey(suspect.actorId()))) {
				String reasons = String.join(", ",
						suspect.reasons()
							.stream()
							.map((reason) -> message("import.duplicate-reason." + reason))
							.toList());
				return message("import.problem.duplicate", suspect.name(), suspect.communeName(), reasons);
			}
		}
		return null;
	}

	private void projectRow(ImportFile file, int line, List<String> cells) {
		this.projectRows.add(new Row(file, line, new ArrayList<>(cells)));
		if (this.projectRows.size() >= this.batchSize) {
			projectRows();
		}
	}

	/**
	 * Checks the project rows read, in their order: what the rows before this batch left
	 * (their projects' and lead actors' old identifiers) asked at once, then the lead
	 * actors imported before this run not among them.
	 */
	private void projectRows() {
		if (this.projectRows.isEmpty()) {
			return;
		}
		List<String> leads = new ArrayList<>();
		List<String> wanted = new ArrayList<>();
		for (Row row : this.projectRows) {
			String lead = this.checks.leadOf(row.file(), row.line(), row.cells());
			String project = this.checks.projectIdOf(row.file(), row.cells(), lead);
			if (lead != null) {
				leads.add(lead);
				wanted.add(idKey(lead));
			}
			if (project != null) {
				wanted.add(projectKey(project));
			}
		}
		this.keys.load(wanted);
		List<String> asked = leads.stream().distinct().filter((lead) -> {
			Key key = this.keys.get(idKey(lead));
			return key == null || (key.value() == null && key.detail() == null);
		}).toList();
		this.knownLeads.clear();
		if (!asked.isEmpty()) {
			Map<String, Long> found = this.services.entries().importedActors(asked);
			for (String lead : asked) {
				this.knownLeads.put(lead, found.get(lead));
			}
		}
		for (Row row : this.projectRows) {
			projectRow(row.file(), row.line(),
					this.checks.project(row.file(), row.line(), row.cells(), this::leadActor));
		}
		this.projectRows.clear();
		this.knownLeads.clear();
		flushProjects();
		this.keys.save();
	}

	/** The batch's lead actors imported before this run (null: none). */
	private final Map<String, Long> knownLeads = new HashMap<>();

	private void projectRow(ImportFile file, int line, Checked<ImportProject> checked) {
		String legacyId = checked.legacyId();
		Key first = (legacyId != null) ? this.keys.get(projectKey(legacyId)) : null;
		if (first != null) {
			refuse(file, line, Entry.PROJECT, "import.problem.project-repeated", legacyId, first.line());
			return;
		}
		if (legacyId != null) {
			this.keys.add(new Key(projectKey(legacyId), line, null, null));
		}
		report(checked.problems());
		if (checked.command() == null) {
			this.report.add(Entry.PROJECT, Outcome.REFUSED);
			return;
		}
		this.pendingProjects.add(new Pending<>(file.name(), line, checked.command()));
	}

	/** The lead actor's id (-1 when it is still to be created), or why there is none. */
	private RowChecks.Lead leadActor(String legacyId) {
		Key key = this.keys.get(idKey(legacyId));
		if (key != null && key.value() != null) {
			return new RowChecks.Lead(key.value(), null);
		}
		if (key != null && key.detail() != null) {
			String reason = key.detail().startsWith(REFUSED) ? "import.problem.lead-refused"
					: "import.problem.lead-duplicate";
			return new RowChecks.Lead(null, message(reason, legacyId, key.detail().substring(1), key.line()));
		}
		Long known = this.knownLeads.containsKey(legacyId) ? this.knownLeads.get(legacyId)
				: this.services.entries().importedActors(List.of(legacyId)).get(legacyId);
		return new RowChecks.Lead(known, (known != null) ? null : message("import.problem.lead-unknown", legacyId));
	}

	private void flushActors() {
		write(this.pendingActors, Entry.ACTOR,
				(commands) -> this.report.dryRun() ? this.services.entries().previewActorImports(commands)
						: this.services.entries().importActors(commands),
				(pending, imported) -> {
					this.keys.value(idKey(pending.command().legacyId()), (imported.id() != null) ? imported.id() : -1L);
					if (imported.outcome() == fr.lianes.repertoire.directory.EntryCommands.ImportOutcome.CREATED
							&& imported.id() != null) {
						this.keys.add(new Key(createdKey(imported.id()), 0, null, null));
					}
				});
	}

	private void flushProjects() {
		write(this.pendingProjects, Entry.PROJECT,
				(commands) -> this.report.dryRun() ? this.services.entries().previewProjectImports(commands)
						: this.services.entries().importProjects(commands),
				(pending, imported) -> {
				});
	}

	private interface Written<C> {

		void accept(Pending<C> pending, Imported imported);

	}

	/**
	 * Writes a batch in one transaction; when it fails, each row again in its own, so
	 * that only a failing row is refused and nothing of it is left half-written.
	 */
	private <C> void write(List<Pending<C>> pending, Entry entry, Function<List<C>, List<Imported>> writer,
			Written<C> written) {
		if (pending.isEmpty()) {
			return;
		}
		long skip = Math.min(pending.size(), Math.max(0, this.journal.alreadyWritten() - this.position));
		this.position += skip;
		List<Pending<C>> batch = pending.subList((int) skip, pending.size());
		if (batch.isEmpty()) {
			pending.clear();
			return;
		}
		long end = this.position + batch.size();
		List<Imported> results;
		try {
			results = this.services.transactions().execute((status) -> {
				List<Imported> done = writer.apply(batch.stream().map(Pending::command).toList());
				if (!this.report.dryRun()) {
					this.journal.batchWritten(end, entry, done, counted(entry, done), this.report.rowsRead());
				}
				return done;
			});
		}
		catch (RuntimeException ex) {
			if (ex instanceof Stop) {
				throw ex;
			}
			results = null;
		}
		if (results != null) {
			for (int i = 0; i < batch.size(); i++) {
				done(batch.get(i), entry, results.get(i), written);
			}
			countWrites(entry, results);
			this.position = end;
		}
		else {
			for (Pending<C> one : batch) {
				long at = this.position + 1;
				try {
					Imported imported = this.services.transactions().execute((status) -> {
						Imported done = writer.apply(List.of(one.command())).get(0);
						if (!this.report.dryRun()) {
							this.journal.batchWritten(at, entry, List.of(done), counted(entry, List.of(done)),
									this.report.rowsRead());
						}
						return done;
					});
					done(one, entry, imported, written);
					countWrites(entry, List.of(imported));
				}
				catch (RuntimeException ex) {
					if (ex instanceof Stop) {
						throw ex;
					}
					Problem problem = new Problem(one.file(), one.line(), entry, Severity.REFUSED,
							message("import.problem.write-failed", rootMessage(ex)));
					this.report.problem(problem);
					this.report.add(entry, Outcome.REFUSED);
					this.writeCounts[index(entry, Outcome.REFUSED)]++;
					if (!this.report.dryRun()) {
						this.journal.writeFailed(at, problem, this.writeCounts.clone());
					}
				}
				this.position = at;
			}
		}
		pending.clear();
	}

	/** Thrown by a {@link Journal} to stop the run where it is (a shutdown). */
	static final class Stop extends RuntimeException {

		Stop() {
			super(null, null, false, false);
		}

	}

	static int index(Entry entry, Outcome outcome) {
		return entry.ordinal() * Outcome.values().length + outcome.ordinal();
	}

	/** The write counts with these results added, not kept. */
	private long[] counted(Entry entry, List<Imported> results) {
		long[] counts = this.writeCounts.clone();
		for (Imported imported : results) {
			counts[index(entry, Outcome.valueOf(imported.outcome().name()))]++;
		}
		return counts;
	}

	private void countWrites(Entry entry, List<Imported> results) {
		for (Imported imported : results) {
			this.writeCounts[index(entry, Outcome.valueOf(imported.outcome().name()))]++;
		}
	}

	private <C> void done(Pending<C> pending, Entry entry, Imported imported, Written<C> written) {
		this.report.add(entry, Outcome.valueOf(imported.outcome().name()));
		written.accept(pending, imported);
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		String message = String.valueOf(root.getMessage());
		return (message.length() > 200) ? message.substring(0, 200) : message;
	}

	private void report(List<Problem> problems) {
		problems.forEach(this.report::problem);
	}

	private void refuse(ImportFile file, int line, Entry entry, String key, Object... args) {
		this.report.problem(new Problem(file.name(), line, entry, Severity.REFUSED, message(key, args)));
		this.report.add(entry, Outcome.REFUSED);
	}

	private String message(String key, Object... args) {
		return this.services.message(key, args);
	}

	static ImportSource source(ImportFile file, String by) {
		return new ImportSource(file.name(), by);
	}

}
