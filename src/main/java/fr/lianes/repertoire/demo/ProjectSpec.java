package fr.lianes.repertoire.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One project to write, with the ids of its domains, partner organisations and other
 * regional actors already known.
 *
 * @param title the title, from which the slug is made
 * @param leadActorId the lead actor
 * @param kind COOPERATION, DECENTRALISED_COOPERATION or DEVELOPMENT_EDUCATION
 * @param nature the nature of the action
 * @param description the description
 * @param beneficiaries who benefits, or null
 * @param localities towns abroad
 * @param funders funders' names
 * @param startYear first year, or null
 * @param endYear last year, or null
 * @param status PLANNED, ONGOING or COMPLETED
 * @param budget budget in euros, or null
 * @param agreement the agreement details of a decentralised cooperation, or null
 * @param countries ISO2 codes, at least one
 * @param domainIds sub-domain ids, at least one
 * @param partnerIds partner organisations abroad
 * @param otherActorIds other regional actors involved
 * @param createdAt creation time
 * @param updatedAt last update time
 */
record ProjectSpec(String title, long leadActorId, String kind, String nature, String description, String beneficiaries,
		List<String> localities, List<String> funders, Integer startYear, Integer endYear, String status, Long budget,
		Agreement agreement, List<String> countries, List<Integer> domainIds, List<Long> partnerIds,
		List<Long> otherActorIds, Instant createdAt, Instant updatedAt) {

	/**
	 * What a decentralised-cooperation agreement adds.
	 * 
	 * @param partnerAuthority the foreign local authority
	 * @param signatureDate when it was signed, or null
	 * @param durationYears how long it runs, or null
	 * @param axes its axes
	 */
	record Agreement(String partnerAuthority, LocalDate signatureDate, Integer durationYears, List<String> axes) {

	}

}
