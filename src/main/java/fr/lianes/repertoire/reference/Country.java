package fr.lianes.repertoire.reference;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A country or territory of ISO 3166-1, with its UN M49 region.
 */
@Entity
@Table(name = "country")
public class Country {

	@Id

	private String iso2;

	private String iso3;

	private String numericCode;

	private String nameFr;

	private String regionCode;

	private String regionFr;

	private String subregionCode;

	private String subregionFr;

	private String continentFr;

	private boolean euMember;

	protected Country() {
	}

	public String getIso2() {
		return this.iso2;
	}

	public String getIso3() {
		return this.iso3;
	}

	public String getNumericCode() {
		return this.numericCode;
	}

	public String getNameFr() {
		return this.nameFr;
	}

	public String getRegionFr() {
		return this.regionFr;
	}

	public String getSubregionFr() {
		return this.subregionFr;
	}

	public String getContinentFr() {
		return this.continentFr;
	}

	public boolean isEuMember() {
		return this.euMember;
	}

}
