package fr.lianes.repertoire.imports;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which field each column of a file fills (null: the column is ignored), guessed from the
 * headers and changed by a person on the mapping page.
 */
record ColumnMapping(List<String> headers, List<ImportField> fields) {

	ColumnMapping {
		headers = List.copyOf(headers);
		fields = Collections.unmodifiableList(new ArrayList<>(fields));
	}

	/**
	 * The fields the headers name, each at most once (the first column naming it). In a
	 * file of projects alone (a title, no actor name), « description » and « statut » are
	 * the project's.
	 */
	static ColumnMapping guess(List<String> headers) {
		List<ImportField> fields = new ArrayList<>();
		Set<ImportField> taken = EnumSet.noneOf(ImportField.class);
		for (String header : headers) {
			ImportField found = null;
			for (ImportField field : ImportField.values()) {
				if (!taken.contains(field) && field.names(header)) {
					found = field;
					break;
				}
			}
			if (found != null) {
				taken.add(found);
			}
			fields.add(found);
		}
		if (taken.contains(ImportField.TITLE) && !taken.contains(ImportField.NAME)) {
			replace(fields, taken, ImportField.DESCRIPTION, ImportField.PROJECT_DESCRIPTION);
			replace(fields, taken, ImportField.STATUS, ImportField.PROJECT_STATUS);
		}
		return new ColumnMapping(headers, fields);
	}

	private static void replace(List<ImportField> fields, Set<ImportField> taken, ImportField from, ImportField to) {
		int at = fields.indexOf(from);
		if (at >= 0 && !taken.contains(to)) {
			fields.set(at, to);
		}
	}

	/** This mapping with a person's choices: one field name (or empty) per column. */
	ColumnMapping with(List<String> choices) {
		List<ImportField> fields = new ArrayList<>();
		for (int i = 0; i < this.headers.size(); i++) {
			String choice = (i < choices.size()) ? choices.get(i) : null;
			fields.add((choice == null || choice.isBlank()) ? null : ImportField.valueOf(choice));
		}
		return new ColumnMapping(this.headers, fields);
	}

	boolean has(ImportField field) {
		return this.fields.contains(field);
	}

	/** The cell of this field in a row, trimmed, or null when empty or not mapped. */
	String value(List<String> cells, ImportField field) {
		int at = this.fields.indexOf(field);
		if (at < 0 || at >= cells.size()) {
			return null;
		}
		String value = cells.get(at);
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	/** Whether the file has actors (a name) and projects (a title). */
	boolean hasActors() {
		return has(ImportField.NAME);
	}

	boolean hasProjects() {
		return has(ImportField.TITLE);
	}

	/** The fields mapped twice, which the mapping page refuses. */
	Set<ImportField> repeated() {
		Set<ImportField> seen = EnumSet.noneOf(ImportField.class);
		Set<ImportField> repeated = EnumSet.noneOf(ImportField.class);
		for (ImportField field : this.fields) {
			if (field != null && !seen.add(field)) {
				repeated.add(field);
			}
		}
		return repeated;
	}

}
