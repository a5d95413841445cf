package fr.lianes.repertoire.directory;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import fr.lianes.repertoire.directory.EntryCommands.Applied;
import fr.lianes.repertoire.directory.EntryCommands.ApplyResponse;
import fr.lianes.repertoire.directory.EntryCommands.Audit;
import fr.lianes.repertoire.directory.EntryCommands.ImportActor;
import fr.lianes.repertoire.directory.EntryCommands.ImportProject;
import fr.lianes.repertoire.directory.EntryCommands.Imported;
import fr.lianes.repertoire.directory.EntryCommands.MergeActors;
import fr.lianes.repertoire.directory.EntryCommands.Merged;
import fr.lianes.repertoire.directory.EntryCommands.ProjectFields;
import fr.lianes.repertoire.directory.EntryCommands.ReplaceContacts;
import fr.lianes.repertoire.directory.EntryCommands.SaveProject;
import fr.lianes.repertoire.directory.EntryCommands.UpdateActor;
import fr.lianes.repertoire.history.History;
import fr.lianes.repertoire.history.History.FieldChange;
import fr.lianes.repertoire.history.History.Subject;
import fr.lianes.repertoire.search.BulkIndexing;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way to write the directory's actors, projects, contact persons and their
 * consents. Each write joins the caller's transaction, locks what it changes, refuses a
 * change over a newer version than the one its caller started from, records the history
 * and keeps the search index true (JPA writes, indexed at commit).
 */
@Service
public class Entries {

	private final EntryWriter writer;

	private final History history;

	private final MessageSource messages;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final LegacyImports imports;

	private final ActorMerger merger;

	private final BulkIndexing indexing;

	Entries(EntryWriter writer, History history, MessageSource messages, JdbcClient jdbc, Clock clock,
			LegacyImports imports, ActorMerger merger, BulkIndexing indexing) {
		this.indexing = indexing;
		this.imports = imports;
		this.merger = merger;
		this.clock = clock;
		this.writer = writer;
		this.history = history;
		this.messages = messages;
		this.jdbc = jdbc;
	}

	/** The actor, to read (its fields are written here only). */
	@Transactional(readOnly = true)
	public Optional<Actor> actor(long id) {
		return this.writer.actor(id);
	}

	/** The project, to read (its fields are written here only). */
	@Transactional(readOnly = true)
	public Optional<Project> project(long id) {
		return this.writer.project(id);
	}

	/**
	 * Locks the actor's row until the end of the caller's transaction.
	 * @return its version, or empty when there is no such actor
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<Integer> lockActor(long id) {
		return this.writer.lockedActor(id).map(Actor::getVersion);
	}

	/**
	 * Locks the project's row until the end of the caller's transaction.
	 * @return its version, or empty when there is no such project
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<Integer> lockProject(long id) {
		return this.writer.lockedProject(id).map(Project::getVersion);
	}

	/**
	 * Writes a census response: a new actor, or the changes to the one it updates. Its
	 * projects are published (the actor's publication decides whether the public sees
	 * them); the ones its author was shown and left out are unpublished, never deleted.
	 */
	@Transactional
	public Applied applyResponse(ApplyResponse response) {
		Optional<Actor> existing = Optional.ofNullable(response.actorId()).flatMap(this.writer::lockedActor);
		Actor actor = existing.orElseGet(() -> this.writer.newActor(response.actor()));
		Instant shownAt = response.consent().shownAt();
		// what the author was not shown (added since the questionnaire started) is left
		// alone
		List<Project> before = existing.map(this.writer::publishedProjects)
			.orElse(List.of())
			.stream()
			.filter((project) -> !project.getCreatedAt().isAfter(shownAt))
			.toList();
		this.writer.structure(actor, response.actor());
		this.writer.contacts(actor, response.contacts(), response.consent());
		List<Long> kept = new ArrayList<>();
		List<ProjectChange> projectChanges = new ArrayList<>();
		for (ProjectFields fields : response.projects()) {
			boolean known = this.writer.projectOf(actor, fields.id()).isPresent();
			Project project = this.writer.project(actor, fields);
			kept.add(project.getId());
			projectChanges.add(new ProjectChange(project, known ? "APPROVED" : "CREATED", fields.key()));
		}
		for (Project project : before) {
			if (!kept.contains(project.getId())) {
				project.unpublish();
				projectChanges.add(new ProjectChange(project, "UNPUBLISHED", null));
			}
		}
		actor.consentToPublication(response.publicationConsent());
		if (response.publicationConsent()) {
			actor.publish();
		}
		actor.recordCensusResponse(response.campaignId(), this.clock.instant());
		this.writer.flush();
		Audit audit = response.audit();
		this.history.record(Subject.ACTOR, actor.getId(), existing.isPresent() ? "APPROVED" : "CREATED", audit.by(),
				audit.changes(), audit.submissionId(), null);
		for (ProjectChange change : projectChanges) {
			List<FieldChange> changes = (change.key() != null) ? audit.itemChanges().get(change.key()) : List.of();
			if (changes != null) {
				this.history.record(Subject.PROJECT, change.project().getId(), change.action(), audit.by(), changes,
						audit.submissionId(), null);
			}
		}
		return new Applied(actor.getId(), actor.getSlug(), actor.getName(), actor.isPublished());
	}

