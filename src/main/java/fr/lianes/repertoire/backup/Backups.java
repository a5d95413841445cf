package fr.lianes.repertoire.backup;

import java.time.Clock;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.core.task.TaskExecutor;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.stereotype.Component;

/**
 * The backups of the database, in {@code repertoire.backup.directory}: taking one (one at
 * a time), the retention, and the folder's {@code manifest.tsv} (file, time, size,
 * SHA-256, schema version of each backup kept), which an operator can check with
 * {@code sha256sum} before copying the files elsewhere. Backups asked for run on their
 * executor ({@code backupExecutor}, {@code BackupConfiguration}), never on a request's.
 */
@Component
public class Backups {

	private static final Logger logger = LoggerFactory.getLogger(Backups.class);

	static final String DIRECTORY_MANIFEST = "manifest.tsv";

	private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private static final String PREFIX = "repertoire-";

	private static final String SUFFIX = ".zip";

	/** A backup kept in the folder. */
	public record Backup(Path file, Instant created, long bytes, String sha256, String schemaVersion) {

		public String name() {
			return this.file.getFileName().toString();
		}

	}

	/** The last attempt that failed, if it is later than the last good backup. */
	public record Failure(Instant at, String reason) {
	}

	private final DataSource dataSource;

	private final BackupSettings settings;

	private final AtomicReference<CompletableFuture<Backup>> running = new AtomicReference<>();

	private volatile Failure lastFailure;

	private final Clock clock;

	private final TaskExecutor executor;

	@Autowired
	Backups(DataSource dataSource, BackupSettings settings, Clock clock,
			@Qualifier("backupExecutor") TaskExecutor executor) {
		this.dataSource = dataSource;
		this.settings = settings;
		this.clock = clock;
		this.executor = executor;
	}

	/**
	 * Backups outside the application (the {@code restore} command's safety copy): those
	 * asked for are taken in the caller's thread.
	 */
	Backups(DataSource dataSource, BackupSettings settings, Clock clock) {
		this(dataSource, settings, clock, new SyncTaskExecutor());
	}

	public BackupSettings settings() {
		return this.settings;
	}

	/**
	 * Takes a backup now, in the background unless one is already under way.
	 * @return the backup under way
	 */
	public CompletableFuture<Backup> start() {
		CompletableFuture<Backup> done = new CompletableFuture<>();
		CompletableFuture<Backup> current = this.running.compareAndExchange(null, done);
		if (current != null) {
			return current;
		}
		try {
			this.executor.execute(() -> {
				try {
					done.complete(take());
				}
				catch (RuntimeException ex) {
					done.completeExceptionally(ex);
				}
				finally {
					this.running.set(null);
				}
			});
		}
		catch (TaskRejectedException ex) {
			// the application stops: no backup now, the schedule takes the next one
			this.running.set(null);
			done.completeExceptionally(ex);
		}
		return done;
	}

	public boolean isRunning() {
		return this.running.get() != null;
	}

