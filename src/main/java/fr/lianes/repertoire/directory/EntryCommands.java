package fr.lianes.repertoire.directory;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import fr.lianes.repertoire.history.History;

/**
 * What {@link Entries} is asked to write: an actor's fields, its contact persons, its
 * projects, typed and already cleaned by the caller (trimmed, empty values null), and who
 * asked for it with the changes to record.
 */
public final class EntryCommands {

	private EntryCommands() {
	}

	/** An actor's own fields; the type, commune and networks named by their codes. */
	public record ActorFields(String name, String acronym, String actorTypeCode, String sirenSiret, String rna,
			String addressLine, String postalCode, String communeInsee, String website, String email, String phone,
			String description, Short foundingYear, List<String> networkSlugs) {
	}

	/**
	 * A contact person and what they agree to publish.
	 *
	 * @param id the person's id when they are already one of the actor's contacts, else
	 * null
	 */
	public record ContactFields(Long id, String fullName, String role, String email, String phone, boolean publishName,
			boolean publishEmail, boolean publishPhone) {
	}

	/**
	 * A project.
	 *
	 * @param key the caller's name for it, which {@link Audit#itemChanges()} uses
	 * @param id the project's id when it is one the actor leads, else null (a new one)
	 */
	public record ProjectFields(String key, Long id, String title, ProjectKind kind, ProjectNature nature,
			ProjectStatus status, String description, List<String> localities, List<String> funders, Short startYear,
			Short endYear, String partnerAuthority, List<String> countries, List<String> domainSlugs,
			List<PartnerFields> partners) {
	}

	/** A partner organisation of a project. */
	public record PartnerFields(String name, String countryIso2, String city) {
	}

	/**
	 * Who gave the contact persons' consents, under which notice, and when they were
	 * shown the entry (what was added since is left alone).
	 */
	public record Consent(String by, String noticeVersion, ConsentChannel channel, Instant shownAt) {
	}

	/**
	 * Who writes, and the changes the history records.
	 *
	 * @param itemChanges the changes of each project, by {@link ProjectFields#key()}; a
	 * project whose key is left out has no history row (unchanged)
	 */
	public record Audit(String by, Long submissionId, List<History.FieldChange> changes,
			Map<String, List<History.FieldChange>> itemChanges) {

		public static Audit of(String by, List<History.FieldChange> changes) {
			return new Audit(by, null, changes, Map.of());
		}

	}

	/**
	 * A census response written into the directory: a new actor when {@code actorId} is
	 * null, else the changes to that actor (locked with {@link Entries#lockActor} first).
	 * The actor's published projects its author was shown and left out are unpublished;
	 * publication follows {@code publicationConsent}.
	 */
	public record ApplyResponse(Long actorId, ActorFields actor, List<ContactFields> contacts,
			List<ProjectFields> projects, boolean publicationConsent, Integer campaignId, Consent consent,
			Audit audit) {
	}

	/** What {@link ApplyResponse} wrote. */
	public record Applied(long actorId, String slug, String name, boolean published) {
	}

	/** An actor's own fields, edited by the staff. */
	public record UpdateActor(long id, int expectedVersion, ActorFields actor, Audit audit) {
	}

	/** An actor's contact persons, all of them, edited by the staff. */
	public record ReplaceContacts(long actorId, int expectedVersion, List<ContactFields> contacts, Consent consent,
			Audit audit) {
	}

	/** A project edited by the staff; its publication is kept. */
	public record SaveProject(long id, int expectedVersion, ProjectFields project, Audit audit) {
	}

	/**
	 * Where imported rows come from: the file and the person importing it, both named in
	 * the history (« import de <fichier> par <personne> ») and in the consents found.
	 */
	public record ImportSource(String fileName, String by) {

		/** The history's note and the consents' author. */
		public String note() {
			String note = "import de " + this.fileName + " par " + this.by;
			return (note.length() <= 254) ? note : note.substring(0, 254);
		}

	}

	/**
	 * An actor of the old directory's export. Fields named in {@code keep} (the names of
	 * {@link ActorFields}' components) were not in the file: an existing actor keeps its
	 * values for them.
	 *
	 * @param legacyId its identifier in the old directory
	 * @param status its status, or null to keep it (active for a new one)
	 * @param contact its contact person from the file, or null
	 * @param contactConsents whether the file says what the contact agreed to publish:
	 * then the consents are recorded (channel IMPORT); else the contact is not published
	 * @param publish whether a new actor is published (an existing one keeps its
	 * publication)
	 */
	public record ImportActor(String legacyId, ActorFields actor, java.util.Set<String> keep, ActorStatus status,
			ContactFields contact, boolean contactConsents, boolean publish, ImportSource source) {
	}

	/**
	 * A project of the old directory's export, led by an actor already written. Fields
	 * named in {@code keep} (the names of {@link ProjectFields}' components) were not in
	 * the file.
	 */
	public record ImportProject(String legacyId, long leadActorId, ProjectFields project, java.util.Set<String> keep,
			ImportSource source) {
	}

	/** What an import did, or would do, to an entry. */
	public enum ImportOutcome {

		CREATED, UPDATED, UNCHANGED

	}

	/**
	 * An entry imported: its id (null when only previewed as new), what happened and, for
	 * an entry updated, what its undo needs ({@link UpdatedEntry}), null otherwise.
	 */
	public record Imported(Long id, ImportOutcome outcome, String previous) {

		public Imported(Long id, ImportOutcome outcome) {
			this(id, outcome, null);
		}

	}

	/**
	 * An entry an import updated, to restore on its undo: an actor or a project, its id,
	 * and {@link Imported#previous()} as the import returned it.
	 */
	public record UpdatedEntry(boolean actor, long id, String previous) {
	}

	/**
	 * What undoing an import did: the entries it removed, and those it left alone because
	 * they were edited since the import created them (or have entries of their own now).
	 */
	public record UndoneImport(int actorsRemoved, int projectsRemoved, int actorsRestored, int projectsRestored,
			List<KeptEntry> kept) {
	}

	/** An entry an undo left alone: an actor or a project, its id and name. */
	public record KeptEntry(boolean actor, long id, String name) {
	}

	/**
	 * Merge an actor into another that is the same structure, if both are still at the
	 * versions the moderator saw.
	 *
	 * @param by the staff member's email, for the history
	 */
	public record MergeActors(long survivorId, int survivorVersion, long mergedId, int mergedVersion, String by) {
	}

	/** What a merge did. */
	public record Merged(long survivorId, String survivorName, String mergedName, int projects, int contacts) {
	}

}