	/** Saves an actor's own fields, edited by the staff. */
	@Transactional
	public WriteStatus updateActor(UpdateActor command) {
		Optional<Actor> found = this.writer.lockedActor(command.id());
		if (found.isEmpty()) {
			return WriteStatus.NOT_FOUND;
		}
		if (found.get().getVersion() != command.expectedVersion()) {
			return WriteStatus.CONFLICT;
		}
		this.writer.structure(found.get(), command.actor());
		this.history.record(Subject.ACTOR, command.id(), "EDITED", command.audit().by(), command.audit().changes(),
				null, null);
		return WriteStatus.DONE;
	}

	/**
	 * Saves an actor's contact persons, edited by the staff; the consents that change are
	 * recorded as given by {@code consent}.
	 */
	@Transactional
	public WriteStatus replaceContacts(ReplaceContacts command) {
		Optional<Actor> found = this.writer.lockedActor(command.actorId());
		if (found.isEmpty()) {
			return WriteStatus.NOT_FOUND;
		}
		if (found.get().getVersion() != command.expectedVersion()) {
			return WriteStatus.CONFLICT;
		}
		this.writer.raiseVersion(found.get());
		this.writer.contacts(found.get(), command.contacts(), command.consent());
		this.history.record(Subject.ACTOR, command.actorId(), "CONTACTS", command.audit().by(),
				command.audit().changes(), null, null);
		return WriteStatus.DONE;
	}

	/** Saves a project, edited by the staff; published or not as it was. */
	@Transactional
	public WriteStatus saveProject(SaveProject command) {
		Optional<Project> found = this.writer.lockedProject(command.id());
		if (found.isEmpty()) {
			return WriteStatus.NOT_FOUND;
		}
		if (found.get().getVersion() != command.expectedVersion()) {
			return WriteStatus.CONFLICT;
		}
		this.writer.fill(found.get(), command.project());
		this.history.record(Subject.PROJECT, command.id(), "EDITED", command.audit().by(), command.audit().changes(),
				null, null);
		return WriteStatus.DONE;
	}

	/** Changes an actor's status (active, dormant, ceased). */
	@Transactional
	public WriteStatus setStatus(long id, int expectedVersion, ActorStatus status, String by) {
		Optional<Actor> found = this.writer.lockedActor(id);
		if (found.isEmpty()) {
			return WriteStatus.NOT_FOUND;
		}
		Actor actor = found.get();
		if (actor.getVersion() != expectedVersion) {
			return WriteStatus.CONFLICT;
		}
		FieldChange change = FieldChange.of("moderation.field.status", label(actor.getStatus()), label(status));
		actor.setStatus(status);
		this.history.record(Subject.ACTOR, id, "STATUS", by, (change != null) ? List.of(change) : List.of(), null,
				null);
		return WriteStatus.DONE;
	}

	/**
	 * Publishes or unpublishes an actor; publishing is refused without the actor's
	 * consent.
	 */
	@Transactional
	public WriteStatus setPublication(long id, int expectedVersion, boolean publish, String by) {
		Optional<Actor> found = this.writer.lockedActor(id);
		if (found.isEmpty()) {
			return WriteStatus.NOT_FOUND;
		}
		Actor actor = found.get();
		if (actor.getVersion() != expectedVersion) {
			return WriteStatus.CONFLICT;
		}
		if (publish && !actor.isPublicationConsent()) {
			return WriteStatus.REFUSED;
		}
		if (publish) {
			actor.publish();
		}
		else {
			actor.unpublish();
		}
		this.history.record(Subject.ACTOR, id, publish ? "PUBLISHED" : "UNPUBLISHED", by, List.of(), null, null);
		return WriteStatus.DONE;
	}

