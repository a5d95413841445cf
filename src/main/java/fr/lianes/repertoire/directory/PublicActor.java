package fr.lianes.repertoire.directory;

import java.time.Instant;
import java.util.List;

/**
 * A published actor as every output gives it: what its public page shows, contact persons
 * reduced to their consented fields ({@link PublicContacts}).
 *
 * @param typeCode the actor type's code ({@code ?type=})
 * @param iatiOrganisationType the IATI organisation type of the actor type
 * @param communeInsee the INSEE code of its commune
 * @param countries ISO alpha-2 codes of the countries of its public projects
 * @param domains slugs of the domains (top level) of its public projects
 * @param projects slugs of its public projects, led or joined
 */
public record PublicActor(String slug, String name, String acronym, String typeCode, String typeName,
		String iatiOrganisationType, ActorStatus status, String description, String addressLine, String postalCode,
		String communeInsee, String communeName, String departementCode, String territorySlug, String territoryName,
		String sirenSiret, String rna, String website, String email, String phone, Short foundingYear,
		List<String> networks, List<String> countries, List<String> domains, List<String> projects,
		List<ActorView.PublicContact> contacts, Instant createdAt, Instant updatedAt) {

}
