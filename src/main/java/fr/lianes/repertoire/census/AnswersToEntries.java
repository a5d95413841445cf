package fr.lianes.repertoire.census;

import java.util.List;
import java.util.Locale;

import fr.lianes.repertoire.directory.EntryCommands.ActorFields;
import fr.lianes.repertoire.directory.EntryCommands.ContactFields;
import fr.lianes.repertoire.directory.EntryCommands.PartnerFields;
import fr.lianes.repertoire.directory.EntryCommands.ProjectFields;
import fr.lianes.repertoire.directory.ProjectKind;
import fr.lianes.repertoire.directory.ProjectNature;
import fr.lianes.repertoire.directory.ProjectStatus;

/**
 * Checked answers turned into the directory's fields: trimmed, empty values null, digits
 * and years parsed, the questionnaire's keys ({@code c123}, {@code p123}) turned into
 * ids.
 */
final class AnswersToEntries {

	private AnswersToEntries() {
	}

	static ActorFields actor(StructureAnswers s) {
		return new ActorFields(s.name().strip(), Text.trimToNull(s.acronym()), s.actorType(),
				Text.trimToNull(Text.digits(s.siret())), upper(s.rna()), Text.trimToNull(s.addressLine()),
				Text.digits(s.postalCode()), s.communeInsee(), Text.trimToNull(s.website()), Text.trimToNull(s.email()),
				Text.trimToNull(s.phone()), Text.trimToNull(s.description()), year(s.foundingYear()), s.networks());
	}

	static List<ContactFields> contacts(List<ContactAnswers> contacts) {
		return contacts.stream()
			.map((c) -> new ContactFields(id(c.key(), 'c'), c.fullName().strip(), Text.trimToNull(c.role()),
					Text.trimToNull(c.email()), Text.trimToNull(c.phone()), c.publishName(), c.publishEmail(),
					c.publishPhone()))
			.toList();
	}

	static ProjectFields project(ProjectAnswers p) {
		return new ProjectFields(p.key(), id(p.key(), 'p'), p.title().strip(), ProjectKind.valueOf(p.kind()),
				ProjectNature.valueOf(p.nature()), ProjectStatus.valueOf(p.status()), Text.trimToNull(p.description()),
				p.localityLines(), p.funderLines(), year(p.startYear()), year(p.endYear()),
				Text.trimToNull(p.partnerAuthority()), p.countries(), p.domains(),
				p.partners()
					.stream()
					.map((partner) -> new PartnerFields(partner.name().strip(),
							partner.country().toUpperCase(Locale.ROOT), Text.trimToNull(partner.city())))
					.toList());
	}

	/** The id a questionnaire key names ("c" or "p" and the id), or null: a new item. */
	static Long id(String key, char prefix) {
		if (key == null || !key.matches(prefix + "[0-9]{1,18}")) {
			return null;
		}
		return Long.parseLong(key.substring(1));
	}

	private static String upper(String value) {
		String text = Text.trimToNull(value);
		return (text != null) ? text.toUpperCase(Locale.ROOT) : null;
	}

	private static Short year(String value) {
		return Text.isBlank(value) ? null : Short.valueOf(value.strip());
	}

}