	/** Publishes or unpublishes a project. */
	@Transactional
	public WriteStatus setProjectPublication(long id, int expectedVersion, boolean publish, String by) {
		Optional<Project> found = this.writer.lockedProject(id);
		if (found.isEmpty()) {
			return WriteStatus.NOT_FOUND;
		}
		Project project = found.get();
		if (project.getVersion() != expectedVersion) {
			return WriteStatus.CONFLICT;
		}
		if (publish) {
			project.publish();
		}
		else {
			project.unpublish();
		}
		this.history.record(Subject.PROJECT, id, publish ? "PUBLISHED" : "UNPUBLISHED", by, List.of(), null, null);
		return WriteStatus.DONE;
	}

	/**
	 * Withdraws what this address agreed to: the name, email and phone of its contact
	 * persons are no longer published (a consent refused, recorded as sent by email).
	 */
	@Transactional
	public void withdrawConsents(String email, String noticeVersion) {
		this.jdbc.sql("""
				insert into contact_consent (contact_person_id, field, granted, recorded_by, notice_version, channel,
				                             recorded_at)
				select p.id, f.field, false, :email, :notice, 'EMAIL', :at
				from contact_person p cross join (values ('NAME'), ('EMAIL'), ('PHONE')) as f(field)
				where lower(p.email) = lower(:email)""")
			.param("email", email)
			.param("notice", noticeVersion)
			.param("at", java.sql.Timestamp.from(this.clock.instant()))
			.update();
	}

	/**
	 * Erases the contact persons with this address, at their request: they leave the
	 * directory, their consents stay as proof of what was agreed, tied to the address by
	 * its SHA-256 only. The actors they belonged to get a new version and a line of
	 * history without the person's details.
	 * @return the names of the actors that lost a contact person
	 */
	@Transactional
	public List<String> eraseContacts(String email, String by) {
		List<Long> actorIds = this.jdbc
			.sql("select distinct actor_id from contact_person where lower(email) = lower(:email) order by actor_id")
			.param("email", email)
			.query(Long.class)
			.list();
		List<String> names = new ArrayList<>();
		for (long actorId : actorIds) {
			this.writer.lockedActor(actorId).ifPresent((actor) -> {
				this.writer.raiseVersion(actor);
				names.add(actor.getName());
			});
		}
		this.jdbc.sql("""
				update contact_consent
				set erased_at = :at, erased_email_hash = sha256(convert_to(lower(:email), 'UTF8'))
				where contact_person_id in (select id from contact_person where lower(email) = lower(:email))""")
			.param("email", email)
			.param("at", java.sql.Timestamp.from(this.clock.instant()))
			.update();
		this.jdbc.sql("delete from contact_person where lower(email) = lower(:email)").param("email", email).update();
		for (long actorId : actorIds) {
			this.history.record(Subject.ACTOR, actorId, "CONTACT_ERASED", by, List.of(), null, null);
		}
		return names;
	}

	/** The actors already imported under these identifiers of the old directory. */
	@Transactional(readOnly = true)
	public Map<String, Long> importedActors(Collection<String> legacyIds) {
		return this.imports.actorIds(legacyIds);
	}

	/**
	 * Merges an actor into another that is the same structure, in one transaction, if
	 * both are still at the versions the moderator saw: see {@link ActorMerger}. The
	 * other modules move their own rows of the merged actor on {@link ActorsMerging}.
	 * @throws MergeConflictException if either changed or no longer exists: nothing is
	 * merged
	 */
	public Merged merge(MergeActors command) {
		return this.merger.merge(command.survivorId(), command.survivorVersion(), command.mergedId(),
				command.mergedVersion(), command.by());
	}

	/** What {@link #importActors} would do, nothing written. */
	@Transactional(readOnly = true)
	public List<Imported> previewActorImports(List<ImportActor> commands) {
		return this.imports.previewActors(commands);
	}

	/** What {@link #importProjects} would do, nothing written. */
	@Transactional(readOnly = true)
	public List<Imported> previewProjectImports(List<ImportProject> commands) {
		return this.imports.previewProjects(commands);
	}

