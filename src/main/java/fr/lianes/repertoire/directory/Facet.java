package fr.lianes.repertoire.directory;

import java.util.List;

/**
 * The values of one filter with, for each, how many results it would give combined with
 * the other filters in force.
 *
 * @param name the request parameter of the filter
 * @param values values with at least one result, and those selected
 */
public record Facet(String name, List<Value> values) {

	public boolean hasSelection() {
		return this.values.stream().anyMatch(Value::selected);
	}

	/**
	 * @param value what goes in the URL
	 * @param label what people read (a message key when {@code labelIsKey})
	 * @param labelIsKey whether label is a message key
	 * @param nested whether the value refines the one before it (a sub-domain)
	 */
	public record Value(String value, String label, boolean labelIsKey, long count, boolean selected, boolean nested) {

	}

}
