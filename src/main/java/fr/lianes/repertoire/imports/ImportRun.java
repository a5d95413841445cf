package fr.lianes.repertoire.imports;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import fr.lianes.repertoire.directory.DuplicateActors;
import fr.lianes.repertoire.directory.EntryCommands.ImportActor;
import fr.lianes.repertoire.directory.EntryCommands.ImportProject;
import fr.lianes.repertoire.directory.EntryCommands.ImportSource;
import fr.lianes.repertoire.directory.EntryCommands.Imported;
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
 * failing row is refused). A dry run writes nothing.
 */
final class ImportRun {

	static final int BATCH = 100;

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

		/** The actors an earlier attempt of this job created. */
		default Set<Long> createdBefore() {
			return Set.of();
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
	 * The old identifiers of the actors written (or, in a dry run, to be) by this run.
	 */
	private final Map<String, Long> actors = new HashMap<>();

	/** The old identifiers of the actors not written, and why, for their projects. */
	private final Map<String, String> actorsLeftOut = new HashMap<>();

	/** The actors created by this run: they are not suspects of the rows after them. */
	private final Set<Long> created = new HashSet<>();

	/** Where each identifier, SIREN, RNA and name-in-commune was first seen. */
	private final Map<String, Integer> seen = new HashMap<>();

	/** The actors read, by name in their commune. */
	private final Map<String, NamedActor> names = new HashMap<>();

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
		this.created.addAll(journal.createdBefore());
		this.request = request;
		this.report = report;
		this.checks = new RowChecks(services, request, report);
	}

	ImportReport execute() throws IOException {
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
		// the directory's suspects are asked only for the rows whose duplicates are
		// looked for: new actors, each once (not one the directory knows by its old
		// identifier, nor the repetition of an actor read before)
		List<DuplicateActors.Probe> probes = new ArrayList<>();
		boolean[] probed = new boolean[checked.size()];
		Set<String> read = new HashSet<>();
		for (int i = 0; i < checked.size(); i++) {
			Checked<ImportActor> one = checked.get(i);
			String legacyId = one.legacyId();
			boolean repeated = legacyId != null && (this.seen.containsKey("id:" + legacyId) || !read.add(legacyId));
			if (one.command() != null && !repeated && !known(known, legacyId)) {
				var fields = one.command().actor();
				probes.add(new DuplicateActors.Probe(fields.sirenSiret(), fields.rna(), fields.name(),
						fields.communeInsee()));
				probed[i] = true;
			}
		}
		List<List<DuplicateActors.Suspect>> suspects = probes.isEmpty() ? List.of()
				: this.services.duplicates().suspects(probes, Imports.NAME_SIMILARITY, 20);
		int probe = 0;
		for (int i = 0; i < checked.size(); i++) {
			Row row = this.actorRows.get(i);
			actorRow(row.file(), row.line(), checked.get(i), known, probed[i] ? suspects.get(probe++) : List.of());
		}
		this.actorRows.clear();
		flushActors();
	}

	private void actorRow(ImportFile file, int line, Checked<ImportActor> checked, Map<String, Long> knownIds,
			List<DuplicateActors.Suspect> suspects) {
		String legacyId = checked.legacyId();
		if (legacyId != null && this.seen.containsKey("id:" + legacyId)) {
			// one row per project repeating its actor: the actor was read on its first
			// row
			if (!file.mapping().hasProjects()) {
				refuse(file, line, Entry.ACTOR, "import.problem.actor-repeated", legacyId,
						this.seen.get("id:" + legacyId));
			}
			return;
		}
		if (legacyId != null) {
			this.seen.put("id:" + legacyId, line);
		}
		report(checked.problems());
		if (checked.command() == null) {
			this.report.add(Entry.ACTOR, Outcome.REFUSED);
			if (legacyId != null) {
				this.actorsLeftOut.put(legacyId, message("import.problem.lead-refused", legacyId, file.name(), line));
			}
			return;
		}
		ImportActor command = checked.command();
		String duplicate = known(knownIds, legacyId) ? null : duplicate(command, line, suspects);
		if (duplicate != null) {
			this.report.problem(new Problem(file.name(), line, Entry.ACTOR, Severity.DUPLICATE, duplicate));
			this.report.add(Entry.ACTOR, Outcome.DUPLICATE);
			this.actorsLeftOut.put(legacyId, message("import.problem.lead-duplicate", legacyId, file.name(), line));
			return;
		}
		this.pendingActors.add(new Pending<>(file.name(), line, command));
	}

