package fr.lianes.repertoire.census;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * One project of the actor. Lists typed one item per line (localities, funders) stay text
 * until moderation turns them into the directory's entries.
 */
public record ProjectAnswers(@Size(max = 40, message = "{census.error.invalid}") @PlainText String key,
		@NotBlank(message = "{census.error.required}") @Size(max = 250,
				message = "{census.error.too-long}") @PlainText String title,
		@NotBlank(message = "{census.error.choose}") @Size(max = 30,
				message = "{census.error.invalid}") @PlainText String kind,
		@Size(max = 30,
				message = "{census.error.too-many}") List<@Size(max = 2,
						message = "{census.error.invalid}") @PlainText String> countries,
		@Size(max = 2000, message = "{census.error.too-long}") @PlainText(multiline = true) String localities,
		@Size(max = 20, message = "{census.error.too-many}") List<@Valid PartnerAnswers> partners,
		@Size(max = 30,
				message = "{census.error.too-many}") List<@Size(max = 80,
						message = "{census.error.invalid}") @PlainText String> domains,
		@NotBlank(message = "{census.error.choose}") @Size(max = 30,
				message = "{census.error.invalid}") @PlainText String nature,
		@Size(max = 10, message = "{census.error.too-long}") @PlainText String startYear,
		@Size(max = 10, message = "{census.error.too-long}") @PlainText String endYear,
		@NotBlank(message = "{census.error.choose}") @Size(max = 10,
				message = "{census.error.invalid}") @PlainText String status,
		@Size(max = 5000, message = "{census.error.too-long}") @PlainText(multiline = true) String description,
		@Size(max = 2000, message = "{census.error.too-long}") @PlainText(multiline = true) String funders,
		@Size(max = 200, message = "{census.error.too-long}") @PlainText String partnerAuthority) {

	public ProjectAnswers {
		countries = (countries != null) ? List.copyOf(countries) : List.of();
		partners = (partners != null) ? partners.stream().filter((p) -> p != null && !p.isBlank()).toList() : List.of();
		domains = (domains != null) ? List.copyOf(domains) : List.of();
	}

	static ProjectAnswers empty(String key) {
		return new ProjectAnswers(key, null, null, List.of(), null, List.of(), List.of(), null, null, null, null, null,
				null, null);
	}

	ProjectAnswers withKey(String key) {
		return new ProjectAnswers(key, this.title, this.kind, this.countries, this.localities, this.partners,
				this.domains, this.nature, this.startYear, this.endYear, this.status, this.description, this.funders,
				this.partnerAuthority);
	}

	/** The same project without the partner rows left empty. */
	ProjectAnswers withoutBlankPartners() {
		return new ProjectAnswers(this.key, this.title, this.kind, this.countries, this.localities,
				this.partners.stream().filter((p) -> !p.isBlank()).toList(), this.domains, this.nature, this.startYear,
				this.endYear, this.status, this.description, this.funders, this.partnerAuthority);
	}

	List<String> localityLines() {
		return Text.lines(this.localities);
	}

	List<String> funderLines() {
		return Text.lines(this.funders);
	}

}
