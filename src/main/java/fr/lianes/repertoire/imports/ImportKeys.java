package fr.lianes.repertoire.imports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What an import run (or its dry run) remembers of the rows it has read, for the checks
 * within its files: kept in {@code import_key} (migration V30, UNLOGGED) under the run's
 * own key rather than in memory, so that the run's memory does not grow with its files.
 * Each batch asks once for the keys its rows need ({@link Run#load}), sees its own rows'
 * keys as it checks them, and adds its new keys in one statement ({@link Run#save}). Each
 * run has a key of its own, so that two runs at once never see each other's keys; its
 * rows are deleted when it ends, however it ends, and those of a run whose process died
 * by the runs that begin a day later.
 */
@Component
class ImportKeys {

	/** How long the keys of a run that never ended (its process died) are kept. */
	static final Duration ABANDONED = Duration.ofDays(1);

	/**
	 * Keys longer than this (a cell can be long), or holding a character PostgreSQL's
	 * text cannot, are kept by their hash.
	 */
	private static final int LONGEST = 200;

	/**
	 * A key: where it was first met, and what the run learnt of it since (an actor's id,
	 * why it was left out...).
	 */
	record Key(String key, int line, Long value, String detail) {

	}

	private final JdbcClient jdbc;

	private final Clock clock;

	ImportKeys(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * The key of a value of a kind ({@code id}, {@code siren}...): the value itself, or
	 * its hash when it is long or holds a NUL character.
	 */
	static String key(String kind, String value) {
		if (value.length() <= LONGEST && value.indexOf('\u0000') < 0) {
			return kind + ":" + value;
		}
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
			return kind + "#" + HexFormat.of().formatHex(hash);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A run's keys, under a key of its own (nothing is there yet): those of the runs
	 * abandoned a day ago are deleted, and, for an attempt of a job, the actors its
	 * earlier attempts created are this run's created actors too.
	 * @param job the job this run is an attempt of, if any
	 */
	Run open(OptionalLong job) {
		long now = this.clock.millis();
		Run run = new Run("run:" + stamp(now) + ":" + UUID.randomUUID());
		this.jdbc.sql("delete from import_key where run_key < :before")
			.param("before", "run:" + stamp(now - ABANDONED.toMillis()))
			.update();
		if (job.isPresent()) {
			this.jdbc.sql("""
					insert into import_key (run_key, key, line)
					select :run, 'created:' || entry_id, 0 from import_job_entry
					where job_id = :job and entry = 'ACTOR' and outcome = 'CREATED'
					on conflict do nothing""").param("run", run.id).param("job", job.getAsLong()).update();
		}
		return run;
	}

	/** A time that sorts as text: milliseconds, on 15 digits. */
	private static String stamp(long millis) {
		return String.format("%015d", Math.max(0, millis));
	}

	/**
	 * One run's keys: only the current batch's are in memory, those asked for it and
	 * those its rows added.
	 */
	final class Run implements AutoCloseable {

		private final String id;

		/** The batch's keys: asked for and found, or added by its rows. */
		private final Map<String, Key> batch = new HashMap<>();

		/** The keys asked for the batch, found or not. */
		private final Set<String> asked = new HashSet<>();

		/** The batch's new keys, to be saved. */
		private final Map<String, Key> added = new LinkedHashMap<>();

		private Run(String id) {
			this.id = id;
		}

		String id() {
			return this.id;
		}

		/** Starts a batch: these keys are asked for at once. */
		void load(Collection<String> keys) {
			this.batch.clear();
			this.asked.clear();
			this.added.clear();
			loadMore(keys);
		}

		/** Asks at once for more keys of the batch, those not asked yet. */
		void loadMore(Collection<String> keys) {
			List<String> wanted = new ArrayList<>();
			for (String key : keys) {
				if (!this.batch.containsKey(key) && this.asked.add(key)) {
					wanted.add(key);
				}
			}
			if (wanted.isEmpty()) {
				return;
			}
			ImportKeys.this.jdbc.sql("""
					select key, line, value, detail from import_key
					where run_key = :run and key = any(cast(:keys as text[]))""")
				.param("run", this.id)
				.param("keys", wanted.toArray(String[]::new))
				.query((rs, i) -> new Key(rs.getString(1), rs.getInt(2), rs.getObject(3, Long.class), rs.getString(4)))
				.list()
				.forEach((key) -> this.batch.putIfAbsent(key.key(), key));
		}

		/**
		 * A key met before, in this batch or an earlier one, or null. A key not asked for
		 * the batch is asked for alone.
		 */
		Key get(String key) {
			Key found = this.batch.get(key);
			if (found == null && !this.asked.contains(key)) {
				loadMore(List.of(key));
				found = this.batch.get(key);
			}
			return found;
		}

		boolean has(String key) {
			return get(key) != null;
		}

		/**
		 * Remembers a key unless the batch knows it already (the first one stays, in the
		 * table too: a key of an earlier batch that was not asked for is not replaced).
		 */
		void add(Key key) {
			if (!this.batch.containsKey(key.key())) {
				this.batch.put(key.key(), key);
				this.added.put(key.key(), key);
			}
		}

		/** Gives a key of this batch its value (an actor's id once written). */
		void value(String key, long value) {
			Key known = get(key);
			Key valued = (known != null) ? new Key(key, known.line(), value, known.detail())
					: new Key(key, 0, value, null);
			this.batch.put(key, valued);
			this.added.put(key, valued);
		}

		/** Saves the batch's new keys, in one statement. */
		void save() {
			if (this.added.isEmpty()) {
				return;
			}
			List<Key> keys = List.copyOf(this.added.values());
			ImportKeys.this.jdbc.sql("""
					insert into import_key (run_key, key, line, value, detail)
					select :run, k, l, v, d from unnest(cast(:keys as text[]), cast(:lines as int[]),
					cast(:values as bigint[]), cast(:details as text[])) as u(k, l, v, d)
					on conflict do nothing""")
				.param("run", this.id)
				.param("keys", keys.stream().map(Key::key).toArray(String[]::new))
				.param("lines", keys.stream().map(Key::line).toArray(Integer[]::new))
				.param("values", keys.stream().map(Key::value).toArray(Long[]::new))
				.param("details", keys.stream().map(Key::detail).toArray(String[]::new))
				.update();
			this.added.clear();
		}

		/** Deletes the run's keys. */
		void clear() {
			ImportKeys.this.jdbc.sql("delete from import_key where run_key = :run").param("run", this.id).update();
		}

		/** The run ends, however: its keys are deleted. */
		@Override
		public void close() {
			this.batch.clear();
			this.asked.clear();
			this.added.clear();
			clear();
		}

	}

}
