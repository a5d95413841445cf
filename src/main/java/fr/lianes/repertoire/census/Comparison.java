package fr.lianes.repertoire.census;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import fr.lianes.repertoire.directory.NameInAddress;

import fr.lianes.repertoire.history.History.FieldChange;

/**
 * A questionnaire response set against the entry it would change, field by field: the
 * actor's own fields, then each contact person and each project, added, removed, changed
 * or unchanged. Values are as people read them (names, not codes).
 *
 * @param structure the actor's fields
 * @param contacts the contact persons, matched by key
 * @param projects the projects, matched by key
 */
public record Comparison(List<Row> structure, List<Item> contacts, List<Item> projects) {

	/** How an item of a list compares. */
	public enum Change {

		ADDED, REMOVED, CHANGED, UNCHANGED

	}

	/** One field: its label (a message key), its value before and after. */
	public record Row(String labelKey, String before, String after) {

		public boolean changed() {
			return !Objects.equals(this.before, this.after);
		}

	}

	/**
	 * A contact person or a project: its key in the answers, its name, how it compares,
	 * and its fields; for a contact person, what it agreed to publish before and after
	 * (null for a project, or on the side where the person is absent).
	 */
	public record Item(String key, String name, Change change, List<Row> rows, Publication publishedBefore,
			Publication publishedAfter) {

		Item(String key, String name, Change change, List<Row> rows) {
			this(key, name, change, rows, null, null);
		}

		/**
		 * Its fields but the publication consents, which {@link Publication} says in
		 * words.
		 */
		public List<Row> rowsButConsents() {
			return this.rows.stream().filter((row) -> !row.labelKey().startsWith(CONSENT_ROWS)).toList();
		}

		/** Whether what the person agreed to publish differs. */
		public boolean publicationChanged() {
			return !Objects.equals(this.publishedBefore, this.publishedAfter);
		}

	}

	/** The label keys of the consent rows begin with it (one row per field). */
	public static final String CONSENT_ROWS = "census.field.contacts.publish";

	/**
	 * What a contact person agreed to publish: name, email, phone.
	 *
	 * @param name whether the name is published
	 * @param email whether the email is published
	 * @param phone whether the phone is published
	 * @param emailHeldBack whether the email, agreed to, is held back all the same
	 * because it spells the name whose publication was refused (the directory's rule,
	 * {@link fr.lianes.repertoire.directory.NameInAddress})
	 */
	public record Publication(boolean name, boolean email, boolean phone, boolean emailHeldBack) {

		/** What a person agreed to publish, their email not held back. */
		public Publication(boolean name, boolean email, boolean phone) {
			this(name, email, phone, false);
		}

		/**
		 * The message keys that say it in words, field by field ("Nom : publié", "E-mail
		 * : non publié"…).
		 */
		public List<String> messageKeys() {
			List<String> keys = new ArrayList<>(messageKeys(this.name, this.email, this.phone));
			if (this.email && this.emailHeldBack) {
				keys.set(1, "moderation.consent.email.held-back");
			}
			return List.copyOf(keys);
		}

		/**
		 * The message keys that say what is published of the fields given, in this order;
		 * a null field left out (a change that did not touch it).
		 */
		public static List<String> messageKeys(Boolean name, Boolean email, Boolean phone) {
			List<String> keys = new ArrayList<>(3);
			key(keys, "name", name);
			key(keys, "email", email);
			key(keys, "phone", phone);
			return List.copyOf(keys);
		}

		private static void key(List<String> keys, String field, Boolean published) {
			if (published != null) {
				keys.add("moderation.consent." + field + (published ? ".published" : ".unpublished"));
			}
		}

	}

	/** Whether anything differs. */
	public boolean hasChanges() {
		return this.structure.stream().anyMatch(Row::changed)
				|| this.contacts.stream().anyMatch((item) -> item.change() != Change.UNCHANGED)
				|| this.projects.stream().anyMatch((item) -> item.change() != Change.UNCHANGED);
	}

	/** The differences as history records them. */
	public List<FieldChange> changes() {
		List<FieldChange> changes = new ArrayList<>();
		for (Row row : this.structure) {
			changes.add(FieldChange.of(row.labelKey(), row.before(), row.after()));
		}
		for (Item item : concat(this.contacts, this.projects)) {
			for (Row row : item.rows()) {
				changes.add(FieldChange.of(row.labelKey(), item.name(), row.before(), row.after()));
			}
		}
		return changes.stream().filter(Objects::nonNull).toList();
	}

	private static List<Item> concat(List<Item> first, List<Item> second) {
		List<Item> all = new ArrayList<>(first);
		all.addAll(second);
		return all;
	}

}
