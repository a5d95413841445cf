package fr.lianes.repertoire.directory;

import java.time.Instant;
import java.util.List;

/**
 * Everything the public may see of an actor: only consented contact fields.
 */
public record ActorView(String slug, String name, String acronym, String typeName, ActorStatus status,
		String description, String addressLine, String postalCode, String communeName, Link territory,
		String sirenSiret, String rna, String website, String email, String phone, Short foundingYear,
		List<String> networks, List<PublicContact> contacts, List<ProjectRow> projects, List<Count> countries,
		List<Count> domains, Instant updatedAt) {

	/** A link to another page of the directory. */
	public record Link(String slug, String name) {

	}

	/** A country or domain with how many projects concern it. */
	public record Count(String key, String name, long projects) {

	}

	/**
	 * A contact person as published: a field is null unless its publication is consented.
	 */
	public record PublicContact(String name, String role, String email, String phone) {

	}

}
