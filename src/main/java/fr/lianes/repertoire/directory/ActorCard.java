package fr.lianes.repertoire.directory;

import java.time.OffsetDateTime;

/**
 * What a moderator compares of two actors suspected to be the same structure.
 *
 * @param projects the projects it leads or takes part in
 * @param contacts its contact persons
 */
public record ActorCard(long id, String slug, String name, String acronym, String typeName, String communeInsee,
		String communeName, String sirenSiret, String rna, String status, boolean published, int version,
		String addressLine, String postalCode, String website, String email, String phone, Short foundingYear,
		String description, int projects, int contacts, OffsetDateTime updatedAt) {
}
