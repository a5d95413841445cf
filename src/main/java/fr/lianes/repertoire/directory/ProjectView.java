package fr.lianes.repertoire.directory;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything the public may see of a project.
 */
public record ProjectView(String slug, String title, ActorView.Link lead, List<ActorView.Link> otherActors,
		ProjectKind kind, ProjectNature nature, ProjectStatus status, String description, String beneficiaries,
		List<String> localities, List<String> funders, Short startYear, Short endYear, BigDecimal budgetEur,
		String partnerAuthority, LocalDate signatureDate, Short durationYears, List<String> agreementAxes,
		List<ActorView.Link> countries, List<DomainLink> domains, List<Partner> partners, Instant updatedAt) {

	public boolean isAgreement() {
		return this.kind == ProjectKind.DECENTRALISED_COOPERATION;
	}

	/** A sub-domain with the domain it belongs to. */
	public record DomainLink(String slug, String name, String parentName) {

	}

	/** A partner organisation abroad. */
	public record Partner(String name, String city, String countryName) {

	}

}
