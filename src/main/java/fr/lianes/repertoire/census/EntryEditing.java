package fr.lianes.repertoire.census;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import fr.lianes.repertoire.directory.Actor;
import fr.lianes.repertoire.directory.ActorStatus;
import fr.lianes.repertoire.directory.ConsentChannel;
import fr.lianes.repertoire.directory.Project;
import fr.lianes.repertoire.history.History;
import fr.lianes.repertoire.history.History.FieldChange;
import fr.lianes.repertoire.history.History.Subject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

/**
 * The network's staff editing entries directly: an actor's fields, a project, an actor's
 * status and publication. The same checks as the questionnaire's; each save names the
 * version it started from, and a save over someone else's newer version is refused with
 * both versions (never a silent overwrite). Every change is recorded in the history.
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
	public enum Outcome {

		SAVED, INVALID, CONFLICT, NOT_FOUND

	}

	/**
	 * A save's outcome: the errors when invalid; the current version and the differences
	 * with what was sent when in conflict.
	 */
	public record Saved<T>(Outcome outcome, BindingResult errors, T current, List<Comparison.Row> differences,
			List<Comparison.Item> items) {

		Saved(Outcome outcome, BindingResult errors, T current, List<Comparison.Row> differences) {
			this(outcome, errors, current, differences, List.of());
		}

		static <T> Saved<T> of(Outcome outcome) {
			return new Saved<>(outcome, null, null, List.of());
		}

	}

	/**
	 * An actor's contact persons as their edit form shows them, and the actor's version.
	 */
	public record ContactsEdit(long id, String name, int version, List<ContactAnswers> contacts) {
	}

	private final EntityManager entities;

	private final DirectoryEntries entries;

	private final AnswersCheck check;

	private final Comparisons comparisons;

	private final Communes communes;

	private final EntryWriter writer;

	private final History history;

	private final MessageSource messages;

	private final CensusForms forms;

	private final String noticeVersion;

	private final Clock clock;

	EntryEditing(EntityManager entities, DirectoryEntries entries, AnswersCheck check, Comparisons comparisons,
			Communes communes, EntryWriter writer, History history, MessageSource messages, CensusForms forms,
			CensusProperties properties, Clock clock) {
		this.clock = clock;
		this.forms = forms;
		this.noticeVersion = properties.noticeVersion();
		this.entities = entities;
		this.entries = entries;
		this.check = check;
		this.comparisons = comparisons;
		this.communes = communes;
		this.writer = writer;
		this.history = history;
		this.messages = messages;
	}

	/** What the actor form offers: types, networks, the communes of the postal code. */
	public void structureChoices(Model model, StructureAnswers structure) {
		this.forms.structureChoices(model);
		model.addAttribute("selectedInsee", structure.communeInsee());
		if (Text.isBlank(structure.communeInsee())) {
			model.addAttribute("communeOptions", communeOptions(structure));
		}
	}

	/**
	 * What the project form offers, and its partner rows with {@code moreRows} blank
	 * ones.
	 */
	public void projectChoices(Model model, ProjectAnswers project, int moreRows) {
		this.forms.projectChoices(model);
		this.forms.partnerRows(model, project, moreRows);
	}

	@Transactional(readOnly = true)
	public Optional<ActorForm> actor(long id) {
		return this.writer.actor(id)
			.flatMap((actor) -> this.entries.answersForStaff(id)
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
			return new Saved<>(Outcome.INVALID, errors, null, List.of());
		}
		Actor actor = this.entities.find(Actor.class, id, LockModeType.PESSIMISTIC_WRITE);
		if (actor == null) {
			return Saved.of(Outcome.NOT_FOUND);
		}
		StructureAnswers before = this.entries.answersForStaff(id).orElseThrow().structure();
		List<Comparison.Row> differences = this.comparisons.structure(before, typed);
		if (actor.getVersion() != version) {
			return new Saved<>(Outcome.CONFLICT, null, actor(id).orElseThrow(), differences);
		}
		this.writer.structure(actor, typed);
		this.history.record(Subject.ACTOR, id, "EDITED", staff, changes(differences), null, null);
		return Saved.of(Outcome.SAVED);
	}

	/** Changes an actor's status (active, dormant, ceased) if nobody saved it since. */
	@Transactional
	public Outcome status(long id, int version, ActorStatus status, String staff) {
		Actor actor = this.entities.find(Actor.class, id, LockModeType.PESSIMISTIC_WRITE);
		if (actor == null) {
			return Outcome.NOT_FOUND;
		}
		if (actor.getVersion() != version) {
			return Outcome.CONFLICT;
		}
		FieldChange change = FieldChange.of("moderation.field.status", label(actor.getStatus()), label(status));
		actor.setStatus(status);
		this.history.record(Subject.ACTOR, id, "STATUS", staff, listOf(change), null, null);
		return Outcome.SAVED;
	}

	/**
	 * Publishes or unpublishes an actor if nobody saved it since; publishing needs the
	 * actor's consent.
	 */
	@Transactional
	public Outcome publication(long id, int version, boolean publish, String staff) {
		Actor actor = this.entities.find(Actor.class, id, LockModeType.PESSIMISTIC_WRITE);
		if (actor == null) {
			return Outcome.NOT_FOUND;
		}
		if (actor.getVersion() != version) {
			return Outcome.CONFLICT;
		}
		if (publish && !actor.isPublicationConsent()) {
			return Outcome.INVALID;
		}
		if (publish) {
			actor.publish();
		}
		else {
			actor.unpublish();
		}
		this.history.record(Subject.ACTOR, id, publish ? "PUBLISHED" : "UNPUBLISHED", staff, List.of(), null, null);
		return Outcome.SAVED;
	}

	@Transactional(readOnly = true)
	public Optional<ContactsEdit> contacts(long id) {
		return this.writer.actor(id)
			.flatMap((actor) -> this.entries.answersForStaff(id)
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
	public void contactRows(Model model, List<ContactAnswers> contacts, int blanks) {
		this.forms.contactRows(model, contacts, blanks);
	}

	/**
	 * Saves an actor's contact persons if nobody saved the actor since {@code version};
	 * the consents that change are recorded as given to the staff.
	 */
	@Transactional
	public Saved<ContactsEdit> saveContacts(long id, int version, List<ContactAnswers> contacts, String staff) {
		BindingResult errors = this.check.checked(new ContactsForm(contacts));
		if (errors.hasErrors()) {
			return new Saved<>(Outcome.INVALID, errors, null, List.of());
		}
		Actor actor = this.entities.find(Actor.class, id, LockModeType.PESSIMISTIC_WRITE);
		if (actor == null) {
			return Saved.of(Outcome.NOT_FOUND);
		}
		List<Comparison.Item> items = this.comparisons
			.contacts(this.entries.answersForStaff(id).orElseThrow().contacts(), contacts);
		if (actor.getVersion() != version) {
			return new Saved<>(Outcome.CONFLICT, null, contacts(id).orElseThrow(), List.of(), items);
		}
		// the persons live in their own rows: the actor's version is raised by hand
		this.entities.lock(actor, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
		this.writer.contacts(actor, contacts, staff, this.noticeVersion, this.clock.instant(), ConsentChannel.STAFF);
		this.history.record(Subject.ACTOR, id, "CONTACTS", staff, new Comparison(List.of(), items, List.of()).changes(),
				null, null);
		return Saved.of(Outcome.SAVED);
	}

	@Transactional(readOnly = true)
	public Optional<ProjectForm> project(long id) {
		return this.writer.project(id).map((project) -> {
			Actor actor = project.getLeadActor();
			return new ProjectForm(id, project.getSlug(), actor.getId(), actor.getName(), project.getVersion(),
					project.isPublished(), this.entries.projectAnswers(id).orElseThrow());
		});
	}

	/** Saves a project if nobody saved it since {@code version}. */
	@Transactional
	public Saved<ProjectForm> saveProject(long id, int version, ProjectAnswers typed, String staff) {
		BindingResult errors = this.check.checked(typed);
		if (errors.hasErrors()) {
			return new Saved<>(Outcome.INVALID, errors, null, List.of());
		}
		Project project = this.entities.find(Project.class, id, LockModeType.PESSIMISTIC_WRITE);
		if (project == null) {
			return Saved.of(Outcome.NOT_FOUND);
		}
		ProjectAnswers before = this.entries.projectAnswers(id).orElseThrow();
		List<Comparison.Row> differences = this.comparisons.project(before, typed);
		if (project.getVersion() != version) {
			return new Saved<>(Outcome.CONFLICT, null, project(id).orElseThrow(), differences);
		}
		boolean published = project.isPublished();
		this.writer.project(project.getLeadActor(), typed.withKey("p" + id));
		if (!published) {
			project.unpublish();
		}
		this.history.record(Subject.PROJECT, id, "EDITED", staff, changes(differences), null, null);
		return Saved.of(Outcome.SAVED);
	}

	/** Publishes or unpublishes a project if nobody saved it since. */
	@Transactional
	public Outcome projectPublication(long id, int version, boolean publish, String staff) {
		Project project = this.entities.find(Project.class, id, LockModeType.PESSIMISTIC_WRITE);
		if (project == null) {
			return Outcome.NOT_FOUND;
		}
		if (project.getVersion() != version) {
			return Outcome.CONFLICT;
		}
		if (publish) {
			project.publish();
		}
		else {
			project.unpublish();
		}
		this.history.record(Subject.PROJECT, id, publish ? "PUBLISHED" : "UNPUBLISHED", staff, List.of(), null, null);
		return Outcome.SAVED;
	}

	private String label(ActorStatus status) {
		return this.messages.getMessage("actor.status." + status.name(), null, java.util.Locale.FRENCH);
	}

	private static List<FieldChange> changes(List<Comparison.Row> rows) {
		return rows.stream().map((row) -> FieldChange.of(row.labelKey(), row.before(), row.after())).toList();
	}

	private static List<FieldChange> listOf(FieldChange change) {
		return (change != null) ? List.of(change) : List.of();
	}

}