	/** Takes a backup in this thread, then applies the retention. */
	Backup take() {
		long started = System.nanoTime();
		try {
			Backup backup = write(PREFIX);
			prune();
			this.lastFailure = null;
			logger.info("Backup {} written: {} bytes, {} ms", backup.file(), backup.bytes(),
					Duration.ofNanos(System.nanoTime() - started).toMillis());
			return backup;
		}
		catch (IOException | SQLException | RuntimeException ex) {
			this.lastFailure = new Failure(this.clock.instant(), ex.toString());
			logger.error("Backup failed", ex);
			throw new IllegalStateException("Backup failed: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Writes a backup named with this prefix, without retention (the restore's safety
	 * copy uses another prefix, which retention never deletes).
	 */
	Backup write(String prefix) throws IOException, SQLException {
		Path directory = Files.createDirectories(this.settings.directory());
		Instant now = this.clock.instant();
		Path file = directory.resolve(prefix + NAME.format(now) + SUFFIX);
		Path partial = directory.resolve(file.getFileName() + ".part");
		BackupArchive.Manifest manifest = BackupWriter.write(this.dataSource, partial, now);
		Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		Backup backup = new Backup(file, manifest.created(), Files.size(file), sha256(file), manifest.schemaVersion());
		List<Backup> kept = new ArrayList<>(list());
		kept.removeIf((b) -> b.name().equals(backup.name()));
		kept.add(backup);
		writeManifest(kept);
		return backup;
	}

	/** The backups kept, latest first, as the folder's manifest lists them. */
	public List<Backup> list() {
		Path manifest = this.settings.directory().resolve(DIRECTORY_MANIFEST);
		if (!Files.exists(manifest)) {
			return List.of();
		}
		try (Stream<String> lines = Files.lines(manifest)) {
			return lines.filter((line) -> !line.isBlank() && !line.startsWith("#"))
				.map((line) -> line.split("\t"))
				.map((f) -> new Backup(this.settings.directory().resolve(f[0]), Instant.parse(f[1]),
						Long.parseLong(f[2]), f[3], f[4]))
				.filter((backup) -> Files.exists(backup.file()))
				.sorted(Comparator.comparing(Backup::created).reversed())
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The latest backup taken on schedule or by hand. */
	public Optional<Backup> latest() {
		return list().stream().filter((backup) -> backup.name().startsWith(PREFIX)).findFirst();
	}

	public Optional<Failure> lastFailure() {
		return Optional.ofNullable(this.lastFailure);
	}

	/**
	 * Keeps the latest backup of each of the last {@code keepDaily} days,
	 * {@code keepWeekly} weeks and {@code keepMonthly} months that have one; deletes the
	 * others.
	 */
	void prune() throws IOException {
		List<Backup> all = list().stream().filter((backup) -> backup.name().startsWith(PREFIX)).toList();
		Set<Backup> keep = new HashSet<>(
				keep(all, (created) -> created.truncatedTo(ChronoUnit.DAYS).toString(), this.settings.keepDaily()));
		keep.addAll(keep(all, (created) -> created.get(IsoFields.WEEK_BASED_YEAR) + "-"
				+ created.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), this.settings.keepWeekly()));
		keep.addAll(
				keep(all, (created) -> created.getYear() + "-" + created.getMonthValue(), this.settings.keepMonthly()));
		List<Backup> kept = new ArrayList<>(list());
		for (Backup backup : all) {
			if (!keep.contains(backup)) {
				Files.deleteIfExists(backup.file());
				kept.remove(backup);
				logger.info("Backup {} deleted (retention)", backup.file());
			}
		}
		writeManifest(kept);
	}

	/** The latest backup of each of the first {@code count} periods, latest first. */
	private Set<Backup> keep(List<Backup> latestFirst, Function<java.time.ZonedDateTime, String> period, int count) {
		Set<String> periods = new LinkedHashSet<>();
		Set<Backup> kept = new HashSet<>();
		for (Backup backup : latestFirst) {
			if (periods.add(period.apply(backup.created().atZone(this.settings.timeZone())))) {
				if (periods.size() > count) {
					break;
				}
				kept.add(backup);
			}
		}
		return kept;
	}

	private void writeManifest(List<Backup> backups) throws IOException {
		StringBuilder text = new StringBuilder("# file\tcreated\tbytes\tsha256\tschema version\n");
		backups.stream()
			.sorted(Comparator.comparing(Backup::created))
			.forEach((b) -> text.append(b.name())
				.append('\t')
				.append(b.created())
				.append('\t')
				.append(b.bytes())
				.append('\t')
				.append(b.sha256())
				.append('\t')
				.append(b.schemaVersion())
				.append('\n'));
		Path manifest = this.settings.directory().resolve(DIRECTORY_MANIFEST);
		Path partial = manifest.resolveSibling(DIRECTORY_MANIFEST + ".part");
		Files.writeString(partial, text);
		Files.move(partial, manifest, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
	}

	static String sha256(Path file) throws IOException {
		MessageDigest digest = BackupWriter.sha256();
		try (InputStream in = Files.newInputStream(file)) {
			byte[] buffer = new byte[1 << 16];
			for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
				digest.update(buffer, 0, n);
			}
		}
		return HexFormat.of().formatHex(digest.digest());
	}

}
