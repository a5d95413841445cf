package fr.lianes.repertoire.directory.bulk;

import java.sql.Connection;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import fr.lianes.repertoire.directory.BulkWriter;
import fr.lianes.repertoire.directory.bulk.CopyWriter.Table;
import fr.lianes.repertoire.reference.Slugs;

/**
 * The {@link BulkWriter} of the database: ids handed out from the first free ones, slugs
 * unique among those already taken and those handed out, every row streamed with COPY
 * ({@link CopyWriter}). The caller's transaction holds the connection; the identities are
 * moved past the ids handed out once the rows are in.
 */
public final class CopyBulkWriter implements BulkWriter {

	/** The longest actor slug, as the directory's write path cuts it. */
	private static final int ACTOR_SLUG_LENGTH = 160;

	private static final int PROJECT_SLUG_LENGTH = 200;

	private final CopyWriter copy;

	private final Slugs.Unique actorSlugs = new Slugs.Unique(ACTOR_SLUG_LENGTH);

	private final Slugs.Unique projectSlugs = new Slugs.Unique(PROJECT_SLUG_LENGTH);

	/** Actor slugs handed out and not used yet. */
	private final Set<String> actorSlugsHandedOut = new HashSet<>();

	private final Set<String> countries = new HashSet<>();

	private long nextActorId;

	private long nextContactId;

	private long nextConsentId;

	private long nextPartnerId;

	private long nextProjectId;

	private int actors;

	private int projects;

	/**
	 * A writer on the transaction's connection.
	 * @param firstIds the first free id of each table with an identity
	 * @param takenActorSlugs the slugs of the actors and their old addresses
	 * @param takenProjectSlugs the slugs of the projects and their old addresses
	 */
	public CopyBulkWriter(Connection connection, FirstIds firstIds, Collection<String> takenActorSlugs,
			Collection<String> takenProjectSlugs) {
		this.copy = new CopyWriter(connection);
		this.nextActorId = firstIds.actor();
		this.nextContactId = firstIds.contact();
		this.nextConsentId = firstIds.consent();
		this.nextPartnerId = firstIds.partner();
		this.nextProjectId = firstIds.project();
		takenActorSlugs.forEach(this.actorSlugs::reserve);
		takenProjectSlugs.forEach(this.projectSlugs::reserve);
	}

	@Override
	public String actorSlug(String name) {
		String slug = this.actorSlugs.unique(name);
		this.actorSlugsHandedOut.add(slug);
		return slug;
	}

	@Override
	public long actor(Actor actor) {
		if (!this.actorSlugsHandedOut.remove(actor.slug())) {
			throw new IllegalArgumentException("The slug " + actor.slug() + " was not handed out for a new actor");
		}
		long id = this.nextActorId++;
		this.copy.row(Table.ACTOR, id, actor.slug(), actor.name(), actor.acronym(), actor.actorTypeCode(),
				actor.sirenSiret(), actor.rna(), actor.description(), actor.addressLine(), actor.postalCode(),
				actor.communeInsee(), actor.website(), actor.email(), actor.phone(), actor.foundingYear(),
				actor.status().name(), actor.publicationConsent(), actor.published(), actor.lastCensusCampaignId(),
				actor.lastCensusResponseAt(), actor.createdAt(), actor.updatedAt());
		this.actors++;
		return id;
	}

	@Override
	public void network(long actorId, int networkId) {
		this.copy.row(Table.ACTOR_NETWORK, actorId, networkId);
	}

	@Override
	public long contact(long actorId, Contact contact) {
		long id = this.nextContactId++;
		this.copy.row(Table.CONTACT_PERSON, id, actorId, contact.fullName(), contact.role(), contact.email(),
				contact.phone(), contact.position(), contact.createdAt(), contact.updatedAt());
		return id;
	}

	@Override
	public void consent(long contactId, Consent consent) {
		this.copy.row(Table.CONTACT_CONSENT, this.nextConsentId++, contactId, consent.field().name(), consent.granted(),
				consent.recordedAt(), consent.recordedBy(), consent.noticeVersion(), consent.channel().name());
	}

	@Override
	public long partner(String name, String countryIso2, String city) {
		long id = this.nextPartnerId++;
		this.copy.row(Table.PARTNER_ORGANISATION, id, name, countryIso2, city);
		return id;
	}

	@Override
	public long project(Project project) {
		long id = this.nextProjectId++;
		this.copy.row(Table.PROJECT, id, this.projectSlugs.unique(project.title()), project.title(),
				project.leadActorId(), project.kind().name(), project.nature().name(), project.description(),
				project.beneficiaries(), project.localities(), project.funders(), project.startYear(),
				project.endYear(), project.status().name(), project.budgetEur(), project.partnerAuthority(),
				project.signatureDate(), project.durationYears(), project.agreementAxes(), project.published(),
				project.createdAt(), project.updatedAt());
		for (Long actorId : distinct(project.otherActorIds())) {
			if (actorId != project.leadActorId()) {
				this.copy.row(Table.PROJECT_ACTOR, id, actorId);
			}
		}
		for (String iso2 : distinct(project.countries())) {
			this.copy.row(Table.PROJECT_COUNTRY, id, iso2);
			this.countries.add(iso2);
		}
		for (Integer domainId : distinct(project.domainIds())) {
			this.copy.row(Table.PROJECT_DOMAIN, id, domainId);
		}
		for (Long partnerId : distinct(project.partnerIds())) {
			this.copy.row(Table.PROJECT_PARTNER, id, partnerId);
		}
		this.projects++;
		return id;
	}

	/** Sends the rows still buffered. */
	public void flush() {
		this.copy.flush();
	}

	/** How many actors were written. */
	public int actors() {
		return this.actors;
	}

	/** How many projects were written. */
	public int projects() {
		return this.projects;
	}

	/** In how many distinct countries the projects written are. */
	public int countries() {
		return this.countries.size();
	}

	/** The list without repeats, in its order: primary keys forbid duplicates. */
	private static <T> List<T> distinct(List<T> values) {
		return values.stream().distinct().toList();
	}

	/**
	 * The first free id of each table whose ids the writer hands out.
	 *
	 * @param actor of {@code actor}
	 * @param contact of {@code contact_person}
	 * @param consent of {@code contact_consent}
	 * @param partner of {@code partner_organisation}
	 * @param project of {@code project}
	 */
	public record FirstIds(long actor, long contact, long consent, long partner, long project) {

	}

}
