package fr.lianes.repertoire.directory;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * One consent given or withdrawn for one field of a contact person: who recorded it,
 * when, under which version of the privacy notice and through which channel. Never
 * updated, only appended.
 */
@Entity
@Table(name = "contact_consent")
public class ContactConsent {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "contact_consent_id")
	// by blocks: inserts batch (db/migration/V26)
	@SequenceGenerator(name = "contact_consent_id", sequenceName = "contact_consent_id_seq", allocationSize = 50)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "contact_person_id")
	private ContactPerson contactPerson;

	@Enumerated(EnumType.STRING)
	private ConsentField field;

	private boolean granted;

	private Instant recordedAt;

	private String recordedBy;

	private String noticeVersion;

	@Enumerated(EnumType.STRING)
	private ConsentChannel channel;

	protected ContactConsent() {
	}

	ContactConsent(ContactPerson contactPerson, ConsentField field, boolean granted, String recordedBy,
			String noticeVersion, ConsentChannel channel, Instant recordedAt) {
		this.contactPerson = contactPerson;
		this.field = field;
		this.granted = granted;
		this.recordedAt = recordedAt;
		this.recordedBy = recordedBy;
		this.noticeVersion = noticeVersion;
		this.channel = channel;
	}

	public ConsentField getField() {
		return this.field;
	}

	public boolean isGranted() {
		return this.granted;
	}

	public Instant getRecordedAt() {
		return this.recordedAt;
	}

	public String getRecordedBy() {
		return this.recordedBy;
	}

	public String getNoticeVersion() {
		return this.noticeVersion;
	}

	public ConsentChannel getChannel() {
		return this.channel;
	}

}
