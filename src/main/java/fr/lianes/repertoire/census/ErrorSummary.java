package fr.lianes.repertoire.census;

import java.util.List;

import org.thymeleaf.spring6.util.DetailedError;

import org.springframework.stereotype.Component;

/**
 * The error summary at the top of a step: each message with a link to its field, whose id
 * is the field's path without brackets (as Thymeleaf writes it).
 */
@Component("censusErrors")
public class ErrorSummary {

	/** One line of the summary; {@code anchor} is null for errors of the whole step. */
	public record Entry(String anchor, String labelKey, String message) {
	}

	public List<Entry> entries(List<DetailedError> errors) {
		return errors.stream().map(this::entry).toList();
	}

	/**
	 * The id of a field's element: {@code contacts[0].email} is {@code contacts0.email}.
	 */
	public String id(String path) {
		return path.replace("[", "").replace("]", "");
	}

	/**
	 * The message key of a field's label: {@code contacts[0].email} is
	 * {@code census.field.contacts.email}.
	 */
	public String label(String path) {
		return "census.field." + path.replaceAll("\\[[0-9]+\\]", "");
	}

	private Entry entry(DetailedError error) {
		if (error.isGlobal()) {
			return new Entry(null, null, error.getMessage());
		}
		return new Entry(id(error.getFieldName()), label(error.getFieldName()), error.getMessage());
	}

}
