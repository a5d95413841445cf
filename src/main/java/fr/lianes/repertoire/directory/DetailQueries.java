package fr.lianes.repertoire.directory;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import fr.lianes.repertoire.reference.Country;
import fr.lianes.repertoire.reference.Epci;
import fr.lianes.repertoire.reference.Network;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public pages of one actor and one project, assembled inside a read-only transaction
 * so that the templates only see plain values.
 */
@Service
@Transactional(readOnly = true)
class DetailQueries {

	private final ActorRepository actors;

	private final ProjectRepository projects;

	private final ProjectQueries projectQueries;

	private final JdbcClient jdbc;

	private final PublicContacts publicContacts;

	DetailQueries(ActorRepository actors, ProjectRepository projects, ProjectQueries projectQueries, JdbcClient jdbc,
			PublicContacts publicContacts) {
		this.actors = actors;
		this.projects = projects;
		this.projectQueries = projectQueries;
		this.jdbc = jdbc;
		this.publicContacts = publicContacts;
	}

	Optional<ActorView> actor(String slug) {
		return this.actors.findPublishedBySlug(slug).map(this::toView);
	}

	Optional<String> currentActorSlug(String oldSlug) {
		return this.actors.findCurrentSlug(oldSlug);
	}

	Optional<ProjectView> project(String slug) {
		return this.projects.findPublicBySlug(slug).map(DetailQueries::toView);
	}

	Optional<String> currentProjectSlug(String oldSlug) {
		return this.projects.findCurrentSlug(oldSlug);
	}

	private ActorView toView(Actor actor) {
		Epci epci = actor.getCommune().getEpci();
		ActorView.Link territory = (epci != null)
				? new ActorView.Link(epci.getTerritory().getSlug(), epci.getTerritory().getName()) : null;
		List<ActorView.PublicContact> contacts = this.publicContacts.of(actor.getId());
		List<ActorView.Count> countries = this.jdbc.sql("""
				select co.iso2, co.name_fr, count(*) from actor_project ap
				join project_country pc on pc.project_id = ap.project_id
				join country co on co.iso2 = pc.country_iso2
				where ap.actor_id = :actor group by co.iso2, co.name_fr
				order by 3 desc, co.name_fr collate "fr-x-icu"
				""")
			.param("actor", actor.getId())
			.query((rs, i) -> new ActorView.Count(rs.getString(1), rs.getString(2), rs.getLong(3)))
			.list();
		List<ActorView.Count> domains = this.jdbc.sql("""
				select top.slug, top.name, count(distinct ap.project_id) from actor_project ap
				join project_domain pd on pd.project_id = ap.project_id
				join domain d on d.id = pd.domain_id
				join domain top on top.id = coalesce(d.parent_id, d.id)
				where ap.actor_id = :actor group by top.slug, top.name, top.position
				order by 3 desc, top.position
				""")
			.param("actor", actor.getId())
			.query((rs, i) -> new ActorView.Count(rs.getString(1), rs.getString(2), rs.getLong(3)))
			.list();
		return new ActorView(actor.getSlug(), actor.getName(), actor.getAcronym(), actor.getType().getName(),
				actor.getStatus(), actor.getDescription(), actor.getAddressLine(), actor.getPostalCode(),
				actor.getCommune().getName(), territory, actor.getSirenSiret(), actor.getRna(), actor.getWebsite(),
				actor.getEmail(), actor.getPhone(), actor.getFoundingYear(),
				actor.getNetworks().stream().map(Network::getName).sorted().toList(), contacts,
				this.projectQueries.forActor(actor.getId()), countries, domains, actor.getUpdatedAt());
	}

	private static ProjectView toView(Project project) {
		Actor lead = project.getLeadActor();
		return new ProjectView(project.getSlug(), project.getTitle(),
				new ActorView.Link(lead.getSlug(), lead.getName()),
				project.getOtherActors()
					.stream()
					.filter(Actor::isPublished)
					.map((a) -> new ActorView.Link(a.getSlug(), a.getName()))
					.toList(),
				project.getKind(), project.getNature(), project.getStatus(), project.getDescription(),
				project.getBeneficiaries(), project.getLocalities(), project.getFunders(), project.getStartYear(),
				project.getEndYear(), project.getBudgetEur(), project.getPartnerAuthority(), project.getSignatureDate(),
				project.getDurationYears(), project.getAgreementAxes(),
				project.getCountries()
					.stream()
					.sorted(Comparator.comparing(Country::getNameFr))
					.map((c) -> new ActorView.Link(c.getIso2(), c.getNameFr()))
					.toList(),
				project.getDomains()
					.stream()
					.map((d) -> new ProjectView.DomainLink(d.getSlug(), d.getName(),
							(d.getParent() != null) ? d.getParent().getName() : null))
					.toList(),
				project.getPartners()
					.stream()
					.map((p) -> new ProjectView.Partner(p.getName(), p.getCity(), p.getCountry().getNameFr()))
					.toList(),
				project.getUpdatedAt());
	}

}
