package fr.lianes.repertoire.directory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import fr.lianes.repertoire.directory.EntryCommands.ActorFields;
import fr.lianes.repertoire.directory.EntryCommands.ContactFields;
import fr.lianes.repertoire.directory.EntryCommands.ImportActor;
import fr.lianes.repertoire.directory.EntryCommands.ImportOutcome;
import fr.lianes.repertoire.directory.EntryCommands.ImportProject;
import fr.lianes.repertoire.directory.EntryCommands.Imported;
import fr.lianes.repertoire.directory.EntryCommands.KeptEntry;
import fr.lianes.repertoire.directory.EntryCommands.UndoneImport;
import fr.lianes.repertoire.directory.EntryCommands.UpdatedEntry;
import fr.lianes.repertoire.directory.EntryCommands.PartnerFields;
import fr.lianes.repertoire.directory.EntryCommands.ProjectFields;
import fr.lianes.repertoire.history.History;
import fr.lianes.repertoire.history.History.FieldChange;
import fr.lianes.repertoire.history.History.Subject;
import fr.lianes.repertoire.reference.Country;
import fr.lianes.repertoire.reference.Domain;
import fr.lianes.repertoire.reference.Network;
import fr.lianes.repertoire.search.BulkIndexing;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the entries of the old directory's exports through {@link EntryWriter}: an entry
 * is found again by its old identifier ({@code actor_legacy_id},
 * {@code project_legacy_id}), compared field by field, and written only when something
 * changed, with one history row « import de <fichier> par <personne> ». Inside an
 * import's run ({@link Entries#importing}) a batch's index work is not waited for at its
 * commit but once at the run's end ({@link BulkIndexing}).
 */
@Component
class LegacyImports {

	static final String IMPORTED = "IMPORTED";

	static final String UNDONE = "IMPORT_UNDONE";

	private final EntryWriter writer;

	private final History history;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final JsonMapper json;

	private final BulkIndexing indexing;

