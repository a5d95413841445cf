package fr.lianes.repertoire.web;

import java.util.List;

import org.thymeleaf.spring6.util.DetailedError;

import org.springframework.stereotype.Component;

/**
 * The ids and message keys of the one form kit ({@code templates/fragments/forms.html}):
 * a field's element id is its path without brackets (as Thymeleaf writes it), its label
 * and hint are found under the form's prefix of keys ({@code census.},
 * {@code reference.admin.}, {@code campaign.}, {@code staff.accounts.}…), without the
 * indexes of its path: {@code contacts[0].email} of the questionnaire is labelled by
 * {@code census.field.contacts.email} and has the id {@code contacts0.email}.
 */
@Component("formErrors")
public class FormErrors {

	/**
	 * One line of the error summary; {@code anchor} (the field's id) and {@code labelKey}
	 * are null for errors of the whole form.
	 */
	public record Entry(String anchor, String labelKey, String message) {
	}

	/** The lines of the error summary, in the order of the errors. */
	public List<Entry> entries(List<DetailedError> errors, String keys) {
		return errors.stream().map((error) -> entry(error, keys)).toList();
	}

	/**
	 * The id of a field's element: {@code contacts[0].email} is {@code contacts0.email}.
	 */
	public String id(String path) {
		return path.replace("[", "").replace("]", "");
	}

	/**
	 * The message key of a field's label: {@code keys + "field." + path without indexes}.
	 */
	public String label(String keys, String path) {
		return keys + "field." + withoutIndexes(path);
	}

	/**
	 * The message key of a field's hint, if it has one: {@code keys + "hint." + path}.
	 */
	public String hint(String keys, String path) {
		return keys + "hint." + withoutIndexes(path);
	}

	private static String withoutIndexes(String path) {
		return path.replaceAll("\\[[0-9]+\\]", "");
	}

	private Entry entry(DetailedError error, String keys) {
		if (error.isGlobal()) {
			return new Entry(null, null, error.getMessage());
		}
		return new Entry(id(error.getFieldName()), label(keys, error.getFieldName()), error.getMessage());
	}

}
