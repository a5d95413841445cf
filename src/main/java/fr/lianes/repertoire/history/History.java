package fr.lianes.repertoire.history;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The history of the directory's entries: every change to an actor or a project, by whom,
 * when and what, recorded in the transaction that makes it.
 */
@Repository
public class History {

	/** The kinds of entries whose changes are recorded. */
	public enum Subject {

		ACTOR, PROJECT

	}

	/** One field's value before and after a change; null where there was or is none. */
	public record FieldChange(String field, String before, String after) {

		/** The change of a field, or null when the value did not change. */
		public static FieldChange of(String field, Object before, Object after) {
			String b = text(before);
			String a = text(after);
			return Objects.equals(b, a) ? null : new FieldChange(field, b, a);
		}

		/**
		 * The change of a field of one item of a list (a contact person, a project),
		 * named by the item.
		 */
		public static FieldChange of(String field, String item, Object before, Object after) {
			return of(field + QUALIFIER + item, before, after);
		}

		/** The message key naming the field. */
		public String labelKey() {
			int at = this.field.indexOf(QUALIFIER);
			return (at < 0) ? this.field : this.field.substring(0, at);
		}

		/** The item of a list the field belongs to, or null. */
		public String item() {
			int at = this.field.indexOf(QUALIFIER);
			return (at < 0) ? null : this.field.substring(at + 1);
		}

		private static String text(Object value) {
			if (value == null) {
				return null;
			}
			String text = value.toString();
			return text.isBlank() ? null : text;
		}

	}

	private static final char QUALIFIER = '@';

	/** A recorded change. */
	public record Entry(long id, String action, String changedBy, OffsetDateTime changedAt, List<FieldChange> changes,
			Long submissionId, String note) {
	}

	private static final TypeReference<List<FieldChange>> CHANGES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final java.time.Clock clock;

	History(JdbcClient jdbc, JsonMapper json, java.time.Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * Records a change in the caller's transaction: it is kept if and only if the change
	 * is.
	 * @param changes the fields changed (null elements are left out)
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(Subject subject, long id, String action, String by, List<FieldChange> changes, Long submissionId,
			String note) {
		List<FieldChange> kept = changes.stream().filter(Objects::nonNull).toList();
		this.jdbc
			.sql("insert into change_log (entity_type, entity_id, action, changed_by, changes, submission_id, note, "
					+ "changed_at) values (?, ?, ?, ?, ?::jsonb, ?, ?, ?)")
			.params(subject.name(), id, action, by, this.json.writeValueAsString(kept), submissionId, note,
					java.sql.Timestamp.from(this.clock.instant()))
			.update();
	}

	/** A change to record with others ({@link #recordAll}). */
	public record Change(Subject subject, long id, String action, String by, List<FieldChange> changes, String note) {
	}

	/**
	 * Records changes as {@link #record} does, in one statement (an import's batch), in
	 * their order.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordAll(List<Change> changes) {
		if (changes.isEmpty()) {
			return;
		}
		int n = changes.size();
		String[] subjects = new String[n];
		Long[] ids = new Long[n];
		String[] actions = new String[n];
		String[] bys = new String[n];
		String[] fields = new String[n];
		String[] notes = new String[n];
		for (int i = 0; i < n; i++) {
			Change change = changes.get(i);
			subjects[i] = change.subject().name();
			ids[i] = change.id();
			actions[i] = change.action();
			bys[i] = change.by();
			fields[i] = this.json.writeValueAsString(change.changes().stream().filter(Objects::nonNull).toList());
			notes[i] = change.note();
		}
		this.jdbc.sql("""
				insert into change_log (entity_type, entity_id, action, changed_by, changes, note, changed_at)
				select t.subject, t.id, t.action, t.author, cast(t.changes as jsonb), t.note, :at
				from unnest(cast(:subjects as text[]), cast(:ids as bigint[]), cast(:actions as text[]),
				            cast(:bys as text[]), cast(:changes as text[]), cast(:notes as text[]))
				     with ordinality as t(subject, id, action, author, changes, note, n)
				order by t.n""")
			.param("subjects", subjects)
			.param("ids", ids)
			.param("actions", actions)
			.param("bys", bys)
			.param("changes", fields)
			.param("notes", notes)
			.param("at", java.sql.Timestamp.from(this.clock.instant()))
			.update();
	}

	/** The changes of an entry, latest first. */
	@Transactional(readOnly = true)
	public List<Entry> of(Subject subject, long id) {
		return this.jdbc.sql("""
				select id, action, changed_by, changed_at, changes::text, submission_id, note from change_log
				where entity_type = ? and entity_id = ? order by changed_at desc, id desc limit 500""")
			.params(subject.name(), id)
			.query((rs, i) -> new Entry(rs.getLong(1), rs.getString(2), rs.getString(3),
					rs.getObject(4, OffsetDateTime.class), this.json.readValue(rs.getString(5), CHANGES),
					(Long) rs.getObject(6), rs.getString(7)))
			.list();
	}

}
