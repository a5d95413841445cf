package fr.lianes.repertoire.census;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import fr.lianes.repertoire.reference.Slugs;
import fr.lianes.repertoire.directory.Actor;
import fr.lianes.repertoire.directory.ActorStatus;
import fr.lianes.repertoire.directory.ConsentChannel;
import fr.lianes.repertoire.directory.ConsentField;
import fr.lianes.repertoire.directory.ContactPerson;
import fr.lianes.repertoire.directory.PartnerOrganisation;
import fr.lianes.repertoire.directory.Project;
import fr.lianes.repertoire.directory.ProjectKind;
import fr.lianes.repertoire.directory.ProjectNature;
import fr.lianes.repertoire.directory.ProjectStatus;
import fr.lianes.repertoire.reference.ActorType;
import fr.lianes.repertoire.reference.Commune;
import fr.lianes.repertoire.reference.Country;
import fr.lianes.repertoire.reference.Domain;
import fr.lianes.repertoire.reference.Network;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes questionnaire answers into the directory's entries, through JPA so that the
 * search index follows the commit. Checked answers only: the callers have run
 * {@link AnswersCheck}.
 */
@Component
class EntryWriter {

	private static final int ACTOR_SLUG_LENGTH = 160;

	private static final int PROJECT_SLUG_LENGTH = 200;

	private final EntityManager entities;

	private final JdbcClient jdbc;

