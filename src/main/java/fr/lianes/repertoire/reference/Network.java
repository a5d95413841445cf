package fr.lianes.repertoire.reference;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A network or collective actors belong to (Lianes coopération, COSIM...).
 */
@Entity
@Table(name = "network")
public class Network {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Integer id;

	private String slug;

	private String name;

	protected Network() {
	}

	public Integer getId() {
		return this.id;
	}

	public String getSlug() {
		return this.slug;
	}

	public String getName() {
		return this.name;
	}

}
