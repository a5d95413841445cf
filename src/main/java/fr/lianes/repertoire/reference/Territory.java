package fr.lianes.repertoire.reference;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A named territory of the region (Métropole lilloise, Dunkerquois...), made of EPCI.
 */
@Entity
@Table(name = "territory")
public class Territory {

	@Id
	private Short id;

	private String slug;

	private String name;

	private short position;

	protected Territory() {
	}

	public Short getId() {
		return this.id;
	}

	public String getSlug() {
		return this.slug;
	}

	public String getName() {
		return this.name;
	}

	public short getPosition() {
		return this.position;
	}

}
