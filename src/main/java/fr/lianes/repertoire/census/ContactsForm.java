package fr.lianes.repertoire.census;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/** The contact persons step: the persons as listed on the page, blank blocks included. */
public record ContactsForm(@Size(max = 10, message = "{census.error.too-many}") List<@Valid ContactAnswers> contacts) {

	public ContactsForm {
		contacts = (contacts != null) ? contacts.stream().filter((c) -> c != null && !c.isBlank()).toList() : List.of();
	}

}
