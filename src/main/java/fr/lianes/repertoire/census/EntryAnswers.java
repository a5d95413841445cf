package fr.lianes.repertoire.census;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import fr.lianes.repertoire.directory.EntryCommands.ActorFields;
import fr.lianes.repertoire.directory.EntryCommands.ContactFields;
import fr.lianes.repertoire.directory.EntryCommands.ProjectFields;
import fr.lianes.repertoire.directory.EntrySnapshots;
import fr.lianes.repertoire.directory.EntrySnapshots.ActorSnapshot;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A directory entry turned back into questionnaire answers, so that an update starts from
 * what is there (the directory's {@link EntrySnapshots} reads it).
 */
@Component
class EntryAnswers {

	private final EntrySnapshots snapshots;

	EntryAnswers(EntrySnapshots snapshots) {
		this.snapshots = snapshots;
	}

	/**
	 * The entry as questionnaire answers: the actor, its contacts and its published
	 * projects. A contact person's email and phone are filled in only when they are
	 * public or the person is the one asking ({@code requester}): a link sent to one
	 * address must not show the private details of the others. Left empty, they mean
	 * "unchanged".
	 */
	@Transactional(readOnly = true)
	Optional<CensusAnswers> answers(long actorId, String requester) {
		return answers(actorId, requester, false, null);
	}

	/** The entry as answers with every contact detail, for the network's staff. */
	@Transactional(readOnly = true)
	Optional<CensusAnswers> answersForStaff(long actorId) {
		return answers(actorId, null, true, null);
	}

	/**
	 * The entry as a questionnaire started at {@code shownAt} showed it: the contact
	 * persons and projects that existed then, with every detail for the network's staff
	 * ({@code requester} null) or as {@code requester} saw them.
	 */
	@Transactional(readOnly = true)
	Optional<CensusAnswers> answersAsShown(long actorId, String requester, Instant shownAt) {
		return answers(actorId, requester, requester == null, shownAt);
	}

	/** A project (published or not) as questionnaire answers. */
	@Transactional(readOnly = true)
	Optional<ProjectAnswers> projectAnswers(long projectId) {
		return this.snapshots.project(projectId).map(EntryAnswers::project);
	}

	/** A key for a project or contact added in the questionnaire. */
	static String newKey() {
		return "n" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
	}

	private Optional<CensusAnswers> answers(long actorId, String requester, boolean everything, Instant shownAt) {
		return this.snapshots.actor(actorId, requester, everything, shownAt)
			.map((actor) -> new CensusAnswers(structure(actor),
					actor.contacts().stream().map(EntryAnswers::contact).toList(),
					this.snapshots.publishedProjects(actorId, shownAt).stream().map(EntryAnswers::project).toList(),
					null, null));
	}

	private static StructureAnswers structure(ActorSnapshot actor) {
		ActorFields a = actor.fields();
		return new StructureAnswers(a.name(), a.acronym(), a.actorTypeCode(), a.sirenSiret(), a.rna(), a.addressLine(),
				a.postalCode(), actor.communeName(), a.communeInsee(), a.website(), a.email(), a.phone(),
				a.description(), a.networkSlugs(), text(a.foundingYear()));
	}

	private static ContactAnswers contact(ContactFields c) {
		return new ContactAnswers("c" + c.id(), c.fullName(), c.role(), c.email(), c.phone(), c.publishName(),
				c.publishEmail(), c.publishPhone());
	}

	private static ProjectAnswers project(ProjectFields p) {
		return new ProjectAnswers("p" + p.id(), p.title(), name(p.kind()), p.countries(),
				String.join("\n", p.localities()),
				p.partners()
					.stream()
					.map((o) -> new PartnerAnswers(o.name(), o.city(), o.countryIso2()))
					.collect(Collectors.toList()),
				p.domainSlugs(), name(p.nature()), text(p.startYear()), text(p.endYear()), name(p.status()),
				p.description(), String.join("\n", p.funders()), p.partnerAuthority());
	}

	private static String name(Enum<?> value) {
		return (value != null) ? value.name() : null;
	}

	private static String text(Object value) {
		return (value != null) ? value.toString() : null;
	}

}
