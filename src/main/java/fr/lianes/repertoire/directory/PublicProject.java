package fr.lianes.repertoire.directory;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A public project (published, led by a published actor) as every output gives it.
 *
 * @param lead the lead actor, published
 * @param otherActors the other regional actors involved that are published
 * @param countries ISO alpha-2 codes
 * @param domains the domains and sub-domains it is classified in, with their OECD DAC
 * codes
 */
public record PublicProject(String slug, String title, Lead lead, List<ActorView.Link> otherActors, ProjectKind kind,
		ProjectNature nature, ProjectStatus status, String description, String beneficiaries, List<String> localities,
		List<String> funders, Short startYear, Short endYear, BigDecimal budgetEur, String partnerAuthority,
		LocalDate signatureDate, Short durationYears, List<String> agreementAxes, List<String> countries,
		List<Domain> domains, List<Partner> partners, Instant createdAt, Instant updatedAt) {

	/** The lead actor with what an IATI file needs to name it. */
	public record Lead(String slug, String name, String sirenSiret, String rna, String iatiOrganisationType) {

	}

	/** A partner organisation abroad. */
	public record Partner(String name, String city, String countryIso2) {

	}

	/** A domain or sub-domain of the project. */
	public record Domain(String slug, String name, String parentSlug, List<String> dacCodes) {

	}

}
