package fr.lianes.repertoire.directory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import fr.lianes.repertoire.reference.Country;
import fr.lianes.repertoire.reference.Domain;
import fr.lianes.repertoire.search.SearchAnalyzers;
import jakarta.persistence.Column;
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
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Highlightable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.pojo.automaticindexing.ReindexOnUpdate;
import org.hibernate.search.mapper.pojo.bridge.mapping.annotation.RoutingBinderRef;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexingDependency;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.ObjectPath;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.PropertyValue;
import org.hibernate.type.SqlTypes;

/**
 * An action of a regional actor: a cooperation project abroad, a
 * decentralised-cooperation agreement, or a development-education action in the region.
 */
@Entity
@Table(name = "project")
@Indexed(index = "project", routingBinder = @RoutingBinderRef(type = PublicProjectRoutingBinder.class))
public class Project extends TrackedEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "project_id")
	// by blocks: inserts batch (db/migration/V26)
	@SequenceGenerator(name = "project_id", sequenceName = "project_id_seq", allocationSize = 50)
	private Long id;

	@KeywordField(projectable = Projectable.YES)
	private String slug;

	@FullTextField(analyzer = SearchAnalyzers.FRENCH, searchAnalyzer = SearchAnalyzers.FRENCH_SEARCH,
			highlightable = Highlightable.ANY, projectable = Projectable.YES)
	@FullTextField(name = "title_prefix", analyzer = SearchAnalyzers.FRENCH_PREFIX,
			searchAnalyzer = SearchAnalyzers.FRENCH)
	@KeywordField(name = "title_sort", normalizer = SearchAnalyzers.SORT, sortable = Sortable.YES)
	private String title;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "lead_actor_id")
	private Actor leadActor;

	@ManyToMany
	@JoinTable(name = "project_actor", joinColumns = @JoinColumn(name = "project_id"),
			inverseJoinColumns = @JoinColumn(name = "actor_id"))
	private Set<Actor> otherActors = new LinkedHashSet<>();

	@Enumerated(EnumType.STRING)
	@KeywordField(aggregable = Aggregable.YES)
	private ProjectKind kind;

	@Enumerated(EnumType.STRING)
	private ProjectNature nature;

	@FullTextField(analyzer = SearchAnalyzers.FRENCH, searchAnalyzer = SearchAnalyzers.FRENCH_SEARCH,
			highlightable = Highlightable.ANY, projectable = Projectable.YES)
	private String description;

	private String beneficiaries;

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(columnDefinition = "varchar(120)[]")
	private List<String> localities = new ArrayList<>();

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(columnDefinition = "varchar(150)[]")
	private List<String> funders = new ArrayList<>();

	private Short startYear;

	private Short endYear;

	@Enumerated(EnumType.STRING)
	@KeywordField(aggregable = Aggregable.YES)
	private ProjectStatus status;

	@Column(name = "budget_eur")
	private BigDecimal budgetEur;

	private String partnerAuthority;

	private LocalDate signatureDate;

	private Short durationYears;

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(columnDefinition = "varchar(300)[]")
	private List<String> agreementAxes = new ArrayList<>();

	@ManyToMany
	@JoinTable(name = "project_country", joinColumns = @JoinColumn(name = "project_id"),
			inverseJoinColumns = @JoinColumn(name = "country_iso2"))
	@IndexingDependency(reindexOnUpdate = ReindexOnUpdate.SHALLOW)
	private Set<Country> countries = new LinkedHashSet<>();

	@ManyToMany
	@JoinTable(name = "project_domain", joinColumns = @JoinColumn(name = "project_id"),
			inverseJoinColumns = @JoinColumn(name = "domain_id"))
	@IndexingDependency(reindexOnUpdate = ReindexOnUpdate.SHALLOW)
	private Set<Domain> domains = new LinkedHashSet<>();

	@ManyToMany
	@JoinTable(name = "project_partner", joinColumns = @JoinColumn(name = "project_id"),
			inverseJoinColumns = @JoinColumn(name = "partner_id"))
	@IndexingDependency(reindexOnUpdate = ReindexOnUpdate.SHALLOW)
	private Set<PartnerOrganisation> partners = new LinkedHashSet<>();

	@GenericField
	private boolean published;

	protected Project() {
	}

	Project(String slug, String title, Actor leadActor, ProjectKind kind, ProjectNature nature, ProjectStatus status) {
		this.slug = slug;
		this.title = title;
		this.leadActor = leadActor;
		this.kind = kind;
		this.nature = nature;
		this.status = status;
		// both sides of the association, in this session too: the lead actor's search
		// document is built from its projects when the transaction commits
		leadActor.getLedProjects().add(this);
	}

	void publish() {
		this.published = true;
	}

	void unpublish() {
		this.published = false;
	}

	void setKind(ProjectKind kind) {
		this.kind = kind;
	}

	void setNature(ProjectNature nature) {
		this.nature = nature;
	}

	void setStatus(ProjectStatus status) {
		this.status = status;
	}

	void setLocalities(List<String> localities) {
		this.localities = new ArrayList<>(localities);
	}

	void setFunders(List<String> funders) {
		this.funders = new ArrayList<>(funders);
	}

	void setPartnerAuthority(String partnerAuthority) {
		this.partnerAuthority = partnerAuthority;
	}

	public Long getId() {
		return this.id;
	}

	public String getSlug() {
		return this.slug;
	}

	public String getTitle() {
		return this.title;
	}

	void setTitle(String title) {
		this.title = title;
	}

	public Actor getLeadActor() {
		return this.leadActor;
	}

	/** The other regional actors involved (change them with {@link #addOtherActor}). */
	public Set<Actor> getOtherActors() {
		return Collections.unmodifiableSet(this.otherActors);
	}

	/** Another regional actor takes part, both sides of the association updated. */
	void addOtherActor(Actor actor) {
		if (!actor.equals(this.leadActor) && this.otherActors.add(actor)) {
			actor.getJoinedProjects().add(this);
		}
	}

	/** A regional actor no longer takes part, both sides of the association updated. */
	void removeOtherActor(Actor actor) {
		if (this.otherActors.remove(actor)) {
			actor.getJoinedProjects().remove(this);
		}
	}

	public ProjectKind getKind() {
		return this.kind;
	}

	public ProjectNature getNature() {
		return this.nature;
	}

	public String getDescription() {
		return this.description;
	}

	void setDescription(String description) {
		this.description = description;
	}

	public String getBeneficiaries() {
		return this.beneficiaries;
	}

	void setBeneficiaries(String beneficiaries) {
		this.beneficiaries = beneficiaries;
	}

	public List<String> getLocalities() {
		return this.localities;
	}

	public List<String> getFunders() {
		return this.funders;
	}

	public Short getStartYear() {
		return this.startYear;
	}

	public Short getEndYear() {
		return this.endYear;
	}

	void setYears(Short startYear, Short endYear) {
		this.startYear = startYear;
		this.endYear = endYear;
	}

	public ProjectStatus getStatus() {
		return this.status;
	}

	public BigDecimal getBudgetEur() {
		return this.budgetEur;
	}

	void setBudgetEur(BigDecimal budgetEur) {
		this.budgetEur = budgetEur;
	}

	public String getPartnerAuthority() {
		return this.partnerAuthority;
	}

	public LocalDate getSignatureDate() {
		return this.signatureDate;
	}

	public Short getDurationYears() {
		return this.durationYears;
	}

	public List<String> getAgreementAxes() {
		return this.agreementAxes;
	}

	/** The terms of a decentralised-cooperation agreement. */
	void setAgreement(String partnerAuthority, LocalDate signatureDate, Short durationYears, List<String> axes) {
		this.partnerAuthority = partnerAuthority;
		this.signatureDate = signatureDate;
		this.durationYears = durationYears;
		this.agreementAxes = new ArrayList<>(axes);
	}

	public Set<Country> getCountries() {
		return this.countries;
	}

	public Set<Domain> getDomains() {
		return this.domains;
	}

	public Set<PartnerOrganisation> getPartners() {
		return this.partners;
	}

	public boolean isPublished() {
		return this.published;
	}

	/**
	 * Whether the public may see the project: published, and led by a published actor.
	 */
	public boolean isPublic() {
		return this.published && this.leadActor.isPublished();
	}

	@KeywordField(name = "countries", aggregable = Aggregable.YES)
	@IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "countries")))
	public Set<String> getCountryCodes() {
		return collect(this.countries.stream().map(Country::getIso2).toList());
	}

	@FullTextField(name = "countryNames", analyzer = SearchAnalyzers.FRENCH,
			searchAnalyzer = SearchAnalyzers.FRENCH_SEARCH)
	@IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "countries")))
	public Set<String> getCountryNames() {
		return collect(this.countries.stream().map(Country::getNameFr).toList());
	}

	/**
	 * The slugs of the project's domains and sub-domains, each with its parent domain.
	 */
	@KeywordField(name = "domains", aggregable = Aggregable.YES)
	@IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "domains")))
	public Set<String> getDomainSlugs() {
		return collect(withParents().stream().map(Domain::getSlug).toList());
	}

	@FullTextField(name = "domainNames", analyzer = SearchAnalyzers.FRENCH,
			searchAnalyzer = SearchAnalyzers.FRENCH_SEARCH)
	@IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "domains")))
	public Set<String> getDomainNames() {
		return collect(withParents().stream().map(Domain::getName).toList());
	}

	/**
	 * Where the project works, as searched: its localities, then the towns of its
	 * partners not among them.
	 */
	@FullTextField(name = "localities", analyzer = SearchAnalyzers.FRENCH,
			searchAnalyzer = SearchAnalyzers.FRENCH_SEARCH, highlightable = Highlightable.ANY)
	@IndexingDependency(derivedFrom = { @ObjectPath(@PropertyValue(propertyName = "localities")),
			@ObjectPath(@PropertyValue(propertyName = "partners")) })
	public Set<String> getPlaces() {
		Set<String> places = new LinkedHashSet<>();
		Set<String> seen = new HashSet<>();
		List<String> all = new ArrayList<>(this.localities);
		this.partners.forEach((partner) -> all.add(partner.getCity()));
		for (String place : all) {
			if (place != null && !place.isBlank() && seen.add(place.strip().toLowerCase(Locale.ROOT))) {
				places.add(place.strip());
			}
		}
		return places;
	}

	/** The partner organisations abroad and, for an agreement, the partner authority. */
	@FullTextField(name = "partners", analyzer = SearchAnalyzers.FRENCH, searchAnalyzer = SearchAnalyzers.FRENCH_SEARCH,
			highlightable = Highlightable.ANY)
	@IndexingDependency(derivedFrom = { @ObjectPath(@PropertyValue(propertyName = "partners")),
			@ObjectPath(@PropertyValue(propertyName = "partnerAuthority")) })
	public Set<String> getPartnerNames() {
		List<String> names = new ArrayList<>();
		this.partners.forEach((partner) -> names.add(partner.getName()));
		names.add(this.partnerAuthority);
		return collect(names);
	}

	@FullTextField(name = "leadActor", analyzer = SearchAnalyzers.FRENCH,
			searchAnalyzer = SearchAnalyzers.FRENCH_SEARCH)
	@IndexingDependency(derivedFrom = {
			@ObjectPath({ @PropertyValue(propertyName = "leadActor"), @PropertyValue(propertyName = "name") }),
			@ObjectPath({ @PropertyValue(propertyName = "leadActor"), @PropertyValue(propertyName = "acronym") }) })
	public Set<String> getLeadActorNames() {
		return collect(List.of(this.leadActor.getName(), Objects.toString(this.leadActor.getAcronym(), "")));
	}

	/**
	 * The identifiers of the regional actors taking part (the lead actor first), so that
	 * a list of actors can say which of their projects the words were found in.
	 */
	@KeywordField(name = "actors", projectable = Projectable.YES)
	@IndexingDependency(derivedFrom = { @ObjectPath(@PropertyValue(propertyName = "leadActor")),
			@ObjectPath(@PropertyValue(propertyName = "otherActors")) })
	public List<String> getActorIds() {
		List<String> ids = new ArrayList<>();
		ids.add(String.valueOf(this.leadActor.getId()));
		this.otherActors.forEach((actor) -> ids.add(String.valueOf(actor.getId())));
		return ids;
	}

	@KeywordField(name = "type", aggregable = Aggregable.YES)
	@IndexingDependency(derivedFrom = @ObjectPath({ @PropertyValue(propertyName = "leadActor"),
			@PropertyValue(propertyName = "type") }))
	public String getLeadActorTypeCode() {
		return this.leadActor.getTypeCode();
	}

	@KeywordField(name = "territory", aggregable = Aggregable.YES)
	@IndexingDependency(derivedFrom = @ObjectPath({ @PropertyValue(propertyName = "leadActor"),
			@PropertyValue(propertyName = "commune") }))
	public String getLeadActorTerritorySlug() {
		return this.leadActor.getTerritorySlug();
	}

	@FullTextField(name = "territoryName", analyzer = SearchAnalyzers.FRENCH,
			searchAnalyzer = SearchAnalyzers.FRENCH_SEARCH)
	@IndexingDependency(derivedFrom = @ObjectPath({ @PropertyValue(propertyName = "leadActor"),
			@PropertyValue(propertyName = "commune") }))
	public String getLeadActorTerritoryName() {
		return this.leadActor.getTerritoryName();
	}

	private Set<Domain> withParents() {
		Set<Domain> all = new LinkedHashSet<>();
		for (Domain domain : this.domains) {
			all.add(domain);
			if (domain.getParent() != null) {
				all.add(domain.getParent());
			}
		}
		return all;
	}

	private static Set<String> collect(List<String> values) {
		Set<String> set = new TreeSet<>();
		values.stream().filter((value) -> value != null && !value.isBlank()).forEach(set::add);
		return set;
	}

}
