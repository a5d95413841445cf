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
import fr.lianes.repertoire.directory.EntryCommands.PartnerFields;
import fr.lianes.repertoire.directory.EntryCommands.ProjectFields;
import fr.lianes.repertoire.history.History;
import fr.lianes.repertoire.history.History.FieldChange;
import fr.lianes.repertoire.history.History.Subject;
import fr.lianes.repertoire.reference.Country;
import fr.lianes.repertoire.reference.Domain;
import fr.lianes.repertoire.reference.Network;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the entries of the old directory's exports through {@link EntryWriter}: an entry
 * is found again by its old identifier ({@code actor_legacy_id},
 * {@code project_legacy_id}), compared field by field, and written only when something
 * changed, with one history row « import de <fichier> par <personne> ».
 */
@Component
class LegacyImports {

	static final String IMPORTED = "IMPORTED";

	static final String UNDONE = "IMPORT_UNDONE";

	private final EntryWriter writer;

	private final History history;

	private final JdbcClient jdbc;

	private final Clock clock;

	LegacyImports(EntryWriter writer, History history, JdbcClient jdbc, Clock clock) {
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

	@Transactional(propagation = Propagation.MANDATORY)
	Optional<Long> projectId(String legacyId) {
		return this.jdbc.sql("select project_id from project_legacy_id where legacy_id = :id")
			.param("id", legacyId)
			.query(Long.class)
			.optional();
	}

	/** What importing the actor would do, nothing written. */
	@Transactional(propagation = Propagation.MANDATORY)
	Imported previewActor(ImportActor command) {
		Long id = actorIds(List.of(command.legacyId())).get(command.legacyId());
		if (id == null) {
			return new Imported(null, ImportOutcome.CREATED);
		}
		Actor actor = this.writer.actor(id).orElseThrow();
		return new Imported(id,
				actorChanges(actor, command).isEmpty() ? ImportOutcome.UNCHANGED : ImportOutcome.UPDATED);
	}

	@Transactional(propagation = Propagation.MANDATORY)
	Imported importActor(ImportActor command) {
		Long id = actorIds(List.of(command.legacyId())).get(command.legacyId());
		if (id == null) {
			return createActor(command);
		}
		Actor actor = this.writer.lockedActor(id).orElseThrow();
		List<FieldChange> changes = actorChanges(actor, command);
		if (changes.isEmpty()) {
			return new Imported(id, ImportOutcome.UNCHANGED);
		}
		this.writer.structure(actor, merged(actor, command));
		if (command.status() != null) {
			actor.setStatus(command.status());
		}
		if (command.contact() != null) {
			contact(actor, command);
		}
		this.writer.raiseVersion(actor);
		this.history.record(Subject.ACTOR, id, IMPORTED, command.source().by(), changes, null, command.source().note());
		return new Imported(id, ImportOutcome.UPDATED);
	}

	private Imported createActor(ImportActor command) {
		Actor actor = this.writer.newActor(command.actor());
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
		this.writer.flush();
		this.jdbc.sql("insert into actor_legacy_id (legacy_id, actor_id) values (:legacy, :actor)")
			.param("legacy", command.legacyId())
			.param("actor", actor.getId())
			.update();
		this.history.record(Subject.ACTOR, actor.getId(), IMPORTED, command.source().by(), actorChanges(null, command),
				null, command.source().note());
		return new Imported(actor.getId(), ImportOutcome.CREATED);
	}

	/** Gives a merged actor's old identifiers to the actor it is merged into. */
	void transferActorIdentifiers(long mergedId, long survivorId) {
		this.jdbc.sql("update actor_legacy_id set actor_id = :survivor where actor_id = :merged")
			.param("survivor", survivorId)
			.param("merged", mergedId)
			.update();
	}

	/** What importing the project would do, nothing written. */
	@Transactional(propagation = Propagation.MANDATORY)
	Imported previewProject(ImportProject command) {
		Optional<Long> id = projectId(command.legacyId());
		if (id.isEmpty()) {
			return new Imported(null, ImportOutcome.CREATED);
		}
		Project project = this.writer.project(id.get()).orElseThrow();
		return new Imported(id.get(),
				projectChanges(project, command).isEmpty() ? ImportOutcome.UNCHANGED : ImportOutcome.UPDATED);
	}

	@Transactional(propagation = Propagation.MANDATORY)
	Imported importProject(ImportProject command) {
		Optional<Long> id = projectId(command.legacyId());
		if (id.isPresent()) {
			Project project = this.writer.lockedProject(id.get()).orElseThrow();
			List<FieldChange> changes = projectChanges(project, command);
			if (changes.isEmpty()) {
				return new Imported(id.get(), ImportOutcome.UNCHANGED);
			}
			this.writer.fill(project, merged(project, command));
			this.history.record(Subject.PROJECT, id.get(), IMPORTED, command.source().by(), changes, null,
					command.source().note());
			return new Imported(id.get(), ImportOutcome.UPDATED);
		}
		Actor lead = this.writer.actor(command.leadActorId()).orElseThrow();
		Project project = this.writer.project(lead, command.project());
		this.writer.flush();
		this.jdbc.sql("insert into project_legacy_id (legacy_id, project_id) values (:legacy, :project)")
			.param("legacy", command.legacyId())
			.param("project", project.getId())
			.update();
		this.history.record(Subject.PROJECT, project.getId(), IMPORTED, command.source().by(),
				projectChanges(null, command), null, command.source().note());
		return new Imported(project.getId(), ImportOutcome.CREATED);
	}

	@Transactional(propagation = Propagation.MANDATORY)
	UndoneImport undo(Collection<Long> actorIds, Collection<Long> projectIds, String by, String note) {
		List<KeptEntry> kept = new ArrayList<>();
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
		return new UndoneImport(actors, projects, kept);
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
