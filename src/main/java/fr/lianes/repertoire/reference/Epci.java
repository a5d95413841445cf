package fr.lianes.repertoire.reference;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * An inter-municipal body (métropole, communauté urbaine, d'agglomération or de
 * communes).
 */
@Entity
@Table(name = "epci")
public class Epci {

	@Id

	private String siren;

	private String name;

	private String nature;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "territory_id")
	private Territory territory;

	protected Epci() {
	}

	public String getSiren() {
		return this.siren;
	}

	public String getName() {
		return this.name;
	}

	public String getNature() {
		return this.nature;
	}

	public Territory getTerritory() {
		return this.territory;
	}

}
