package fr.lianes.repertoire.directory;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the directory holds about an address: the contact persons with it and their
 * consents, the actors whose public address it is, the consents kept after an erasure.
 */
@Service
public class DirectoryRecords {

	/** A consent recorded for one field of a contact person. */
	public record ConsentKept(String field, boolean granted, OffsetDateTime recordedAt, String recordedBy,
			String noticeVersion, String channel, OffsetDateTime erasedAt) {
	}

	/** A contact person with the address, at an actor. */
	public record ContactKept(String actor, String fullName, String role, String email, String phone,
			List<ConsentKept> consents) {
	}

	/** An actor whose own (public) address it is. */
	public record ActorKept(String name, String email, String phone, boolean published) {
	}

	public record KeptAbout(List<ContactKept> contacts, List<ActorKept> actors, List<ConsentKept> erasedConsents) {
	}

	private static final String CONSENT_COLUMNS = "field, granted, recorded_at, recorded_by, notice_version, channel, erased_at";

	private final JdbcClient jdbc;

	DirectoryRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public KeptAbout keptAbout(String email) {
		List<ContactKept> contacts = this.jdbc.sql("""
				select p.id, a.name as actor, p.full_name, p.role, p.email, p.phone
				from contact_person p join actor a on a.id = p.actor_id
				where lower(p.email) = lower(:email) order by p.id""")
			.param("email", email)
			.query((rs, row) -> new ContactKept(rs.getString("actor"), rs.getString("full_name"), rs.getString("role"),
					rs.getString("email"), rs.getString("phone"), consentsOf(rs.getLong("id"))))
			.list();
		List<ActorKept> actors = this.jdbc.sql("""
				select name, email, phone, published from actor where lower(email) = lower(:email) order by id""")
			.param("email", email)
			.query((rs, row) -> new ActorKept(rs.getString("name"), rs.getString("email"), rs.getString("phone"),
					rs.getBoolean("published")))
			.list();
		List<ConsentKept> erased = this.jdbc.sql("select " + CONSENT_COLUMNS + """
				 from contact_consent
				where erased_email_hash = sha256(convert_to(lower(:email), 'UTF8')) order by recorded_at, id""")
			.param("email", email)
			.query((rs, row) -> consent(rs))
			.list();
		return new KeptAbout(contacts, actors, erased);
	}

	/**
	 * Deletes the consents kept as proof after an erasure before this time.
	 * @return how many were deleted
	 */
	@Transactional
	public int purgeErasedConsentsBefore(OffsetDateTime before) {
		return this.jdbc.sql("delete from contact_consent where contact_person_id is null and erased_at < :before")
			.param("before", before)
			.update();
	}

	private List<ConsentKept> consentsOf(long contactPersonId) {
		return this.jdbc
			.sql("select " + CONSENT_COLUMNS
					+ " from contact_consent where contact_person_id = ? order by recorded_at, id")
			.param(contactPersonId)
			.query((rs, row) -> consent(rs))
			.list();
	}

	private static ConsentKept consent(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new ConsentKept(rs.getString("field"), rs.getBoolean("granted"),
				rs.getObject("recorded_at", OffsetDateTime.class), rs.getString("recorded_by"),
				rs.getString("notice_version"), rs.getString("channel"),
				rs.getObject("erased_at", OffsetDateTime.class));
	}

}
