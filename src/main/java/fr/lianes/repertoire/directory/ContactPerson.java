package fr.lianes.repertoire.directory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * A person to contact at an actor. Each of their fields is public only while the person's
 * latest recorded consent for that field says so.
 */
@Entity
@Table(name = "contact_person")
public class ContactPerson extends TrackedEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "contact_person_id")
	// by blocks: inserts batch (db/migration/V26)
	@SequenceGenerator(name = "contact_person_id", sequenceName = "contact_person_id_seq", allocationSize = 50)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "actor_id")
	private Actor actor;

	private String fullName;

	private String role;

	private String email;

	private String phone;

	private short position;

	@OneToMany(mappedBy = "contactPerson", cascade = CascadeType.ALL, orphanRemoval = true)
	private List<ContactConsent> consents = new ArrayList<>();

	protected ContactPerson() {
	}

	ContactPerson(Actor actor, String fullName, String role, String email, String phone, short position) {
		this.actor = actor;
		this.fullName = fullName;
		this.role = role;
		this.email = email;
		this.phone = phone;
		this.position = position;
	}

	/** Changes the person's details and place in the actor's list. */
	void update(String fullName, String role, String email, String phone, short position) {
		this.fullName = fullName;
		this.role = role;
		this.email = email;
		this.phone = phone;
		this.position = position;
	}

	/** Records a consent given or withdrawn; the history is kept. */
	ContactConsent recordConsent(ConsentField field, boolean granted, String recordedBy, String noticeVersion,
			ConsentChannel channel, Instant recordedAt) {
		ContactConsent consent = new ContactConsent(this, field, granted, recordedBy, noticeVersion, channel,
				recordedAt);
		this.consents.add(consent);
		return consent;
	}

	/** Whether the latest consent recorded for this field grants publication. */
	public boolean isPublic(ConsentField field) {
		return this.consents.stream()
			.filter((consent) -> consent.getField() == field)
			.max(Comparator.comparing(ContactConsent::getRecordedAt))
			.map(ContactConsent::isGranted)
			.orElse(false);
	}

	public Long getId() {
		return this.id;
	}

	public Actor getActor() {
		return this.actor;
	}

	public String getFullName() {
		return this.fullName;
	}

	public String getRole() {
		return this.role;
	}

	public String getEmail() {
		return this.email;
	}

	public String getPhone() {
		return this.phone;
	}

	public short getPosition() {
		return this.position;
	}

	public List<ContactConsent> getConsents() {
		return this.consents;
	}

}