	EntryWriter(EntityManager entities, JdbcClient jdbc) {
		this.entities = entities;
		this.jdbc = jdbc;
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

	@Transactional(propagation = Propagation.MANDATORY)
	Optional<Project> project(long id) {
		return Optional.ofNullable(this.entities.find(Project.class, id));
	}

	/** A new actor, not published, from the first step's answers. */
	@Transactional(propagation = Propagation.MANDATORY)
	Actor newActor(StructureAnswers s) {
		Actor actor = new Actor(uniqueSlug("actor", "actor_slug_redirect", s.name(), ACTOR_SLUG_LENGTH),
				s.name().strip(), this.entities.getReference(ActorType.class, s.actorType()),
				this.entities.getReference(Commune.class, s.communeInsee()), ActorStatus.ACTIVE);
		structure(actor, s);
		this.entities.persist(actor);
		return actor;
	}

	/** The actor's own fields and networks as answered. */
	@Transactional(propagation = Propagation.MANDATORY)
	void structure(Actor actor, StructureAnswers s) {
		actor.setName(s.name().strip());
		actor.setAcronym(Text.trimToNull(s.acronym()));
		actor.setType(this.entities.getReference(ActorType.class, s.actorType()));
		actor.setSirenSiret(Text.trimToNull(Text.digits(s.siret())));
		actor.setRna(upper(s.rna()));
		actor.setAddressLine(Text.trimToNull(s.addressLine()));
		actor.setPostalCode(Text.digits(s.postalCode()));
		actor.setCommune(this.entities.getReference(Commune.class, s.communeInsee()));
		actor.setWebsite(Text.trimToNull(s.website()));
		actor.setEmail(Text.trimToNull(s.email()));
		actor.setPhone(Text.trimToNull(s.phone()));
		actor.setDescription(Text.trimToNull(s.description()));
		actor.setFoundingYear(Text.isBlank(s.foundingYear()) ? null : Short.valueOf(s.foundingYear().strip()));
		Set<Network> networks = bySlug(Network.class, s.networks(), Network::getSlug);
		actor.getNetworks().retainAll(networks);
		actor.getNetworks().addAll(networks);
	}

	/**
	 * The contact persons as answered: persons kept by their key are updated, new ones
	 * added, and the ones the author was shown ({@code shownAt}) but left out removed.
	 * Each consent that differs from the latest one is recorded.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void contacts(Actor actor, List<ContactAnswers> answers, String author, String noticeVersion, Instant shownAt,
			ConsentChannel channel) {
		Map<String, ContactPerson> existing = actor.getContacts()
			.stream()
			.collect(Collectors.toMap((c) -> "c" + c.getId(), Function.identity()));
		Set<String> kept = new HashSet<>();
		short position = 0;
		for (ContactAnswers answer : answers) {
			ContactPerson person = existing.get(answer.key());
			if (person == null) {
				person = new ContactPerson(actor, answer.fullName().strip(), Text.trimToNull(answer.role()),
						Text.trimToNull(answer.email()), Text.trimToNull(answer.phone()), position);
				actor.getContacts().add(person);
			}
			else {
				kept.add(answer.key());
				person.update(answer.fullName().strip(), Text.trimToNull(answer.role()),
						Text.trimToNull(answer.email()), Text.trimToNull(answer.phone()), position);
			}
			consent(person, ConsentField.NAME, answer.publishName(), author, noticeVersion, channel);
			consent(person, ConsentField.EMAIL, answer.publishEmail(), author, noticeVersion, channel);
			consent(person, ConsentField.PHONE, answer.publishPhone(), author, noticeVersion, channel);
			position++;
		}
		actor.getContacts()
			.removeIf(
					(c) -> c.getId() != null && !kept.contains("c" + c.getId()) && !c.getCreatedAt().isAfter(shownAt));
	}

	/**
	 * A project as answered: the actor's own project of the same key, or a new one. The
	 * project is published; its actor's publication decides whether the public sees it. A
	 * new project is inserted once every answer is set: the database checks the row as a
	 * whole (an agreement needs its partner authority).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	Project project(Actor actor, ProjectAnswers p) {
		Project project = projectOf(actor, p.key()).orElse(null);
		ProjectKind kind = ProjectKind.valueOf(p.kind());
		ProjectNature nature = ProjectNature.valueOf(p.nature());
		ProjectStatus status = ProjectStatus.valueOf(p.status());
		boolean isNew = project == null;
		if (isNew) {
			project = new Project(uniqueSlug("project", "project_slug_redirect", p.title(), PROJECT_SLUG_LENGTH),
					p.title().strip(), actor, kind, nature, status);
		}
		project.setTitle(p.title().strip());
		project.setKind(kind);
		project.setNature(nature);
		project.setStatus(status);
		project.setDescription(Text.trimToNull(p.description()));
		project.setLocalities(p.localityLines());
		project.setFunders(p.funderLines());
		project.setYears(year(p.startYear()), year(p.endYear()));
		project.setPartnerAuthority(Text.trimToNull(p.partnerAuthority()));
		Set<Country> countries = new HashSet<>();
		for (String iso2 : p.countries()) {
			countries.add(this.entities.getReference(Country.class, iso2.toUpperCase(Locale.ROOT)));
		}
		project.getCountries().retainAll(countries);
		project.getCountries().addAll(countries);
		Set<Domain> domains = bySlug(Domain.class, p.domains(), Domain::getSlug);
		project.getDomains().retainAll(domains);
		project.getDomains().addAll(domains);
		Set<PartnerOrganisation> partners = new HashSet<>();
		for (PartnerAnswers partner : p.partners()) {
			partners.add(partner(partner));
		}
		project.getPartners().retainAll(partners);
		project.getPartners().addAll(partners);
		project.publish();
		if (isNew) {
			this.entities.persist(project);
		}
		return project;
	}

	/** The actor's project named by a questionnaire key ("p" and its id). */
	@Transactional(propagation = Propagation.MANDATORY)
	Optional<Project> projectOf(Actor actor, String key) {
		if (key == null || !key.matches("p[0-9]{1,18}")) {
			return Optional.empty();
		}
		return project(Long.parseLong(key.substring(1)))
			.filter((project) -> project.getLeadActor().getId().equals(actor.getId()));
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

	@Transactional(propagation = Propagation.MANDATORY)
	void recordResponse(Actor actor, Integer campaignId) {
		actor.recordCensusResponse(campaignId, Instant.now());
	}

	private PartnerOrganisation partner(PartnerAnswers answer) {
		Country country = this.entities.getReference(Country.class, answer.country().toUpperCase(Locale.ROOT));
		String name = answer.name().strip();
		String city = Text.trimToNull(answer.city());
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

	private void consent(ContactPerson person, ConsentField field, boolean granted, String author, String noticeVersion,
			ConsentChannel channel) {
		boolean recorded = person.getConsents().stream().anyMatch((c) -> c.getField() == field);
		if (person.isPublic(field) != granted || !recorded) {
			person.recordConsent(field, granted, author, (noticeVersion != null) ? noticeVersion : "inconnue", channel);
		}
	}

	private <T> Set<T> bySlug(Class<T> type, List<String> slugs, Function<T, String> slug) {
		if (slugs.isEmpty()) {
			return Set.of();
		}
		return this.entities.createQuery("select e from " + type.getSimpleName() + " e where e.slug in :slugs", type)
			.setParameter("slugs", slugs)
			.getResultStream()
			.collect(Collectors.toSet());
	}

	/** A slug for the name, used by no entry and by no old address either. */
	private String uniqueSlug(String table, String redirects, String name, int maxLength) {
		String base = Slugs.slugify(name);
		base = base.isEmpty() ? "sans-nom" : base.substring(0, Math.min(base.length(), maxLength - 6));
		base = base.replaceAll("-+$", "");
		Set<String> taken = new HashSet<>(this.jdbc
			.sql("select slug from " + table + " where slug = :base or slug like :prefix union all "
					+ "select old_slug from " + redirects + " where old_slug = :base or old_slug like :prefix")
			.param("base", base)
			.param("prefix", base.replace("_", "\\_").replace("%", "\\%") + "-%")
			.query(String.class)
			.list());
		if (!taken.contains(base)) {
			return base;
		}
		for (int n = 2;; n++) {
			if (!taken.contains(base + "-" + n)) {
				return base + "-" + n;
			}
		}
	}

	private static String upper(String value) {
		String text = Text.trimToNull(value);
		return (text != null) ? text.toUpperCase(Locale.ROOT) : null;
	}

	private static Short year(String value) {
		return Text.isBlank(value) ? null : Short.valueOf(value.strip());
	}

}
