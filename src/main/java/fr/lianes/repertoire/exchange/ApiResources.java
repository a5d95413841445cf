package fr.lianes.repertoire.exchange;

import java.util.List;
import java.util.Optional;

import fr.lianes.repertoire.directory.PublicActor;
import fr.lianes.repertoire.directory.PublicProject;
import fr.lianes.repertoire.reference.CountryRef;
import fr.lianes.repertoire.reference.ReferenceData;
import fr.lianes.repertoire.web.PublicSite;

import org.springframework.stereotype.Component;

/**
 * Turns the directory's public entries into the resources every output writes, with the
 * names of their reference values and the addresses of their pages.
 */
@Component
class ApiResources {

	private final ReferenceData reference;

	private final String site;

	ApiResources(ReferenceData reference, PublicSite site) {
		this.reference = reference;
		this.site = site.url();
	}

	String actorUrl(String slug) {
		return this.site + "/acteurs/" + slug;
	}

	String projectUrl(String slug) {
		return this.site + "/projets/" + slug;
	}

	String site() {
		return this.site;
	}

	ApiActor actor(PublicActor a) {
		return new ApiActor(a.slug(), actorUrl(a.slug()), a.name(), a.acronym(),
				new ApiActor.Code(a.typeCode(), a.typeName()), a.status().slug(), a.description(),
				new ApiActor.Address(a.addressLine(), a.postalCode(),
						new ApiActor.Code(a.communeInsee(), a.communeName()), a.departementCode(),
						(a.territorySlug() != null) ? new ApiActor.Code(a.territorySlug(), a.territoryName()) : null),
				a.sirenSiret(), a.rna(), a.website(), a.email(), a.phone(),
				(a.foundingYear() != null) ? a.foundingYear().intValue() : null, a.networks(), countries(a.countries()),
				a.domains().stream().map(this::domain).toList(), a.projects(),
				a.contacts()
					.stream()
					.map((c) -> new ApiActor.Contact(c.name(), c.role(), c.email(), c.phone()))
					.toList(),
				a.createdAt(), a.updatedAt());
	}

	ApiProject project(PublicProject p) {
		ApiProject.Agreement agreement = (p.partnerAuthority() != null) ? new ApiProject.Agreement(p.partnerAuthority(),
				p.signatureDate(), (p.durationYears() != null) ? p.durationYears().intValue() : null, p.agreementAxes())
				: null;
		return new ApiProject(p.slug(), projectUrl(p.slug()), p.title(),
				new ApiProject.ActorLink(p.lead().slug(), p.lead().name(), actorUrl(p.lead().slug())),
				p.otherActors()
					.stream()
					.map((o) -> new ApiProject.ActorLink(o.slug(), o.name(), actorUrl(o.slug())))
					.toList(),
				p.kind().name(), p.nature().name(), p.status().slug(), p.description(), p.beneficiaries(),
				p.localities(), p.funders(), year(p.startYear()), year(p.endYear()), p.budgetEur(), agreement,
				countries(p.countries()),
				p.domains()
					.stream()
					.map((d) -> new ApiProject.Domain(d.slug(), d.name(), d.parentSlug(), d.dacCodes()))
					.toList(),
				p.partners().stream().map((o) -> new ApiProject.Partner(o.name(), o.city(), o.countryIso2())).toList(),
				p.createdAt(), p.updatedAt());
	}

	List<ApiActor.Code> countries(List<String> codes) {
		return codes.stream().map(this::country).toList();
	}

	ApiActor.Code country(String iso2) {
		return new ApiActor.Code(iso2, this.reference.country(iso2).map(CountryRef::name).orElse(iso2));
	}

	String countryName(String iso2) {
		return this.reference.country(iso2).map(CountryRef::name).orElse(iso2);
	}

	ApiActor.Code domain(String slug) {
		return new ApiActor.Code(slug, this.reference.domain(slug).map((d) -> d.name()).orElse(slug));
	}

	private static Integer year(Short year) {
		return Optional.ofNullable(year).map(Short::intValue).orElse(null);
	}

}
