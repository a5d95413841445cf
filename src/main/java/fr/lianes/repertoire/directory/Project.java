package fr.lianes.repertoire.directory;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import fr.lianes.repertoire.reference.Country;
import fr.lianes.repertoire.reference.Domain;
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
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An action of a regional actor: a cooperation project abroad, a
 * decentralised-cooperation agreement, or a development-education action in the region.
 */
@Entity
@Table(name = "project")
public class Project {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Version
	private int version;

	private String slug;

	private String title;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "lead_actor_id")
	private Actor leadActor;

	@ManyToMany
	@JoinTable(name = "project_actor", joinColumns = @JoinColumn(name = "project_id"),
			inverseJoinColumns = @JoinColumn(name = "actor_id"))
	private Set<Actor> otherActors = new LinkedHashSet<>();

	@Enumerated(EnumType.STRING)
	private ProjectKind kind;

	@Enumerated(EnumType.STRING)
	private ProjectNature nature;

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
	private Set<Country> countries = new LinkedHashSet<>();

	@ManyToMany
	@JoinTable(name = "project_domain", joinColumns = @JoinColumn(name = "project_id"),
			inverseJoinColumns = @JoinColumn(name = "domain_id"))
	private Set<Domain> domains = new LinkedHashSet<>();

	@ManyToMany
	@JoinTable(name = "project_partner", joinColumns = @JoinColumn(name = "project_id"),
			inverseJoinColumns = @JoinColumn(name = "partner_id"))
	private Set<PartnerOrganisation> partners = new LinkedHashSet<>();

	private boolean published;

	private Instant createdAt;

	private Instant updatedAt;

	protected Project() {
	}

	public Project(String slug, String title, Actor leadActor, ProjectKind kind, ProjectNature nature,
			ProjectStatus status) {
		this.slug = slug;
		this.title = title;
		this.leadActor = leadActor;
		this.kind = kind;
		this.nature = nature;
		this.status = status;
	}

	@PrePersist
	@PreUpdate
	void touch() {
		Instant now = Instant.now();
		if (this.createdAt == null) {
			this.createdAt = now;
		}
		this.updatedAt = now;
	}

	public void publish() {
		this.published = true;
	}

	public void unpublish() {
		this.published = false;
	}

	public Long getId() {
		return this.id;
	}

	public int getVersion() {
		return this.version;
	}

	public String getSlug() {
		return this.slug;
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public Actor getLeadActor() {
		return this.leadActor;
	}

	public Set<Actor> getOtherActors() {
		return this.otherActors;
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

	public void setDescription(String description) {
		this.description = description;
	}

	public String getBeneficiaries() {
		return this.beneficiaries;
	}

	public void setBeneficiaries(String beneficiaries) {
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

	public void setYears(Short startYear, Short endYear) {
		this.startYear = startYear;
		this.endYear = endYear;
	}

	public ProjectStatus getStatus() {
		return this.status;
	}

	public BigDecimal getBudgetEur() {
		return this.budgetEur;
	}

	public void setBudgetEur(BigDecimal budgetEur) {
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
	public void setAgreement(String partnerAuthority, LocalDate signatureDate, Short durationYears, List<String> axes) {
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

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

}
