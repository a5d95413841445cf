package fr.lianes.repertoire.imports;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import fr.lianes.repertoire.directory.DuplicateActors;
import fr.lianes.repertoire.directory.Entries;
import fr.lianes.repertoire.directory.ProjectStatus;
import fr.lianes.repertoire.imports.ImportRequest.ImportFile;
import fr.lianes.repertoire.reference.CommuneLookup;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports the old directory's exports: {@link #open} reads a file's format and guesses
 * its columns, {@link #dryRun} says what an import would do without writing anything,
 * {@link #run} writes it through the directory's write path.
 */
@Service
public class Imports {

	/**
	 * The name similarity from which an actor is a suspect, the one moderation uses
	 * ({@code DuplicateSuspects.NAME_SIMILARITY}).
	 */
	static final double NAME_SIMILARITY = 0.6;

	/** What the rows are checked and written with. */
	record Services(Entries entries, DuplicateActors duplicates, Vocabulary vocabulary, CommuneLookup communes,
			TransactionTemplate transactions, MessageSource messages, Clock clock, int batchSize, ImportKeys keys) {

		String message(String key, Object... args) {
			return this.messages.getMessage(key, args, Locale.FRENCH);
		}

		/** A project's status from its years, against today. */
		ProjectStatus statusFromYears(Short start, Short end) {
			int year = LocalDate.now(this.clock).getYear();
			if (end != null && end < year) {
				return ProjectStatus.COMPLETED;
			}
			if (start != null && start > year) {
				return ProjectStatus.PLANNED;
			}
			return ProjectStatus.ONGOING;
		}

	}

	private final Services services;

	Imports(Entries entries, DuplicateActors duplicates, Vocabulary vocabulary, CommuneLookup communes,
			PlatformTransactionManager transactionManager, MessageSource messages, Clock clock,
			@Value("${repertoire.imports.batch-size:500}") int batchSize, ImportKeys keys) {
		this.services = new Services(entries, duplicates, vocabulary, communes,
				new TransactionTemplate(transactionManager), messages, clock, Math.max(1, batchSize), keys);
	}

	/** A file as found: its format detected, its columns guessed from its header. */
	ImportFile open(Path path, String name) throws IOException {
		TableFormat format = TableFormat.detect(path, name);
		return reopen(path, name, format);
	}

	/** A file read again with another format (a person's choice). */
	ImportFile reopen(Path path, String name, TableFormat format) throws IOException {
		return new ImportFile(path, name, format, ColumnMapping.guess(TableReader.header(path, format)));
	}

	/** What importing would do; nothing is written. */
	ImportReport dryRun(ImportRequest request) throws IOException {
		return new ImportRun(this.services, request, new ImportReport(true)).execute();
	}

	/** Imports the files. */
	ImportReport run(ImportRequest request) throws IOException {
		return this.services.entries()
			.importing(() -> new ImportRun(this.services, request, new ImportReport(false)).execute());
	}

	/**
	 * Imports the files as a background job does: where the job is kept in its journal,
	 * and an earlier attempt's writes are not made again.
	 */
	ImportReport run(ImportRequest request, ImportReport report, ImportRun.Journal journal, long[] writeCounts)
			throws IOException {
		return this.services.entries()
			.importing(() -> new ImportRun(this.services, request, report, journal, writeCounts).execute());
	}

	/** The files, opened as found, in the order given. */
	List<ImportFile> openAll(List<Path> paths) throws IOException {
		List<ImportFile> files = new ArrayList<>();
		for (Path path : paths) {
			files.add(open(path, path.getFileName().toString()));
		}
		return files;
	}

	MessageSource messages() {
		return this.services.messages();
	}

	static Map<String, String> noValueMapping() {
		return Map.of();
	}

}
