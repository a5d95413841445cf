package fr.lianes.repertoire.directory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Where a bulk load's entries go, parents before their children: an actor before its
 * contacts, networks and projects, a contact before its consents, a partner before the
 * projects it works on. The writer hands out the ids and the slugs; {@link BulkLoads}
 * gives one that streams the rows into the directory's tables.
 */
public interface BulkWriter {

	/**
	 * The slug of a new actor of that name, unique in the directory (its actors, their
	 * old addresses, and the slugs handed out before in this load), for
	 * {@link Actor#slug()}.
	 */
	String actorSlug(String name);

	/**
	 * Writes an actor.
	 * @return its id
	 * @throws IllegalArgumentException if its slug was not handed out by
	 * {@link #actorSlug(String)}, or was used already
	 */
	long actor(Actor actor);

	/** Makes the actor a member of the network. */
	void network(long actorId, int networkId);

	/**
	 * Writes a contact person of the actor.
	 * @return its id
	 */
	long contact(long actorId, Contact contact);

	/** Records what the contact person said about publishing one of their fields. */
	void consent(long contactId, Consent consent);

	/**
	 * Writes a partner organisation abroad, for the projects written after it.
	 * @return its id
	 */
	long partner(String name, String countryIso2, String city);

	/**
	 * Writes a project under a slug unique in the directory, with its other actors,
	 * countries, domains and partners (each once, in their order; the lead actor is not
	 * one of its other actors).
	 * @return its id
	 */
	long project(Project project);

	/**
	 * An actor's fields.
	 *
	 * @param slug from {@link BulkWriter#actorSlug(String)}
	 * @param name its name
	 * @param acronym its acronym, or null
	 * @param actorTypeCode the code of its type
	 * @param sirenSiret its SIREN or SIRET, or null
	 * @param rna its association number, or null
	 * @param description its description
	 * @param addressLine its street address
	 * @param postalCode its postal code
	 * @param communeInsee the INSEE code of its commune
	 * @param website its website, or null
	 * @param email its address, or null
	 * @param phone its phone number, or null
	 * @param foundingYear the year it was founded, or null
	 * @param status active, dormant or ceased
	 * @param publicationConsent whether it agreed to be published
	 * @param published whether it is published
	 * @param lastCensusCampaignId the campaign it last answered, or null
	 * @param lastCensusResponseAt when it answered it, or null
	 * @param createdAt creation time
	 * @param updatedAt last update time
	 */
	record Actor(String slug, String name, String acronym, String actorTypeCode, String sirenSiret, String rna,
			String description, String addressLine, String postalCode, String communeInsee, String website,
			String email, String phone, Integer foundingYear, ActorStatus status, boolean publicationConsent,
			boolean published, Integer lastCensusCampaignId, Instant lastCensusResponseAt, Instant createdAt,
			Instant updatedAt) {

	}

	/**
	 * A contact person's fields.
	 *
	 * @param fullName their name
	 * @param role their role in the actor
	 * @param email their address
	 * @param phone their phone number, or null
	 * @param position their rank among the actor's contacts, from 0
	 * @param createdAt creation time
	 * @param updatedAt last update time
	 */
	record Contact(String fullName, String role, String email, String phone, int position, Instant createdAt,
			Instant updatedAt) {

	}

	/**
	 * A contact person's answer about publishing one of their fields.
	 *
	 * @param field the name, address or phone number
	 * @param granted whether they agreed
	 * @param recordedAt when they said it
	 * @param recordedBy who recorded it
	 * @param noticeVersion the privacy notice they were shown
	 * @param channel how they said it
	 */
	record Consent(ConsentField field, boolean granted, Instant recordedAt, String recordedBy, String noticeVersion,
			ConsentChannel channel) {

	}

	/**
	 * A project's fields, with the ids of its lead actor, other actors, domains and
	 * partners already written.
	 *
	 * @param title its title, from which its slug is made
	 * @param leadActorId the actor that leads it
	 * @param kind its kind
	 * @param nature the nature of the action
	 * @param description its description
	 * @param beneficiaries who benefits, or null
	 * @param localities towns abroad
	 * @param funders funders' names
	 * @param startYear first year, or null
	 * @param endYear last year, or null
	 * @param status planned, ongoing or completed
	 * @param budgetEur budget in euros, or null
	 * @param partnerAuthority the foreign local authority of an agreement, or null
	 * @param signatureDate when the agreement was signed, or null
	 * @param durationYears how long the agreement runs, or null
	 * @param agreementAxes the agreement's axes
	 * @param published whether it is published
	 * @param createdAt creation time
	 * @param updatedAt last update time
	 * @param otherActorIds the other regional actors involved
	 * @param countries ISO2 codes of its countries
	 * @param domainIds ids of its sub-domains
	 * @param partnerIds its partner organisations abroad
	 */
	record Project(String title, long leadActorId, ProjectKind kind, ProjectNature nature, String description,
			String beneficiaries, List<String> localities, List<String> funders, Integer startYear, Integer endYear,
			ProjectStatus status, Long budgetEur, String partnerAuthority, LocalDate signatureDate,
			Integer durationYears, List<String> agreementAxes, boolean published, Instant createdAt, Instant updatedAt,
			List<Long> otherActorIds, List<String> countries, List<Integer> domainIds, List<Long> partnerIds) {

	}

}
