package fr.lianes.repertoire.census;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.lianes.repertoire.directory.Actor;
import fr.lianes.repertoire.directory.ActorStatus;
import fr.lianes.repertoire.directory.ConsentChannel;
import fr.lianes.repertoire.directory.Entries;
import fr.lianes.repertoire.directory.EntryCommands.Audit;
import fr.lianes.repertoire.directory.EntryCommands.Consent;
import fr.lianes.repertoire.directory.EntryCommands.ReplaceContacts;
import fr.lianes.repertoire.directory.EntryCommands.SaveProject;
import fr.lianes.repertoire.directory.EntryCommands.UpdateActor;
import fr.lianes.repertoire.directory.Project;
import fr.lianes.repertoire.directory.WriteStatus;
import fr.lianes.repertoire.history.History.FieldChange;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.BindingResult;

/**
 * The network's staff editing entries directly: an actor's fields, a project, an actor's
 * status and publication. The same checks as the questionnaire's; each save names the
 * version it started from, and a save over someone else's newer version is refused with
 * both versions (never a silent overwrite). The writes, and their history, are the
 * directory's ({@link Entries}).
 */
@Service
public class EntryEditing {

	/**
	 * An actor's fields as the edit form shows them, its contact persons, and the version
	 * they come from.
	 */
	public record ActorForm(long id, String slug, String name, int version, ActorStatus status, boolean published,
			boolean publicationConsent, StructureAnswers structure, List<ContactAnswers> contacts) {
	}

	/** A project as the edit form shows it, and the version it comes from. */
	public record ProjectForm(long id, String slug, long actorId, String actorName, int version, boolean published,
			ProjectAnswers project) {
	}

	/** A commune a postal code and name could mean. */
	public record CommuneOption(String insee, String name, String postalCode) {
	}

	/** What became of a save. */
	public enum EditOutcome {

		SAVED, INVALID, CONFLICT, NOT_FOUND

	}

	/**
	 * A save's outcome: the errors when invalid; the current version and the differences
	 * with what was sent when in conflict.
	 */
	public record Saved<T>(EditOutcome outcome, BindingResult errors, T current, List<Comparison.Row> differences,
			List<Comparison.Item> items) {

		Saved(EditOutcome outcome, BindingResult errors, T current, List<Comparison.Row> differences) {
			this(outcome, errors, current, differences, List.of());
		}

		static <T> Saved<T> of(EditOutcome outcome) {
			return new Saved<>(outcome, null, null, List.of());
		}

	}

	/**
	 * An actor's contact persons as their edit form shows them, and the actor's version.
	 */
	public record ContactsEdit(long id, String name, int version, List<ContactAnswers> contacts) {
	}

	private final Entries entries;

	private final EntryAnswers directoryEntries;

	private final AnswersCheck check;

	private final Comparisons comparisons;

	private final Communes communes;

	private final CensusForms forms;

	private final String noticeVersion;

	private final Clock clock;

	EntryEditing(Entries entries, EntryAnswers directoryEntries, AnswersCheck check, Comparisons comparisons,
			Communes communes, CensusForms forms, CensusProperties properties, Clock clock) {
		this.clock = clock;
		this.forms = forms;
		this.noticeVersion = properties.noticeVersion();
		this.entries = entries;
		this.directoryEntries = directoryEntries;
		this.check = check;
		this.comparisons = comparisons;
		this.communes = communes;
	}

	/** What the actor form offers: types, networks, the communes of the postal code. */
	public Map<String, Object> structureChoices(StructureAnswers structure) {
		Map<String, Object> attributes = this.forms.structureChoices();
		attributes.put("selectedInsee", structure.communeInsee());
		if (Text.isBlank(structure.communeInsee())) {
			attributes.put("communeOptions", communeOptions(structure));
		}
		return attributes;
	}

	/**
	 * What the project form offers, and its partner rows with {@code moreRows} blank
	 * ones.
	 */
	public Map<String, Object> projectChoices(ProjectAnswers project, int moreRows) {
		Map<String, Object> attributes = this.forms.projectChoices(project);
		attributes.putAll(this.forms.partnerRows(project, moreRows));
		return attributes;
	}

	@Transactional(readOnly = true)
	public Optional<ActorForm> actor(long id) {
		return this.entries.actor(id)
			.flatMap((actor) -> this.directoryEntries.answersForStaff(id)
				.map((answers) -> new ActorForm(id, actor.getSlug(), actor.getName(), actor.getVersion(),
						actor.getStatus(), actor.isPublished(), actor.isPublicationConsent(), answers.structure(),
						answers.contacts())));
	}

	/**
	 * The structure as typed, tidied and with its commune resolved, as a save sees it.
	 */
	public StructureAnswers resolved(StructureAnswers typed) {
		return this.communes.resolved(typed);
	}

	/** The communes a postal code and name could mean, for the edit form's choice. */
	public List<CommuneOption> communeOptions(StructureAnswers structure) {
		return this.communes.find(structure.postalCode(), structure.communeName())
			.stream()
			.map((o) -> new CommuneOption(o.insee(), o.name(), o.postalCode()))
			.toList();
	}