	/** An import's run of writes ({@link #importing}). */
	@FunctionalInterface
	public interface ImportWork<T> {

		T run() throws IOException;

	}

	/**
	 * Runs an import's writes ({@link #importActors}, {@link #importProjects}, each batch
	 * in its transaction): their index work is not waited for at each commit but once,
	 * when the run ends (or stops); the index holds all they wrote when this returns or
	 * throws, and a process stopped in the middle makes the next start rebuild the index.
	 */
	public <T> T importing(ImportWork<T> work) throws IOException {
		return this.indexing.run(work::run);
	}

	/**
	 * Puts again in the search index what an import wrote, when the index is recorded
	 * incomplete: the import's run of writes on an instance that stopped or died may not
	 * have sent all its index work ({@link BulkIndexing#repair}). The documents that show
	 * these entries are reindexed with them: the actors of the projects (an actor is
	 * found by its projects) and the projects of the actors (a project's document carries
	 * its actors' names and publication).
	 * @param actorIds the actors the import created or updated
	 * @param projectIds the projects it created or updated
	 * @return whether they were reindexed (not when the index is recorded complete)
	 * @throws InterruptedException when the thread was interrupted (a shutdown)
	 */
	public boolean reindexImported(Collection<Long> actorIds, Collection<Long> projectIds) throws InterruptedException {
		Long[] actors = actorIds.toArray(Long[]::new);
		Long[] projects = projectIds.toArray(Long[]::new);
		Set<Long> actorsShown = new TreeSet<>(actorIds);
		actorsShown.addAll(this.jdbc.sql("""
				select lead_actor_id from project where id = any(cast(:projects as bigint[]))
				union select actor_id from project_actor where project_id = any(cast(:projects as bigint[]))""")
			.param("projects", projects)
			.query(Long.class)
			.list());
		Set<Long> projectsShown = new TreeSet<>(projectIds);
		projectsShown.addAll(this.jdbc.sql("""
				select id from project where lead_actor_id = any(cast(:actors as bigint[]))
				union select project_id from project_actor where actor_id = any(cast(:actors as bigint[]))""")
			.param("actors", actors)
			.query(Long.class)
			.list());
		return this.indexing.repair(Map.of("Actor", actorsShown, "Project", projectsShown));
	}

	/**
	 * Writes actors of the old directory's export as {@link #importActor} does, together
	 * (an import's batch): one outcome per command, in their order.
	 */
	@Transactional
	public List<Imported> importActors(List<ImportActor> commands) {
		return this.imports.importActors(commands);
	}

	/** Writes projects of the old directory's export as {@link #importActors} does. */
	@Transactional
	public List<Imported> importProjects(List<ImportProject> commands) {
		return this.imports.importProjects(commands);
	}

	/**
	 * Writes an actor of the old directory's export: created the first time (published if
	 * asked), then found again by its old identifier and updated only where the file
	 * changed something; the history says « import de <fichier> par <personne> ».
	 */
	@Transactional
	public Imported importActor(ImportActor command) {
		return this.imports.importActor(command);
	}

	/** Writes a project of the old directory's export, as {@link #importActor} does. */
	@Transactional
	public Imported importProject(ImportProject command) {
		return this.imports.importProject(command);
	}

	/**
	 * Undoes an import: gives the actors and projects it updated their values from before
	 * (the contact person it added removed), and removes the projects and actors it
	 * created, unless one was edited since (an updated entry no longer as the import left
	 * it; a created one with anything in its history after its creation or, for an actor,
	 * still leading or taking part in a project); those are left alone and listed. The
	 * history records {@code IMPORT_UNDONE} on each entry removed, by the person who
	 * undoes.
	 * @param note the history's note (« annulation de l'import de <fichier> »)
	 */
	@Transactional
	public EntryCommands.UndoneImport undoImport(Collection<Long> actorIds, Collection<Long> projectIds,
			Collection<EntryCommands.UpdatedEntry> updated, String by, String note) {
		return this.imports.undo(actorIds, projectIds, updated, by, note);
	}

	private String label(ActorStatus status) {
		return this.messages.getMessage("actor.status." + status.name(), null, Locale.FRENCH);
	}

	private record ProjectChange(Project project, String action, String key) {
	}

}