	LegacyImports(EntryWriter writer, History history, JdbcClient jdbc, Clock clock, JsonMapper json,
			BulkIndexing indexing) {
		this.json = json;
		this.indexing = indexing;
		this.writer = writer;
		this.history = history;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The actors already imported under these old identifiers. */
	@Transactional(propagation = Propagation.MANDATORY)
	Map<String, Long> actorIds(Collection<String> legacyIds) {
		if (legacyIds.isEmpty()) {
			return Map.of();
		}
		return this.jdbc.sql("select legacy_id, actor_id from actor_legacy_id where legacy_id = any(:ids)")
			.param("ids", legacyIds.toArray(String[]::new))
			.query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/** The projects already imported under these old identifiers. */
	@Transactional(propagation = Propagation.MANDATORY)
	Map<String, Long> projectIds(Collection<String> legacyIds) {
		if (legacyIds.isEmpty()) {
			return Map.of();
		}
		return this.jdbc.sql("select legacy_id, project_id from project_legacy_id where legacy_id = any(:ids)")
			.param("ids", legacyIds.toArray(String[]::new))
			.query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/** What importing the actors would do, nothing written. */
	@Transactional(propagation = Propagation.MANDATORY)
	List<Imported> previewActors(List<ImportActor> commands) {
		Map<String, Long> known = actorIds(commands.stream().map(ImportActor::legacyId).toList());
		Map<Long, Actor> actors = this.writer.actors(known.values());
		List<Imported> results = new ArrayList<>();
		for (ImportActor command : commands) {
			Long id = known.get(command.legacyId());
			if (id == null) {
				results.add(new Imported(null, ImportOutcome.CREATED));
			}
			else {
				results.add(new Imported(id, actorChanges(actors.get(id), command).isEmpty() ? ImportOutcome.UNCHANGED
						: ImportOutcome.UPDATED));
			}
		}
		return results;
	}

	/**
	 * Writes the actors, in the caller's transaction: the known ones locked and read in
	 * one query, the new ones' slugs found in one, their old identifiers and the history
	 * of all written in one statement each.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	List<Imported> importActors(List<ImportActor> commands) {
		this.indexing.deferInThisTransaction();
		Map<String, Long> known = actorIds(commands.stream().map(ImportActor::legacyId).toList());
		Map<Long, Actor> actors = this.writer.lockedActors(known.values());
		List<String> slugs = this.writer.uniqueActorSlugs(commands.stream()
			.filter((command) -> !known.containsKey(command.legacyId()))
			.map((command) -> command.actor().name())
			.toList());
		int nextSlug = 0;
		List<Imported> results = new ArrayList<>();
		List<Actor> created = new ArrayList<>();
		List<String> createdIds = new ArrayList<>();
		List<History.Change> changes = new ArrayList<>();
		for (ImportActor command : commands) {
			Long id = known.get(command.legacyId());
			if (id == null) {
				Actor actor = createActor(command, slugs.get(nextSlug++));
				created.add(actor);
				createdIds.add(command.legacyId());
				results.add(null);
				changes.add(null);
				continue;
			}
			Actor actor = actors.get(id);
			List<FieldChange> fieldChanges = actorChanges(actor, command);
			if (fieldChanges.isEmpty()) {
				results.add(new Imported(id, ImportOutcome.UNCHANGED));
				changes.add(null);
				continue;
			}
			ActorState before = state(actor, command.contact());
			this.writer.structure(actor, merged(actor, command));
			if (command.status() != null) {
				actor.setStatus(command.status());
			}
			if (command.contact() != null) {
				contact(actor, command);
			}
			this.writer.raiseVersion(actor);
			changes.add(new History.Change(Subject.ACTOR, id, IMPORTED, command.source().by(), fieldChanges,
					command.source().note()));
			results.add(new Imported(id, ImportOutcome.UPDATED,
					this.json.writeValueAsString(new Previous(before, state(actor, command.contact()), null, null))));
		}
		this.writer.flush();
		int next = 0;
		for (int i = 0; i < commands.size(); i++) {
			if (results.get(i) == null) {
				ImportActor command = commands.get(i);
				long id = created.get(next++).getId();
				results.set(i, new Imported(id, ImportOutcome.CREATED));
				changes.set(i, new History.Change(Subject.ACTOR, id, IMPORTED, command.source().by(),
						actorChanges(null, command), command.source().note()));
			}
		}
		insertLegacyIds("actor_legacy_id", "actor_id", createdIds, created.stream().map(Actor::getId).toList());
		this.history.recordAll(changes.stream().filter(Objects::nonNull).toList());
		return results;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	Imported importActor(ImportActor command) {
		return importActors(List.of(command)).get(0);
	}

	private Actor createActor(ImportActor command, String slug) {
		Actor actor = this.writer.newActor(command.actor(), slug);
		if (command.status() != null) {
			actor.setStatus(command.status());
		}
		if (command.contact() != null) {
			contact(actor, command);
		}
		if (command.publish()) {
			actor.consentToPublication(true);
			actor.publish();
		}
		return actor;
	}

	private void insertLegacyIds(String table, String column, List<String> legacyIds, List<Long> ids) {
		if (legacyIds.isEmpty()) {
			return;
		}
		this.jdbc
			.sql("insert into %s (legacy_id, %s) select * from unnest(cast(:legacy as text[]), cast(:ids as bigint[]))"
				.formatted(table, column))
			.param("legacy", legacyIds.toArray(String[]::new))
			.param("ids", ids.toArray(Long[]::new))
			.update();
	}

	/** Gives a merged actor's old identifiers to the actor it is merged into. */
	void transferActorIdentifiers(long mergedId, long survivorId) {
		this.jdbc.sql("update actor_legacy_id set actor_id = :survivor where actor_id = :merged")
			.param("survivor", survivorId)
			.param("merged", mergedId)
			.update();
	}

	/** What importing the projects would do, nothing written. */
	@Transactional(propagation = Propagation.MANDATORY)
	List<Imported> previewProjects(List<ImportProject> commands) {
		Map<String, Long> known = projectIds(commands.stream().map(ImportProject::legacyId).toList());
		Map<Long, Project> projects = this.writer.projects(known.values(), false);
		List<Imported> results = new ArrayList<>();
		for (ImportProject command : commands) {
			Long id = known.get(command.legacyId());
			if (id == null) {
				results.add(new Imported(null, ImportOutcome.CREATED));
			}
			else {
				results.add(new Imported(id, projectChanges(projects.get(id), command).isEmpty()
						? ImportOutcome.UNCHANGED : ImportOutcome.UPDATED));
			}
		}
		return results;
	}

	/**
	 * Writes the projects, as {@link #importActors} writes actors.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	List<Imported> importProjects(List<ImportProject> commands) {
		this.indexing.deferInThisTransaction();
		Map<String, Long> known = projectIds(commands.stream().map(ImportProject::legacyId).toList());
		Map<Long, Project> projects = this.writer.projects(known.values(), true);
		List<ImportProject> toCreate = commands.stream()
			.filter((command) -> !known.containsKey(command.legacyId()))
			.toList();
		Map<Long, Actor> leads = this.writer
			.actors(toCreate.stream().map(ImportProject::leadActorId).distinct().toList());
		List<String> slugs = this.writer
			.uniqueProjectSlugs(toCreate.stream().map((command) -> command.project().title()).toList());
		int nextSlug = 0;
		List<Imported> results = new ArrayList<>();
		List<Project> created = new ArrayList<>();
		List<String> createdIds = new ArrayList<>();
		List<History.Change> changes = new ArrayList<>();
		for (ImportProject command : commands) {
			Long id = known.get(command.legacyId());
			if (id == null) {
				Actor lead = leads.get(command.leadActorId());
				if (lead == null) {
					throw new IllegalStateException("No actor " + command.leadActorId());
				}
				created.add(this.writer.project(lead, command.project(), slugs.get(nextSlug++)));
				createdIds.add(command.legacyId());
				results.add(null);
				changes.add(null);
				continue;
			}
			Project project = projects.get(id);
			List<FieldChange> fieldChanges = projectChanges(project, command);
			if (fieldChanges.isEmpty()) {
				results.add(new Imported(id, ImportOutcome.UNCHANGED));
				changes.add(null);
				continue;
			}
			ProjectFields before = state(project);
			this.writer.fill(project, merged(project, command));
			changes.add(new History.Change(Subject.PROJECT, id, IMPORTED, command.source().by(), fieldChanges,
					command.source().note()));
			results.add(new Imported(id, ImportOutcome.UPDATED,
					this.json.writeValueAsString(new Previous(null, null, before, state(project)))));
		}
		this.writer.flush();
		int next = 0;
		for (int i = 0; i < commands.size(); i++) {
			if (results.get(i) == null) {
				ImportProject command = commands.get(i);
				long id = created.get(next++).getId();
				results.set(i, new Imported(id, ImportOutcome.CREATED));
				changes.set(i, new History.Change(Subject.PROJECT, id, IMPORTED, command.source().by(),
						projectChanges(null, command), command.source().note()));
			}
		}
		insertLegacyIds("project_legacy_id", "project_id", createdIds, created.stream().map(Project::getId).toList());
		this.history.recordAll(changes.stream().filter(Objects::nonNull).toList());
		return results;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	Imported importProject(ImportProject command) {
		return importProjects(List.of(command)).get(0);
	}

	@Transactional(propagation = Propagation.MANDATORY)
	UndoneImport undo(Collection<Long> actorIds, Collection<Long> projectIds, Collection<UpdatedEntry> updated,
			String by, String note) {
		List<KeptEntry> kept = new ArrayList<>();
		int projectsRestored = 0;
		int actorsRestored = 0;
		for (UpdatedEntry entry : updated) {
			Previous previous = this.json.readValue(entry.previous(), Previous.class);
			boolean restored = entry.actor() ? restoreActor(entry.id(), previous, by, note, kept)
					: restoreProject(entry.id(), previous, by, note, kept);
			if (restored && entry.actor()) {
				actorsRestored++;
			}
			else if (restored) {
				projectsRestored++;
			}
		}
		int projects = 0;
		for (long id : projectIds) {
			Project project = this.writer.lockedProject(id).orElse(null);
			if (project == null) {
				continue;
			}
			if (this.history.of(Subject.PROJECT, id).size() > 1) {
				kept.add(new KeptEntry(false, id, project.getTitle()));
				continue;
			}
			this.writer.remove(project);
			this.history.record(Subject.PROJECT, id, UNDONE, by, List.of(), null, note);
			projects++;
		}
		this.writer.flush();
		int actors = 0;
		for (long id : actorIds) {
			Actor actor = this.writer.lockedActor(id).orElse(null);
			if (actor == null) {
				continue;
			}
			if (this.history.of(Subject.ACTOR, id).size() > 1 || !actor.getLedProjects().isEmpty()
					|| !actor.getJoinedProjects().isEmpty()) {
				kept.add(new KeptEntry(true, id, actor.getName()));
				continue;
			}
			this.writer.remove(actor);
			this.history.record(Subject.ACTOR, id, UNDONE, by, List.of(), null, note);
			actors++;
		}
		this.writer.flush();
		return new UndoneImport(actors, projects, actorsRestored, projectsRestored, kept);
	}

	/**
	 * What an import's undo needs of an entry it updated: the entry as it was before and
	 * as the import left it (an actor's, or a project's).
	 */
	record Previous(ActorState actorBefore, ActorState actorAfter, ProjectFields projectBefore,
			ProjectFields projectAfter) {
	}

	/**
	 * An actor's fields, status and publication, and the contact person an import writes
	 * (found by name or email; null when it has none).
	 */
	record ActorState(ActorFields fields, ActorStatus status, boolean published, ContactState contact) {
	}

	record ContactState(String fullName, String role, String email, String phone) {
	}

	private static ActorState state(Actor actor, ContactFields contact) {
		ContactPerson person = (contact != null) ? sameContact(actor, contact) : null;
		return new ActorState(fieldsOf(actor), actor.getStatus(), actor.isPublished(),
				(person != null)
						? new ContactState(person.getFullName(), person.getRole(), person.getEmail(), person.getPhone())
						: null);
	}

	private static ActorFields fieldsOf(Actor actor) {
		return new ActorFields(actor.getName(), actor.getAcronym(), actor.getTypeCode(), actor.getSirenSiret(),
				actor.getRna(), actor.getAddressLine(), actor.getPostalCode(), actor.getCommune().getInseeCode(),
				actor.getWebsite(), actor.getEmail(), actor.getPhone(), actor.getDescription(), actor.getFoundingYear(),
				actor.getNetworks().stream().map(Network::getSlug).sorted().toList());
	}

	private static ProjectFields state(Project project) {
		return new ProjectFields(null, project.getId(), project.getTitle(), project.getKind(), project.getNature(),
				project.getStatus(), project.getDescription(), List.copyOf(project.getLocalities()),
				List.copyOf(project.getFunders()), project.getStartYear(), project.getEndYear(),
				project.getPartnerAuthority(), project.getCountryCodes().stream().sorted().toList(),
				project.getDomainSlugs().stream().sorted().toList(),
				project.getPartners()
					.stream()
					.map((p) -> new PartnerFields(p.getName(), p.getCountry().getIso2(), p.getCity()))
					.sorted(java.util.Comparator.comparing(PartnerFields::name)
						.thenComparing(PartnerFields::countryIso2)
						.thenComparing((PartnerFields p) -> Objects.toString(p.city(), "")))
					.toList());
	}

	/**
	 * Gives an actor an import updated its values from before, unless it changed since
	 * (it is then kept and listed).
	 */
	private boolean restoreActor(long id, Previous previous, String by, String note, List<KeptEntry> kept) {
		Actor actor = this.writer.lockedActor(id).orElse(null);
		if (actor == null) {
			return false;
		}
		ActorState after = previous.actorAfter();
		ContactFields contact = (after.contact() != null) ? new ContactFields(null, after.contact().fullName(),
				after.contact().role(), after.contact().email(), after.contact().phone(), false, false, false) : null;
		if (!state(actor, contact).equals(after)) {
			kept.add(new KeptEntry(true, id, actor.getName()));
			return false;
		}
		ActorState before = previous.actorBefore();
		ContactState was = before.contact();
		ContactFields restoredContact = (was != null)
				? new ContactFields(null, was.fullName(), was.role(), was.email(), was.phone(), false, false, false)
				: null;
		List<FieldChange> changes = new ArrayList<>(actorChanges(actor, new ImportActor(null, before.fields(), Set.of(),
				before.status(), restoredContact, false, false, null)));
		this.writer.structure(actor, before.fields());
		actor.setStatus(before.status());
		if (contact != null) {
			ContactPerson person = sameContact(actor, contact);
			if (was == null) {
				changes.add(FieldChange.of("census.field.contacts.fullName", person.getFullName(), person.getFullName(),
						null));
				actor.getContacts().remove(person);
			}
			else {
				person.update(was.fullName(), was.role(), was.email(), was.phone(), person.getPosition());
			}
		}
		this.writer.raiseVersion(actor);
		this.history.record(Subject.ACTOR, id, UNDONE, by, changes, null, note);
		return true;
	}

	/**
	 * Gives a project an import updated its values from before, unless it changed since.
	 */
	private boolean restoreProject(long id, Previous previous, String by, String note, List<KeptEntry> kept) {
		Project project = this.writer.lockedProject(id).orElse(null);
		if (project == null) {
			return false;
		}
		if (!state(project).equals(previous.projectAfter())) {
			kept.add(new KeptEntry(false, id, project.getTitle()));
			return false;
		}
		ProjectFields before = previous.projectBefore();
		List<FieldChange> changes = projectChanges(project,
				new ImportProject(null, project.getLeadActor().getId(), before, Set.of(), null));
		this.writer.fill(project, before);
		this.history.record(Subject.PROJECT, id, UNDONE, by, changes, null, note);
		return true;
	}

	/** The file's fields, with the actor's own values where the file has none. */
	private static ActorFields merged(Actor actor, ImportActor command) {
		ActorFields f = command.actor();
		Set<String> keep = command.keep();
		return new ActorFields(f.name(), pick(keep, "acronym", actor.getAcronym(), f.acronym()),
				pick(keep, "actorTypeCode", actor.getTypeCode(), f.actorTypeCode()),
				pick(keep, "sirenSiret", actor.getSirenSiret(), f.sirenSiret()),
				pick(keep, "rna", actor.getRna(), f.rna()),
				pick(keep, "addressLine", actor.getAddressLine(), f.addressLine()),
				pick(keep, "postalCode", actor.getPostalCode(), f.postalCode()),
				pick(keep, "communeInsee", actor.getCommune().getInseeCode(), f.communeInsee()),
				pick(keep, "website", actor.getWebsite(), f.website()),
				pick(keep, "email", actor.getEmail(), f.email()), pick(keep, "phone", actor.getPhone(), f.phone()),
				pick(keep, "description", actor.getDescription(), f.description()),
				pick(keep, "foundingYear", actor.getFoundingYear(), f.foundingYear()),
				actor.getNetworks().stream().map(Network::getSlug).sorted().toList());
	}

	private static ProjectFields merged(Project project, ImportProject command) {
		ProjectFields f = command.project();
		Set<String> keep = command.keep();
		List<PartnerFields> partners = project.getPartners()
			.stream()
			.map((p) -> new PartnerFields(p.getName(), p.getCountry().getIso2(), p.getCity()))
			.toList();
		return new ProjectFields(f.key(), project.getId(), f.title(), pick(keep, "kind", project.getKind(), f.kind()),
				pick(keep, "nature", project.getNature(), f.nature()),
				pick(keep, "status", project.getStatus(), f.status()),
				pick(keep, "description", project.getDescription(), f.description()),
				pick(keep, "localities", project.getLocalities(), f.localities()),
				pick(keep, "funders", project.getFunders(), f.funders()),
				pick(keep, "startYear", project.getStartYear(), f.startYear()),
				pick(keep, "endYear", project.getEndYear(), f.endYear()),
				pick(keep, "partnerAuthority", project.getPartnerAuthority(), f.partnerAuthority()),
				pick(keep, "countries", List.copyOf(project.getCountryCodes()), f.countries()),
				pick(keep, "domainSlugs", List.copyOf(project.getDomainSlugs()), f.domainSlugs()), partners);
	}

	private static <T> T pick(Set<String> keep, String field, T own, T file) {
		return keep.contains(field) ? own : file;
	}

	/**
	 * The actor's fields the file changes (every field of the file for a new actor, when
	 * {@code actor} is null).
	 */
	private List<FieldChange> actorChanges(Actor actor, ImportActor command) {
		ActorFields f = (actor != null) ? merged(actor, command) : command.actor();
		List<FieldChange> changes = new ArrayList<>();
		changes.add(FieldChange.of("census.field.name", (actor != null) ? actor.getName() : null, f.name()));
		changes.add(FieldChange.of("census.field.acronym", (actor != null) ? actor.getAcronym() : null, f.acronym()));
		changes.add(FieldChange.of("census.field.actorType", (actor != null) ? actor.getTypeCode() : null,
				f.actorTypeCode()));
		changes
			.add(FieldChange.of("census.field.siret", (actor != null) ? actor.getSirenSiret() : null, f.sirenSiret()));
		changes.add(FieldChange.of("census.field.rna", (actor != null) ? actor.getRna() : null, f.rna()));
		changes.add(FieldChange.of("census.field.addressLine", (actor != null) ? actor.getAddressLine() : null,
				f.addressLine()));
		changes.add(FieldChange.of("census.field.postalCode", (actor != null) ? actor.getPostalCode() : null,
				f.postalCode()));
		changes.add(FieldChange.of("census.field.communeInsee",
				(actor != null) ? actor.getCommune().getInseeCode() : null, f.communeInsee()));
		changes.add(FieldChange.of("census.field.website", (actor != null) ? actor.getWebsite() : null, f.website()));
		changes.add(FieldChange.of("census.field.email", (actor != null) ? actor.getEmail() : null, f.email()));
		changes.add(FieldChange.of("census.field.phone", (actor != null) ? actor.getPhone() : null, f.phone()));
		changes.add(FieldChange.of("census.field.description", (actor != null) ? actor.getDescription() : null,
				f.description()));
		changes.add(FieldChange.of("census.field.foundingYear", (actor != null) ? actor.getFoundingYear() : null,
				f.foundingYear()));
		if (command.status() != null) {
			changes.add(FieldChange.of("moderation.field.status", (actor != null) ? actor.getStatus() : null,
					command.status()));
		}
		ContactFields contact = command.contact();
		if (contact != null) {
			ContactPerson person = (actor != null) ? sameContact(actor, contact) : null;
			String item = contact.fullName();
			changes.add(FieldChange.of("census.field.contacts.fullName", item,
					(person != null) ? person.getFullName() : null, contact.fullName()));
			changes.add(FieldChange.of("census.field.contacts.role", item, (person != null) ? person.getRole() : null,
					contact.role()));
			changes.add(FieldChange.of("census.field.contacts.email", item, (person != null) ? person.getEmail() : null,
					contact.email()));
			changes.add(FieldChange.of("census.field.contacts.phone", item, (person != null) ? person.getPhone() : null,
					contact.phone()));
			if (command.contactConsents()) {
				changes.add(FieldChange.of("census.field.contacts.publishName", item,
						(person != null) ? person.isPublic(ConsentField.NAME) : null, contact.publishName()));
				changes.add(FieldChange.of("census.field.contacts.publishEmail", item,
						(person != null) ? person.isPublic(ConsentField.EMAIL) : null, contact.publishEmail()));
				changes.add(FieldChange.of("census.field.contacts.publishPhone", item,
						(person != null) ? person.isPublic(ConsentField.PHONE) : null, contact.publishPhone()));
			}
		}
		return changes.stream().filter(Objects::nonNull).toList();
	}

	private List<FieldChange> projectChanges(Project project, ImportProject command) {
		ProjectFields f = (project != null) ? merged(project, command) : command.project();
		List<FieldChange> changes = new ArrayList<>();
		changes.add(FieldChange.of("census.field.title", (project != null) ? project.getTitle() : null, f.title()));
		changes.add(FieldChange.of("census.field.kind", (project != null) ? project.getKind() : null, f.kind()));
		changes.add(FieldChange.of("census.field.nature", (project != null) ? project.getNature() : null, f.nature()));
		changes.add(FieldChange.of("census.field.status", (project != null) ? project.getStatus() : null, f.status()));
		changes.add(FieldChange.of("census.field.description", (project != null) ? project.getDescription() : null,
				f.description()));
		changes.add(FieldChange.of("census.field.localities",
				(project != null) ? String.join(", ", project.getLocalities()) : null,
				String.join(", ", f.localities())));
		changes.add(FieldChange.of("census.field.funders",
				(project != null) ? String.join(", ", project.getFunders()) : null, String.join(", ", f.funders())));
		changes.add(FieldChange.of("census.field.startYear", (project != null) ? project.getStartYear() : null,
				f.startYear()));
		changes
			.add(FieldChange.of("census.field.endYear", (project != null) ? project.getEndYear() : null, f.endYear()));
		changes.add(FieldChange.of("census.field.partnerAuthority",
				(project != null) ? project.getPartnerAuthority() : null, f.partnerAuthority()));
		changes.add(FieldChange.of("census.field.countries",
				(project != null) ? sorted(project.getCountries().stream().map(Country::getIso2).toList()) : null,
				sorted(f.countries().stream().map((c) -> c.toUpperCase(Locale.ROOT)).toList())));
		changes.add(FieldChange.of("census.field.domains",
				(project != null) ? sorted(project.getDomains().stream().map(Domain::getSlug).toList()) : null,
				sorted(f.domainSlugs())));
		return changes.stream().filter(Objects::nonNull).toList();
	}

	private static String sorted(Collection<String> values) {
		return String.join(", ", new TreeSet<>(values));
	}

	/** The actor's contact person with the same name or email, if any. */
	private static ContactPerson sameContact(Actor actor, ContactFields contact) {
		for (ContactPerson person : actor.getContacts()) {
			if (person.getFullName().equalsIgnoreCase(contact.fullName()) || (contact.email() != null
					&& person.getEmail() != null && person.getEmail().equalsIgnoreCase(contact.email()))) {
				return person;
			}
		}
		return null;
	}

	/**
	 * Adds or updates the file's contact person; its consents only when the file has
	 * them.
	 */
	private void contact(Actor actor, ImportActor command) {
		ContactFields fields = command.contact();
		ContactPerson person = sameContact(actor, fields);
		if (person == null) {
			person = new ContactPerson(actor, fields.fullName(), fields.role(), fields.email(), fields.phone(),
					(short) actor.getContacts().size());
			actor.getContacts().add(person);
		}
		else {
			person.update(fields.fullName(), fields.role(), fields.email(), fields.phone(), person.getPosition());
		}
		if (!command.contactConsents()) {
			return;
		}
		consent(person, ConsentField.NAME, fields.publishName(), command);
		consent(person, ConsentField.EMAIL, fields.publishEmail(), command);
		consent(person, ConsentField.PHONE, fields.publishPhone(), command);
	}

	private void consent(ContactPerson person, ConsentField field, boolean granted, ImportActor command) {
		boolean recorded = person.getConsents().stream().anyMatch((c) -> c.getField() == field);
		if (!recorded || person.isPublic(field) != granted) {
			person.recordConsent(field, granted, command.source().note(), "import", ConsentChannel.IMPORT,
					this.clock.instant());
		}
	}

}
