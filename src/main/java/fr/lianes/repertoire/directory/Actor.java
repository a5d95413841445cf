package fr.lianes.repertoire.directory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import fr.lianes.repertoire.reference.ActorType;
import fr.lianes.repertoire.reference.Commune;
import fr.lianes.repertoire.reference.Epci;
import fr.lianes.repertoire.reference.Network;
import fr.lianes.repertoire.reference.Territory;
import fr.lianes.repertoire.search.SearchAnalyzers;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Highlightable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.pojo.automaticindexing.ReindexOnUpdate;
import org.hibernate.search.mapper.pojo.bridge.mapping.annotation.RoutingBinderRef;
import org.hibernate.search.mapper.pojo.bridge.mapping.annotation.TypeBinderRef;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexingDependency;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.ObjectPath;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.PropertyValue;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.TypeBinding;

/**
 * An organisation of the region engaged in international cooperation.
 * <p>
 * Indexed for the full-text search while published; {@link ActorProjectsBinder} adds what
 * the actor's public projects say (countries, domains, places, partners).
 */
@Entity
@Table(name = "actor")
@Indexed(index = "actor", routingBinder = @RoutingBinderRef(type = PublishedActorRoutingBinder.class))
@TypeBinding(binder = @TypeBinderRef(type = ActorProjectsBinder.class))
public class Actor extends TrackedEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "actor_id")
	// by blocks: inserts batch (db/migration/V26)
	@SequenceGenerator(name = "actor_id", sequenceName = "actor_id_seq", allocationSize = 50)
	private Long id;

	private String slug;

	@FullTextField(analyzer = SearchAnalyzers.FRENCH, searchAnalyzer = SearchAnalyzers.FRENCH_SEARCH,
			highlightable = Highlightable.ANY, projectable = Projectable.YES)
	@FullTextField(name = "name_prefix", analyzer = SearchAnalyzers.FRENCH_PREFIX,
			searchAnalyzer = SearchAnalyzers.FRENCH)
	@KeywordField(name = "name_sort", normalizer = SearchAnalyzers.SORT, sortable = Sortable.YES)
	private String name;

	@FullTextField(analyzer = SearchAnalyzers.FRENCH, searchAnalyzer = SearchAnalyzers.FRENCH_SEARCH)
	private String acronym;

	// Reference data: replacing the type reindexes the actor, editing the type does not.
	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "actor_type_code")
	@IndexingDependency(reindexOnUpdate = ReindexOnUpdate.SHALLOW)
	private ActorType type;

	/** SIREN (9 digits) or SIRET (14 digits). */
	private String sirenSiret;

	private String rna;

	@FullTextField(analyzer = SearchAnalyzers.FRENCH, searchAnalyzer = SearchAnalyzers.FRENCH_SEARCH,
			highlightable = Highlightable.ANY, projectable = Projectable.YES)
	private String description;

	private String addressLine;

	private String postalCode;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "commune_insee")
	@IndexingDependency(reindexOnUpdate = ReindexOnUpdate.SHALLOW)
	private Commune commune;

	private String website;

	private String email;

	private String phone;

	private Short foundingYear;

	@Enumerated(EnumType.STRING)
	@KeywordField(aggregable = Aggregable.YES)
	private ActorStatus status;

	private boolean publicationConsent;

	@GenericField
	private boolean published;

	private Integer lastCensusCampaignId;

	private Instant lastCensusResponseAt;

	@ManyToMany
	@JoinTable(name = "actor_network", joinColumns = @JoinColumn(name = "actor_id"),
			inverseJoinColumns = @JoinColumn(name = "network_id"))
	private Set<Network> networks = new LinkedHashSet<>();

	@OneToMany(mappedBy = "actor", cascade = CascadeType.ALL, orphanRemoval = true)
	@OrderBy("position")
	private List<ContactPerson> contacts = new ArrayList<>();

	/** The projects the actor leads (read-only side, kept for the search index). */
	@OneToMany(mappedBy = "leadActor")
	private Set<Project> ledProjects = new LinkedHashSet<>();

	/**
	 * The projects the actor takes part in (read-only side, kept for the search index).
	 */
	@ManyToMany(mappedBy = "otherActors")
	private Set<Project> joinedProjects = new LinkedHashSet<>();

	protected Actor() {
	}

	Actor(String slug, String name, ActorType type, Commune commune, ActorStatus status) {
		this.slug = slug;
		this.name = name;
		this.type = type;
		this.commune = commune;
		this.status = status;
	}

	/** Publishes the actor, which its consent allows. */
	void publish() {
		if (!this.publicationConsent) {
			throw new IllegalStateException("Actor " + this.slug + " has not consented to publication");
		}
		this.published = true;
	}

	void unpublish() {
		this.published = false;
	}

	void consentToPublication(boolean consent) {
		this.publicationConsent = consent;
		if (!consent) {
			this.published = false;
		}
	}

	public Long getId() {
		return this.id;
	}

	public String getSlug() {
		return this.slug;
	}

	public String getName() {
		return this.name;
	}

	void setName(String name) {
		this.name = name;
	}

	public String getAcronym() {
		return this.acronym;
	}

	void setAcronym(String acronym) {
		this.acronym = acronym;
	}

	public ActorType getType() {
		return this.type;
	}

	public String getSirenSiret() {
		return this.sirenSiret;
	}

	void setSirenSiret(String sirenSiret) {
		this.sirenSiret = sirenSiret;
	}

	public String getRna() {
		return this.rna;
	}

	void setRna(String rna) {
		this.rna = rna;
	}

	public String getDescription() {
		return this.description;
	}

	void setDescription(String description) {
		this.description = description;
	}

	public String getAddressLine() {
		return this.addressLine;
	}

	void setAddressLine(String addressLine) {
		this.addressLine = addressLine;
	}

	public String getPostalCode() {
		return this.postalCode;
	}

	void setPostalCode(String postalCode) {
		this.postalCode = postalCode;
	}

	public Commune getCommune() {
		return this.commune;
	}

	void setCommune(Commune commune) {
		this.commune = commune;
	}

	void setType(ActorType type) {
		this.type = type;
	}

	/** Notes that the actor answered the census (of this campaign, if any). */
	void recordCensusResponse(Integer campaignId, Instant at) {
		if (campaignId != null) {
			this.lastCensusCampaignId = campaignId;
		}
		this.lastCensusResponseAt = at;
	}

	public String getWebsite() {
		return this.website;
	}

	void setWebsite(String website) {
		this.website = website;
	}

	public String getEmail() {
		return this.email;
	}

	void setEmail(String email) {
		this.email = email;
	}

	public String getPhone() {
		return this.phone;
	}

	void setPhone(String phone) {
		this.phone = phone;
	}

	public Short getFoundingYear() {
		return this.foundingYear;
	}

	void setFoundingYear(Short foundingYear) {
		this.foundingYear = foundingYear;
	}

	public ActorStatus getStatus() {
		return this.status;
	}

	void setStatus(ActorStatus status) {
		this.status = status;
	}

	public boolean isPublicationConsent() {
		return this.publicationConsent;
	}

	public boolean isPublished() {
		return this.published;
	}

	public Integer getLastCensusCampaignId() {
		return this.lastCensusCampaignId;
	}

	public Instant getLastCensusResponseAt() {
		return this.lastCensusResponseAt;
	}

	public Set<Network> getNetworks() {
		return this.networks;
	}

	public List<ContactPerson> getContacts() {
		return this.contacts;
	}

	Set<Project> getLedProjects() {
		return this.ledProjects;
	}

	Set<Project> getJoinedProjects() {
		return this.joinedProjects;
	}

	@KeywordField(name = "type", aggregable = Aggregable.YES)
	@IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "type")))
	public String getTypeCode() {
		return this.type.getCode();
	}

	@FullTextField(name = "typeName", analyzer = SearchAnalyzers.FRENCH, searchAnalyzer = SearchAnalyzers.FRENCH_SEARCH)
	@IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "type")))
	public String getTypeName() {
		return this.type.getName();
	}

	@FullTextField(name = "commune", analyzer = SearchAnalyzers.FRENCH, searchAnalyzer = SearchAnalyzers.FRENCH_SEARCH)
	@IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "commune")))
	public String getCommuneName() {
		return this.commune.getName();
	}

	/** The territory of the actor's commune, if its EPCI belongs to one. */
	public Territory getTerritory() {
		Epci epci = this.commune.getEpci();
		return (epci != null) ? epci.getTerritory() : null;
	}

	@KeywordField(name = "territory", aggregable = Aggregable.YES)
	@IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "commune")))
	public String getTerritorySlug() {
		Territory territory = getTerritory();
		return (territory != null) ? territory.getSlug() : null;
	}

	@FullTextField(name = "territoryName", analyzer = SearchAnalyzers.FRENCH,
			searchAnalyzer = SearchAnalyzers.FRENCH_SEARCH)
	@IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "commune")))
	public String getTerritoryName() {
		Territory territory = getTerritory();
		return (territory != null) ? territory.getName() : null;
	}

}
