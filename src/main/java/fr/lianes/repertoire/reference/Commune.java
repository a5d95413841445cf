package fr.lianes.repertoire.reference;

import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A commune of Hauts-de-France, by its INSEE code.
 */
@Entity
@Table(name = "commune")
public class Commune {

	@Id

	private String inseeCode;

	private String name;

	private String departementCode;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "epci_siren")
	private Epci epci;

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(columnDefinition = "varchar(6)[]")
	private List<String> postalCodes;

	private Integer population;

	protected Commune() {
	}

	public String getInseeCode() {
		return this.inseeCode;
	}

	public String getName() {
		return this.name;
	}

	public String getDepartementCode() {
		return this.departementCode;
	}

	public Epci getEpci() {
		return this.epci;
	}

	public List<String> getPostalCodes() {
		return this.postalCodes;
	}

	public Integer getPopulation() {
		return this.population;
	}

}
