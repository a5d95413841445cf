package fr.lianes.repertoire.reference;

import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A domain of action (parent is null) or one of its sub-domains, the latter mapped to
 * OECD DAC purpose codes for IATI exports.
 */
@Entity
@Table(name = "domain")
public class Domain {

	@Id
	private Short id;

	private String slug;

	private String name;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "parent_id")
	private Domain parent;

	private short position;

	@ElementCollection(fetch = FetchType.LAZY)
	@CollectionTable(name = "domain_dac_sector", joinColumns = @JoinColumn(name = "domain_id"))
	@Column(name = "dac_code")
	private Set<String> dacCodes;

	protected Domain() {
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

	public Domain getParent() {
		return this.parent;
	}

	public short getPosition() {
		return this.position;
	}

	public Set<String> getDacCodes() {
		return this.dacCodes;
	}

}
