package fr.lianes.repertoire.moderation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import fr.lianes.repertoire.census.Comparison;
import fr.lianes.repertoire.census.Comparison.Publication;
import fr.lianes.repertoire.history.History;
import fr.lianes.repertoire.history.History.FieldChange;

/**
 * An entry's history as the back office shows it: each change's fields, a contact
 * person's publication consents gathered on one row and said in words (« Nom : publié ·
 * E-mail : non publié »), as everywhere else in the back office. The history keeps them
 * as the writer wrote them: « Oui »/« Non » from the questionnaire and the staff's edits,
 * « true »/« false » from an import.
 */
final class HistoryView {

	private HistoryView() {
	}

	/** A recorded change with its fields as shown. */
	record Shown(History.Entry entry, List<Line> changes) {

		public String action() {
			return this.entry.action();
		}

		public String changedBy() {
			return this.entry.changedBy();
		}

		public java.time.OffsetDateTime changedAt() {
			return this.entry.changedAt();
		}

		public Long submissionId() {
			return this.entry.submissionId();
		}

		public String note() {
			return this.entry.note();
		}

	}

	/**
	 * One row of a change: a field's value before and after, or (consents not null) what
	 * a contact person agreed to publish before and after, as message keys, only the
	 * fields the change touched.
	 */
	record Line(String labelKey, String item, String before, String after, List<String> consentsBefore,
			List<String> consentsAfter) {

		public boolean consents() {
			return this.consentsBefore != null;
		}

	}

	static List<Shown> of(List<History.Entry> entries) {
		return entries.stream().map(HistoryView::shown).toList();
	}

	private static Shown shown(History.Entry entry) {
		List<Line> lines = new ArrayList<>();
		// a person's consents on one row, where its first consent field was
		Map<String, Boolean[][]> consents = new LinkedHashMap<>();
		Map<String, Integer> at = new LinkedHashMap<>();
		for (FieldChange change : entry.changes()) {
			int field = consentField(change.labelKey());
			if (field < 0) {
				lines.add(new Line(change.labelKey(), change.item(), change.before(), change.after(), null, null));
				continue;
			}
			String item = Objects.toString(change.item(), "");
			Boolean[][] values = consents.computeIfAbsent(item, (key) -> {
				at.put(key, lines.size());
				lines.add(null);
				return new Boolean[2][3];
			});
			values[0][field] = published(change.before());
			values[1][field] = published(change.after());
		}
		consents.forEach((item, values) -> lines.set(at.get(item),
				new Line("moderation.compare.publication", item.isEmpty() ? null : item, null, null,
						Publication.messageKeys(values[0][0], values[0][1], values[0][2]),
						Publication.messageKeys(values[1][0], values[1][1], values[1][2]))));
		return new Shown(entry, lines);
	}

	/** 0 for the name, 1 the email, 2 the phone; -1 for a field that is not a consent. */
	private static int consentField(String labelKey) {
		if (!labelKey.startsWith(Comparison.CONSENT_ROWS)) {
			return -1;
		}
		return switch (labelKey.substring(Comparison.CONSENT_ROWS.length())) {
			case "Name" -> 0;
			case "Email" -> 1;
			case "Phone" -> 2;
			default -> -1;
		};
	}

	/** Whether a recorded value says published; null when nothing was recorded. */
	private static Boolean published(String value) {
		if (value == null) {
			return null;
		}
		return switch (value.strip().toLowerCase(Locale.ROOT)) {
			case "oui", "yes", "true" -> Boolean.TRUE;
			case "non", "no", "false" -> Boolean.FALSE;
			default -> null;
		};
	}

}
