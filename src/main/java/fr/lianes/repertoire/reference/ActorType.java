package fr.lianes.repertoire.reference;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * What kind of organisation an actor is (association, school, commune...), mapped to an
 * IATI organisation type.
 */
@Entity
@Table(name = "actor_type")
public class ActorType {

	@Id
	private String code;

	private String name;

	@Enumerated(EnumType.STRING)
	private ActorFamily family;

	private String iatiOrgType;

	private short position;

	protected ActorType() {
	}

	public String getCode() {
		return this.code;
	}

	public String getName() {
		return this.name;
	}

	public ActorFamily getFamily() {
		return this.family;
	}

	public String getIatiOrgType() {
		return this.iatiOrgType;
	}

	public short getPosition() {
		return this.position;
	}

}
