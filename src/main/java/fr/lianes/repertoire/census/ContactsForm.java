package fr.lianes.repertoire.census;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/** The contact persons step: the persons as listed on the page, blank blocks included. */
public record ContactsForm(@Size(max = 10, message = "{census.error.too-many}") List<@Valid ContactAnswers> contacts) {

	/**
	 * The persons as sent, without the one removed ({@code removedKey}, may be null),
	 * each with a key.
	 */
	List<ContactAnswers> without(String removedKey) {
		return this.contacts.stream()
			.filter((c) -> removedKey == null || !removedKey.equals(c.key()))
			.map((c) -> Text.isBlank(c.key()) ? new ContactAnswers(EntryAnswers.newKey(), c.fullName(), c.role(),
					c.email(), c.phone(), c.publishName(), c.publishEmail(), c.publishPhone()) : c)
			.toList();
	}

	public ContactsForm {
		contacts = (contacts != null) ? contacts.stream().filter((c) -> c != null && !c.isBlank()).toList() : List.of();
	}

}
