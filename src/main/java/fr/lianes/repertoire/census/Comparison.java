package fr.lianes.repertoire.census;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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
	 * and its fields.
	 */
	public record Item(String key, String name, Change change, List<Row> rows) {
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