	/**
	 * Saves an actor's fields if nobody saved it since {@code version}.
	 * @param typed the fields as typed, already resolved ({@link #resolved})
	 */
	@Transactional
	public Saved<ActorForm> saveActor(long id, int version, StructureAnswers typed, String staff) {
		BindingResult errors = this.check.checked(typed);
		if (errors.hasErrors()) {
			return new Saved<>(EditOutcome.INVALID, errors, null, List.of());
		}
		Optional<Integer> current = this.entries.lockActor(id);
		if (current.isEmpty()) {
			return Saved.of(EditOutcome.NOT_FOUND);
		}
		StructureAnswers before = this.directoryEntries.answersForStaff(id).orElseThrow().structure();
		List<Comparison.Row> differences = this.comparisons.structure(before, typed);
		if (current.get() != version) {
			return new Saved<>(EditOutcome.CONFLICT, null, actor(id).orElseThrow(), differences);
		}
		return saved(this.entries.updateActor(
				new UpdateActor(id, version, AnswersToEntries.actor(typed), Audit.of(staff, changes(differences)))));
	}

	/** Changes an actor's status (active, dormant, ceased) if nobody saved it since. */
	@Transactional
	public EditOutcome status(long id, int version, ActorStatus status, String staff) {
		return outcome(this.entries.setStatus(id, version, status, staff));
	}

	/**
	 * Publishes or unpublishes an actor if nobody saved it since; publishing needs the
	 * actor's consent.
	 */
	@Transactional
	public EditOutcome publication(long id, int version, boolean publish, String staff) {
		return outcome(this.entries.setPublication(id, version, publish, staff));
	}

	@Transactional(readOnly = true)
	public Optional<ContactsEdit> contacts(long id) {
		return this.entries.actor(id)
			.flatMap((actor) -> this.directoryEntries.answersForStaff(id)
				.map((answers) -> new ContactsEdit(id, actor.getName(), actor.getVersion(), answers.contacts())));
	}

	/**
	 * The persons as sent by the form, without the one removed (may be null), each with a
	 * key.
	 */
	public List<ContactAnswers> sent(ContactsForm form, String removedKey) {
		return form.without(removedKey);
	}

	/** The contacts form's persons, then {@code blanks} blank ones. */
	public Map<String, Object> contactRows(List<ContactAnswers> contacts, int blanks) {
		return this.forms.contactRows(contacts, blanks);
	}

	/**
	 * Saves an actor's contact persons if nobody saved the actor since {@code version};
	 * the consents that change are recorded as given to the staff.
	 */
	@Transactional
	public Saved<ContactsEdit> saveContacts(long id, int version, List<ContactAnswers> contacts, String staff) {
		BindingResult errors = this.check.checked(new ContactsForm(contacts));
		if (errors.hasErrors()) {
			return new Saved<>(EditOutcome.INVALID, errors, null, List.of());
		}
		Optional<Integer> current = this.entries.lockActor(id);
		if (current.isEmpty()) {
			return Saved.of(EditOutcome.NOT_FOUND);
		}
		List<Comparison.Item> items = this.comparisons
			.contacts(this.directoryEntries.answersForStaff(id).orElseThrow().contacts(), contacts);
		if (current.get() != version) {
			return new Saved<>(EditOutcome.CONFLICT, null, contacts(id).orElseThrow(), List.of(), items);
		}
		return saved(this.entries.replaceContacts(new ReplaceContacts(id, version, AnswersToEntries.contacts(contacts),
				new Consent(staff, this.noticeVersion, ConsentChannel.STAFF, this.clock.instant()),
				Audit.of(staff, new Comparison(List.of(), items, List.of()).changes()))));
	}

	@Transactional(readOnly = true)
	public Optional<ProjectForm> project(long id) {
		return this.entries.project(id).map((project) -> {
			Actor actor = project.getLeadActor();
			return new ProjectForm(id, project.getSlug(), actor.getId(), actor.getName(), project.getVersion(),
					project.isPublished(), this.directoryEntries.projectAnswers(id).orElseThrow());
		});
	}

	/** Saves a project if nobody saved it since {@code version}. */
	@Transactional
	public Saved<ProjectForm> saveProject(long id, int version, ProjectAnswers typed, String staff) {
		BindingResult errors = this.check.checked(typed);
		if (errors.hasErrors()) {
			return new Saved<>(EditOutcome.INVALID, errors, null, List.of());
		}
		Optional<Integer> current = this.entries.lockProject(id);
		if (current.isEmpty()) {
			return Saved.of(EditOutcome.NOT_FOUND);
		}
		ProjectAnswers before = this.directoryEntries.projectAnswers(id).orElseThrow();
		List<Comparison.Row> differences = this.comparisons.project(before, typed);
		if (current.get() != version) {
			return new Saved<>(EditOutcome.CONFLICT, null, project(id).orElseThrow(), differences);
		}
		return saved(this.entries.saveProject(new SaveProject(id, version,
				AnswersToEntries.project(typed.withKey("p" + id)), Audit.of(staff, changes(differences)))));
	}

	/** Publishes or unpublishes a project if nobody saved it since. */
	@Transactional
	public EditOutcome projectPublication(long id, int version, boolean publish, String staff) {
		return outcome(this.entries.setProjectPublication(id, version, publish, staff));
	}

	private static EditOutcome outcome(WriteStatus status) {
		return switch (status) {
			case DONE -> EditOutcome.SAVED;
			case CONFLICT -> EditOutcome.CONFLICT;
			case NOT_FOUND -> EditOutcome.NOT_FOUND;
			case REFUSED -> EditOutcome.INVALID;
		};
	}

	private static <T> Saved<T> saved(WriteStatus status) {
		return Saved.of(outcome(status));
	}

	private static List<FieldChange> changes(List<Comparison.Row> rows) {
		return rows.stream().map((row) -> FieldChange.of(row.labelKey(), row.before(), row.after())).toList();
	}

}
