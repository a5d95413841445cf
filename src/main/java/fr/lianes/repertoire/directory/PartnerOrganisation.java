package fr.lianes.repertoire.directory;

import fr.lianes.repertoire.reference.Country;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * An organisation abroad that projects work with (local NGO, school, municipality...).
 */
@Entity
@Table(name = "partner_organisation")
public class PartnerOrganisation {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String name;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "country_iso2")
	private Country country;

	private String city;

	protected PartnerOrganisation() {
	}

	PartnerOrganisation(String name, Country country, String city) {
		this.name = name;
		this.country = country;
		this.city = city;
	}

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public Country getCountry() {
		return this.country;
	}

	public String getCity() {
		return this.city;
	}

}
