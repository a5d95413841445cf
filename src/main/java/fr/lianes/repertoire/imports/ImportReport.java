package fr.lianes.repertoire.imports;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.springframework.context.MessageSource;

/**
 * What an import did, or what its dry run says it would do: per kind of entry, how many
 * were created, updated, left unchanged, set aside as suspected duplicates or refused;
 * each refused or doubtful row with its file, line and French reason; the values a person
 * still has to map.
 */
final class ImportReport {

	enum Entry {

		ACTOR, PROJECT

	}

	enum Outcome {

		CREATED, UPDATED, UNCHANGED, DUPLICATE, REFUSED

	}

	/**
	 * How sure the row's fate is: refused, set aside as a duplicate, or kept with a
	 * doubt.
	 */
	enum Severity {

		REFUSED, DUPLICATE, WARNING

	}

	/** A refused or doubtful row. */
	record Problem(String file, int line, Entry entry, Severity severity, String reason) {
	}

	private final boolean dryRun;

	private final Map<Entry, long[]> counts = new EnumMap<>(Entry.class);

	private final List<Problem> problems = new ArrayList<>();

	private final Map<Vocabulary.Mapped, Set<String>> unknownValues = new EnumMap<>(Vocabulary.Mapped.class);

	private long rowsRead;

	ImportReport(boolean dryRun) {
		this.dryRun = dryRun;
		for (Entry entry : Entry.values()) {
			this.counts.put(entry, new long[Outcome.values().length]);
		}
		for (Vocabulary.Mapped list : Vocabulary.Mapped.values()) {
			this.unknownValues.put(list, new TreeSet<>());
		}
	}

	/** The counts, by entry then outcome (to keep them). */
	synchronized long[] allCounts() {
		long[] all = new long[Entry.values().length * Outcome.values().length];
		for (Entry entry : Entry.values()) {
			for (Outcome outcome : Outcome.values()) {
				all[ImportRun.index(entry, outcome)] = this.counts.get(entry)[outcome.ordinal()];
			}
		}
		return all;
	}

	/** The counts kept by {@link #allCounts()}. */
	synchronized void restore(long[] all) {
		for (Entry entry : Entry.values()) {
			for (Outcome outcome : Outcome.values()) {
				this.counts.get(entry)[outcome.ordinal()] = all[ImportRun.index(entry, outcome)];
			}
		}
	}

	public boolean dryRun() {
		return this.dryRun;
	}

	synchronized void add(Entry entry, Outcome outcome) {
		this.counts.get(entry)[outcome.ordinal()]++;
	}

	synchronized void problem(Problem problem) {
		this.problems.add(problem);
	}

	synchronized void unknown(Vocabulary.Mapped list, String value) {
		this.unknownValues.get(list).add(value);
	}

	synchronized void read() {
		this.rowsRead++;
	}

	synchronized long rowsRead() {
		return this.rowsRead;
	}

	public synchronized long count(Entry entry, Outcome outcome) {
		return this.counts.get(entry)[outcome.ordinal()];
	}

	/** The counts of one kind of entry, by outcome (for the pages). */
	public synchronized Map<Outcome, Long> counts(Entry entry) {
		Map<Outcome, Long> map = new EnumMap<>(Outcome.class);
		for (Outcome outcome : Outcome.values()) {
			map.put(outcome, this.counts.get(entry)[outcome.ordinal()]);
		}
		return map;
	}

	public synchronized List<Problem> problems() {
		return Collections.unmodifiableList(new ArrayList<>(this.problems));
	}

	public synchronized Set<String> unknownValues(Vocabulary.Mapped list) {
		return Set.copyOf(this.unknownValues.get(list));
	}

	/**
	 * The refused and doubtful rows as a CSV file (UTF-8 with a byte order mark, « ; »).
	 */
	void writeCsv(Writer out, MessageSource messages, Locale locale) throws IOException {
		out.write('\ufeff');
		// not closed: closing the printer would close the caller's writer (a response's
		// stream, which the caller flushes)
		CSVPrinter csv = new CSVPrinter(out,
				CSVFormat.DEFAULT.builder().setDelimiter(';').setRecordSeparator("\r\n").get());
		csv.printRecord(messages.getMessage("import.report.columns", null, locale).split(";"));
		for (Problem problem : problems()) {
			csv.printRecord(problem.file(), problem.line(),
					messages.getMessage("import.entry." + problem.entry(), null, locale),
					messages.getMessage("import.severity." + problem.severity(), null, locale), problem.reason());
		}
		csv.flush();
	}

	/** A summary line per kind of entry, for the command line. */
	String summary(MessageSource messages, Locale locale) {
		StringBuilder text = new StringBuilder();
		for (Entry entry : Entry.values()) {
			Map<Outcome, Long> c = counts(entry);
			text.append(messages.getMessage(this.dryRun ? "import.summary.dry-run." + entry : "import.summary." + entry,
					new Object[] { c.get(Outcome.CREATED), c.get(Outcome.UPDATED), c.get(Outcome.UNCHANGED),
							c.get(Outcome.DUPLICATE), c.get(Outcome.REFUSED) },
					locale))
				.append('\n');
		}
		return text.toString();
	}

}
