package fr.lianes.repertoire.directory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import fr.lianes.repertoire.directory.EntryCommands.ActorFields;
import fr.lianes.repertoire.directory.EntryCommands.Consent;
import fr.lianes.repertoire.directory.EntryCommands.ContactFields;
import fr.lianes.repertoire.directory.EntryCommands.PartnerFields;
import fr.lianes.repertoire.directory.EntryCommands.ProjectFields;
import fr.lianes.repertoire.reference.ActorType;
import fr.lianes.repertoire.reference.Commune;
import fr.lianes.repertoire.reference.Country;
import fr.lianes.repertoire.reference.Domain;
import fr.lianes.repertoire.reference.DomainRef;
import fr.lianes.repertoire.reference.Network;
import fr.lianes.repertoire.reference.ReferenceData;
import fr.lianes.repertoire.reference.Slugs;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the directory's entries through JPA, so that the search index follows the
 * commit. {@link Entries} alone calls it, with fields its callers have checked.
 */
@Component
class EntryWriter {

	private static final int ACTOR_SLUG_LENGTH = 160;

	private static final int PROJECT_SLUG_LENGTH = 200;

	private final EntityManager entities;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ReferenceData lists;

	EntryWriter(EntityManager entities, JdbcClient jdbc, Clock clock, ReferenceData lists) {
		this.entities = entities;
		this.jdbc = jdbc;
		this.clock = clock;
		this.lists = lists;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	Optional<Actor> actor(long id) {
		return Optional.ofNullable(this.entities.find(Actor.class, id));
	}

	/** The actor, its row locked until the end of the transaction. */
	@Transactional(propagation = Propagation.MANDATORY)
	Optional<Actor> lockedActor(long id) {
		return Optional.ofNullable(this.entities.find(Actor.class, id, LockModeType.PESSIMISTIC_WRITE));
	}

	/** The project, its row locked until the end of the transaction. */
	@Transactional(propagation = Propagation.MANDATORY)
	Optional<Project> lockedProject(long id) {
		return Optional.ofNullable(this.entities.find(Project.class, id, LockModeType.PESSIMISTIC_WRITE));
	}

	/** The actors of these ids, their rows locked until the end of the transaction. */
	@Transactional(propagation = Propagation.MANDATORY)
	Map<Long, Actor> lockedActors(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return this.entities.createQuery("select a from Actor a where a.id in :ids", Actor.class)
			.setParameter("ids", ids)
			.setLockMode(LockModeType.PESSIMISTIC_WRITE)
			.getResultStream()
			.collect(Collectors.toMap(Actor::getId, Function.identity()));
	}

	/** The actors of these ids, to read. */
	@Transactional(propagation = Propagation.MANDATORY)
	Map<Long, Actor> actors(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return this.entities.createQuery("select a from Actor a where a.id in :ids", Actor.class)
			.setParameter("ids", ids)
			.getResultStream()
			.collect(Collectors.toMap(Actor::getId, Function.identity()));
	}

	/**
	 * The projects of these ids, their rows locked (or not) until the end of the
	 * transaction.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	Map<Long, Project> projects(Collection<Long> ids, boolean lock) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		var query = this.entities.createQuery("select p from Project p where p.id in :ids", Project.class)
			.setParameter("ids", ids);
		if (lock) {
			query.setLockMode(LockModeType.PESSIMISTIC_WRITE);
		}
		return query.getResultStream().collect(Collectors.toMap(Project::getId, Function.identity()));
	}

	/** Raises the actor's version: its contact persons live in their own rows. */
	@Transactional(propagation = Propagation.MANDATORY)
	void raiseVersion(Actor actor) {
		this.entities.lock(actor, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
	}

	@Transactional(propagation = Propagation.MANDATORY)
	Optional<Project> project(long id) {
		return Optional.ofNullable(this.entities.find(Project.class, id));
	}

	/** Deletes a project: it leaves its actors' lists and the search index. */
	@Transactional(propagation = Propagation.MANDATORY)
	void remove(Project project) {
		project.getLeadActor().getLedProjects().remove(project);
		this.entities.remove(project);
	}

	/** Deletes an actor that leads and takes part in no project any more. */
	@Transactional(propagation = Propagation.MANDATORY)
	void remove(Actor actor) {
		this.entities.remove(actor);
	}

	/** A new actor, not published. */
	@Transactional(propagation = Propagation.MANDATORY)
	Actor newActor(ActorFields fields) {
		return newActor(fields, uniqueActorSlug(fields.name()));
	}

	/** A new actor under this slug (one of {@link #uniqueActorSlugs}), not published. */
	@Transactional(propagation = Propagation.MANDATORY)
	Actor newActor(ActorFields fields, String slug) {
		Actor actor = new Actor(slug, fields.name(),
				this.entities.getReference(ActorType.class, fields.actorTypeCode()),
				this.entities.getReference(Commune.class, fields.communeInsee()), ActorStatus.ACTIVE);
		structure(actor, fields);
		this.entities.persist(actor);
		return actor;
	}

	/** The actor's own fields and networks. */
	@Transactional(propagation = Propagation.MANDATORY)
	void structure(Actor actor, ActorFields fields) {
		actor.setName(fields.name());
		actor.setAcronym(fields.acronym());
		actor.setType(this.entities.getReference(ActorType.class, fields.actorTypeCode()));
		actor.setSirenSiret(fields.sirenSiret());
		actor.setRna(fields.rna());
		actor.setAddressLine(fields.addressLine());
		actor.setPostalCode(fields.postalCode());
		actor.setCommune(this.entities.getReference(Commune.class, fields.communeInsee()));
		actor.setWebsite(fields.website());
		actor.setEmail(fields.email());
		actor.setPhone(fields.phone());
		actor.setDescription(fields.description());
		actor.setFoundingYear(fields.foundingYear());
		Set<Network> networks = networks(fields.networkSlugs());
		actor.getNetworks().retainAll(networks);
		actor.getNetworks().addAll(networks);
	}

	/**
	 * The contact persons: persons kept by their id are updated, new ones added, and the
	 * ones shown ({@code consent.shownAt()}) but left out removed. Each consent that
	 * differs from the latest one is recorded.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void contacts(Actor actor, List<ContactFields> contacts, Consent consent) {
		Map<Long, ContactPerson> existing = actor.getContacts()
			.stream()
			.collect(Collectors.toMap(ContactPerson::getId, Function.identity()));
		Set<Long> kept = new HashSet<>();
		short position = 0;
		for (ContactFields fields : contacts) {
			ContactPerson person = (fields.id() != null) ? existing.get(fields.id()) : null;
			if (person == null) {
				person = new ContactPerson(actor, fields.fullName(), fields.role(), fields.email(), fields.phone(),
						position);
				actor.getContacts().add(person);
			}
			else {
				kept.add(fields.id());
				person.update(fields.fullName(), fields.role(), fields.email(), fields.phone(), position);
			}
			consent(person, ConsentField.NAME, fields.publishName(), consent);
			consent(person, ConsentField.EMAIL, fields.publishEmail(), consent);
			consent(person, ConsentField.PHONE, fields.publishPhone(), consent);
			position++;
		}
		actor.getContacts()
			.removeIf((c) -> c.getId() != null && !kept.contains(c.getId())
					&& !c.getCreatedAt().isAfter(consent.shownAt()));
	}

	/**
	 * A project: the actor's own project of the same id, or a new one, published (its
	 * actor's publication decides whether the public sees it). A new project is inserted
	 * once every field is set: the database checks the row as a whole (an agreement needs
	 * its partner authority).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	Project project(Actor actor, ProjectFields fields) {
		return project(actor, fields, null);
	}

	/**
	 * {@link #project(Actor, ProjectFields)}, a new project under this slug (one of
	 * {@link #uniqueProjectSlugs}; null: found here).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	Project project(Actor actor, ProjectFields fields, String slug) {
		Project project = projectOf(actor, fields.id()).orElse(null);
		boolean isNew = project == null;
		if (isNew) {
			project = new Project((slug != null) ? slug : uniqueProjectSlug(fields.title()), fields.title(), actor,
					fields.kind(), fields.nature(), fields.status());
		}
		fill(project, fields);
		project.publish();
		if (isNew) {
			this.entities.persist(project);
		}
		return project;
	}

	/** A project's fields. */
	@Transactional(propagation = Propagation.MANDATORY)
	void fill(Project project, ProjectFields fields) {
		project.setTitle(fields.title());
		project.setKind(fields.kind());
		project.setNature(fields.nature());
		project.setStatus(fields.status());
		project.setDescription(fields.description());
		project.setLocalities(fields.localities());
		project.setFunders(fields.funders());
		project.setYears(fields.startYear(), fields.endYear());
		project.setPartnerAuthority(fields.partnerAuthority());
		Set<Country> countries = new HashSet<>();
		for (String iso2 : fields.countries()) {
			countries.add(this.entities.getReference(Country.class, iso2.toUpperCase(Locale.ROOT)));
		}
		project.getCountries().retainAll(countries);
		project.getCountries().addAll(countries);
		Set<Domain> domains = domains(fields.domainSlugs());
		project.getDomains().retainAll(domains);
		project.getDomains().addAll(domains);
		Set<PartnerOrganisation> partners = new HashSet<>();
		for (PartnerFields partner : fields.partners()) {
			partners.add(partner(partner));
		}
		project.getPartners().retainAll(partners);
		project.getPartners().addAll(partners);
	}

	/** The actor's project of this id. */
	@Transactional(propagation = Propagation.MANDATORY)
	Optional<Project> projectOf(Actor actor, Long id) {
		if (id == null) {
			return Optional.empty();
		}
		return project(id).filter((project) -> project.getLeadActor().getId().equals(actor.getId()));
	}

	/** The published projects the actor leads. */
	@Transactional(propagation = Propagation.MANDATORY)
	List<Project> publishedProjects(Actor actor) {
		return this.entities
			.createQuery("select p from Project p where p.leadActor = :actor and p.published order by p.id",
					Project.class)
			.setParameter("actor", actor)
			.getResultList();
	}

	@Transactional(propagation = Propagation.MANDATORY)
	void flush() {
		this.entities.flush();
	}

	private PartnerOrganisation partner(PartnerFields fields) {
		Country country = this.entities.getReference(Country.class, fields.countryIso2().toUpperCase(Locale.ROOT));
		String name = fields.name();
		String city = fields.city();
		return this.entities
			.createQuery(
					"select o from PartnerOrganisation o where o.country = :country and lower(o.name) = lower(:name) "
							+ "and coalesce(lower(o.city), '') = coalesce(lower(:city), '') order by o.id",
					PartnerOrganisation.class)
			.setParameter("country", country)
			.setParameter("name", name)
			.setParameter("city", city)
			.setMaxResults(1)
			.getResultStream()
			.findFirst()
			.orElseGet(() -> {
				PartnerOrganisation created = new PartnerOrganisation(name, country, city);
				this.entities.persist(created);
				return created;
			});
	}

	private void consent(ContactPerson person, ConsentField field, boolean granted, Consent consent) {
		boolean recorded = person.getConsents().stream().anyMatch((c) -> c.getField() == field);
		if (person.isPublic(field) != granted || !recorded) {
			person.recordConsent(field, granted, consent.by(),
					(consent.noticeVersion() != null) ? consent.noticeVersion() : "inconnue", consent.channel(),
					this.clock.instant());
		}
	}

	private Set<Network> networks(List<String> slugs) {
		if (slugs.isEmpty()) {
			return Set.of();
		}
		// a list the writes do not change: no flush of the entries written so far before
		// reading it (an import's batch holds hundreds of them, each checked again at
		// every flush)
		return this.entities.createQuery("select e from Network e where e.slug in :slugs", Network.class)
			.setFlushMode(FlushModeType.COMMIT)
			.setParameter("slugs", slugs)
			.getResultStream()
			.collect(Collectors.toSet());
	}

	private Set<Domain> domains(List<String> slugs) {
		if (slugs.isEmpty()) {
			return Set.of();
		}
		// the lists in memory know each domain's id: no query per project (an import's
		// batch writes hundreds); a slug they do not know (a domain added a moment ago on
		// another instance) is read
		Set<Domain> domains = new HashSet<>();
		List<String> unknown = new ArrayList<>();
		for (String slug : slugs) {
			Optional<DomainRef> known = this.lists.domain(slug);
			if (known.isPresent()) {
				domains.add(this.entities.getReference(Domain.class, known.get().id()));
			}
			else {
				unknown.add(slug);
			}
		}
		if (!unknown.isEmpty()) {
			domains.addAll(readDomains(unknown));
		}
		return domains;
	}

	private Set<Domain> readDomains(List<String> slugs) {
		// a list the writes do not change: no flush of the entries written so far before
		// reading it (an import's batch holds hundreds of them, each checked again at
		// every flush)
		return this.entities.createQuery("select e from Domain e where e.slug in :slugs", Domain.class)
			.setFlushMode(FlushModeType.COMMIT)
			.setParameter("slugs", slugs)
			.getResultStream()
			.collect(Collectors.toSet());
	}

	/** A slug for the actor's name, used by no actor and by no old address either. */
	private String uniqueActorSlug(String name) {
		// the entries persisted so far in the transaction are inserted at flush, their
		// ids
		// coming from a sequence: the query must see them
		this.entities.flush();
		String base = base(name, ACTOR_SLUG_LENGTH);
		return unique(base, this.jdbc.sql("""
				select slug from actor where slug = :base or slug like :prefix union all
				select old_slug from actor_slug_redirect where old_slug = :base or old_slug like :prefix"""));
	}

	/**
	 * A slug for the project's title, used by no project and by no old address either.
	 */
	private String uniqueProjectSlug(String title) {
		// the entries persisted so far in the transaction are inserted at flush, their
		// ids
		// coming from a sequence: the query must see them
		this.entities.flush();
		String base = base(title, PROJECT_SLUG_LENGTH);
		return unique(base, this.jdbc.sql("""
				select slug from project where slug = :base or slug like :prefix union all
				select old_slug from project_slug_redirect where old_slug = :base or old_slug like :prefix"""));
	}

	/**
	 * Slugs for new actors of these names, in their order, in one query: used by no
	 * actor, no old address, nor each other.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	List<String> uniqueActorSlugs(List<String> names) {
		return uniques(names, ACTOR_SLUG_LENGTH, "actor", "slug", "actor_slug_redirect");
	}

	/** Slugs for new projects of these titles, as {@link #uniqueActorSlugs} does. */
	@Transactional(propagation = Propagation.MANDATORY)
	List<String> uniqueProjectSlugs(List<String> titles) {
		return uniques(titles, PROJECT_SLUG_LENGTH, "project", "slug", "project_slug_redirect");
	}

	private List<String> uniques(List<String> names, int maxLength, String table, String column, String redirects) {
		if (names.isEmpty()) {
			return List.of();
		}
		List<String> bases = names.stream().map((name) -> base(name, maxLength)).toList();
		String[] distinct = bases.stream().distinct().toArray(String[]::new);
		// the base itself, and the slugs that start with 'base-': those from 'base-' to
		// 'base.' in the byte order (slugs are made of a-z, 0-9 and '-'), a range of the
		// indexes in collation "C" (V28) that a pattern known only while the statement
		// runs could not use
		Set<String> used = new HashSet<>(this.jdbc
			.sql("""
					select t.slug from unnest(cast(:bases as text[])) as b(base) cross join lateral (
					    select %1$s as slug from %2$s where %1$s = b.base
					    union all
					    select %1$s from %2$s
					    where %1$s collate "C" >= b.base || '-' and %1$s collate "C" < b.base || '.'
					    union all
					    select old_slug from %3$s where old_slug = b.base
					    union all
					    select old_slug from %3$s
					    where old_slug collate "C" >= b.base || '-' and old_slug collate "C" < b.base || '.') t"""
				.formatted(column, table, redirects))
			.param("bases", distinct)
			.query(String.class)
			.list());
		List<String> slugs = new java.util.ArrayList<>();
		for (String base : bases) {
			String slug = base;
			for (int n = 2; used.contains(slug); n++) {
				slug = base + "-" + n;
			}
			used.add(slug);
			slugs.add(slug);
		}
		return slugs;
	}

	private static String base(String name, int maxLength) {
		String base = Slugs.slugify(name);
		base = base.isEmpty() ? "sans-nom" : base.substring(0, Math.min(base.length(), maxLength - 6));
		return base.replaceAll("-+$", "");
	}

	private static String unique(String base, JdbcClient.StatementSpec taken) {
		Set<String> used = new HashSet<>(taken.param("base", base)
			.param("prefix", base.replace("_", "\\_").replace("%", "\\%") + "-%")
			.query(String.class)
			.list());
		if (!used.contains(base)) {
			return base;
		}
		for (int n = 2;; n++) {
			if (!used.contains(base + "-" + n)) {
				return base + "-" + n;
			}
		}
	}

}