	/**
	 * Whether the directory knows the actor by its old identifier: it is then updated or
	 * left unchanged, not looked for among duplicates. An actor an earlier attempt of
	 * this job created is checked as it was then.
	 */
	private boolean known(Map<String, Long> knownIds, String legacyId) {
		Long knownId = (legacyId != null) ? knownIds.get(legacyId) : null;
		return knownId != null && !this.journal.createdBefore().contains(knownId);
	}

	/** An actor read earlier in the files under a name in a commune. */
	private record NamedActor(int line, String siren, String rna, String address) {

		/** Whether an identifier or the address says the two are different actors. */
		boolean differsFrom(NamedActor other) {
			return differ(this.siren, other.siren) || differ(this.rna, other.rna)
					|| differ(key(this.address), key(other.address));
		}

		private static boolean differ(String a, String b) {
			return a != null && b != null && !a.equals(b);
		}

		private static String key(String address) {
			return (address != null) ? Vocabulary.key(address) : null;
		}

	}

	/**
	 * Why the actor seems to be one already read or already in the directory, or null.
	 * Within the files: the same SIREN, the same RNA number, or the same name in the same
	 * commune unless a SIREN, an RNA number or the address tells them apart. In the
	 * directory: moderation's suspects, but the actors this run created.
	 */
	private String duplicate(ImportActor command, int line, List<DuplicateActors.Suspect> suspects) {
		var fields = command.actor();
		String siren = (fields.sirenSiret() != null) ? fields.sirenSiret().substring(0, 9) : null;
		Integer first = (siren != null) ? this.seen.get("siren:" + siren) : null;
		if (first != null) {
			return message("import.problem.duplicate-in-file.siren", first);
		}
		first = (fields.rna() != null) ? this.seen.get("rna:" + fields.rna()) : null;
		if (first != null) {
			return message("import.problem.duplicate-in-file.rna", first);
		}
		String nameKey = Vocabulary.key(fields.name()) + "@" + fields.communeInsee();
		NamedActor named = new NamedActor(line, siren, fields.rna(), fields.addressLine());
		NamedActor earlier = this.names.get(nameKey);
		if (earlier != null && !earlier.differsFrom(named)) {
			return message("import.problem.duplicate-in-file.name", earlier.line());
		}
		if (siren != null) {
			this.seen.put("siren:" + siren, line);
		}
		if (fields.rna() != null) {
			this.seen.put("rna:" + fields.rna(), line);
		}
		this.names.putIfAbsent(nameKey, named);
		for (var suspect : suspects) {
			if (!this.created.contains(suspect.actorId())) {
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
	 * Checks the project rows read, in their order, the lead actors imported before this
	 * run asked once for the batch.
	 */
	private void projectRows() {
		if (this.projectRows.isEmpty()) {
			return;
		}
		List<String> leads = new ArrayList<>();
		for (Row row : this.projectRows) {
			String lead = row.file().mapping().value(row.cells(), ImportField.LEGACY_ID);
			if (lead != null && !this.actors.containsKey(lead) && !this.actorsLeftOut.containsKey(lead)
					&& !this.knownLeads.containsKey(lead)) {
				leads.add(lead);
			}
		}
		if (!leads.isEmpty()) {
			Map<String, Long> found = this.services.entries().importedActors(leads);
			for (String lead : leads) {
				this.knownLeads.put(lead, found.get(lead));
			}
		}
		for (Row row : this.projectRows) {
			projectRow(row.file(), row.line(),
					this.checks.project(row.file(), row.line(), row.cells(), this::leadActor));
		}
		this.projectRows.clear();
		flushProjects();
	}

	/** The lead actors imported before this run, asked for the batch (null: none). */
	private final Map<String, Long> knownLeads = new HashMap<>();

	private void projectRow(ImportFile file, int line, Checked<ImportProject> checked) {
		String legacyId = checked.legacyId();
		if (legacyId != null && this.seen.containsKey("project:" + legacyId)) {
			refuse(file, line, Entry.PROJECT, "import.problem.project-repeated", legacyId,
					this.seen.get("project:" + legacyId));
			return;
		}
		if (legacyId != null) {
			this.seen.put("project:" + legacyId, line);
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
		Long id = this.actors.get(legacyId);
		if (id != null) {
			return new RowChecks.Lead(id, null);
		}
		String leftOut = this.actorsLeftOut.get(legacyId);
		if (leftOut != null) {
			return new RowChecks.Lead(null, leftOut);
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
					this.actors.put(pending.command().legacyId(), (imported.id() != null) ? imported.id() : -1L);
					if (imported.outcome() == fr.lianes.repertoire.directory.EntryCommands.ImportOutcome.CREATED
							&& imported.id() != null) {
						this.created.add(imported.id());
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
