package fr.lianes.repertoire.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import fr.lianes.repertoire.demo.ActorWriter.Actor;
import fr.lianes.repertoire.demo.Places.Partner;
import fr.lianes.repertoire.demo.GeneratorLists.Domain;

/**
 * Generates the projects of one actor: mostly in its partner country and town, in its
 * themes, with partner organisations it sometimes keeps from one project to the next.
 */
final class ProjectGenerator {

	static final String FRANCE = "FR";

	static final String ECSI = "education-au-developpement";

	/**
	 * Projects per census respondent, 1 to 10, skewed (mean ~3.4: 551 respondents, ~1,900
	 * projects).
	 */
	private static final WeightedPicker<Integer> PROJECT_COUNTS = WeightedPicker.<Integer>builder()
		.add(1, 25)
		.add(2, 21)
		.add(3, 16)
		.add(4, 11)
		.add(5, 8)
		.add(6, 6)
		.add(7, 5)
		.add(8, 3)
		.add(9, 3)
		.add(10, 2)
		.build();

	/**
	 * Projects per respondent wanted on average: (1,939 - ~65 on other actors) / ~545.
	 */
	private static final double MEAN_PER_RESPONDENT = 3.44;

	private final DemoRun run;

	private final Catalog catalog;

	private final ProjectWriter writer;

	private long respondents;

	private long respondentProjects;

	/** A partner organisation already written for the current actor. */
	private record KnownPartner(long id, String iso2) {

	}

	ProjectGenerator(DemoRun run, ProjectWriter writer) {
		this.run = run;
		this.catalog = run.catalog;
		this.writer = writer;
	}

	void generate(Actor actor) {
		int count = actor.spec().respondent() ? respondentProjectCount() : (this.run.chance(0.045) ? 1 : 0);
		// development education in the region is done by a minority of actors, schools
		// first
		boolean educates = this.run.chance(actor.spec().type().equals("etablissement-scolaire") ? 0.3 : 0.11)
				&& this.catalog.hasCountry(FRANCE) && this.catalog.subDomains.containsKey(ECSI);
		List<KnownPartner> partners = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			boolean ecsi = educates && this.run.chance(0.65);
			this.writer.write(ecsi ? education(actor) : cooperation(actor, partners));
		}
	}

	/**
	 * A skewed draw, nudged by one when the running total drifts from the target, so that
	 * the directory has close to 1,939 projects per unit of scale whatever the seed.
	 */
	private int respondentProjectCount() {
		int count = PROJECT_COUNTS.pick(this.run.random);
		this.respondents++;
		double expected = this.respondents * MEAN_PER_RESPONDENT;
		if (this.respondentProjects + count < expected - 3) {
			count = Math.min(10, count + 1);
		}
		else if (this.respondentProjects + count > expected + 3) {
			count = Math.max(1, count - 1);
		}
		this.respondentProjects += count;
		return count;
	}

	private ProjectSpec cooperation(Actor actor, List<KnownPartner> partners) {
		DemoRun run = this.run;
		ActorSpec spec = actor.spec();
		Partner country = spec.focus();
		if (!run.chance(0.72)) {
			country = (spec.second() != null && run.chance(0.6)) ? spec.second()
					: this.catalog.countries.pick(run.random);
		}
		String town = (country == spec.focus() && run.chance(0.6)) ? spec.town() : town(country);
		List<String> localities = new ArrayList<>(List.of(town));
		if (run.chance(0.25)) {
			String other = town(country);
			if (!other.equals(town)) {
				localities.add(other);
			}
		}
		List<String> countries = new ArrayList<>(List.of(country.iso2()));
		int extra = run.chance(0.2) ? (run.chance(0.2) ? 2 : 1) : 0;
		for (int i = 0; i < extra; i++) {
			countries.add(this.catalog.countries.pick(run.random).iso2());
		}
		String top = run.chance(0.7) ? spec.themes().get(run.chance(0.7) ? 0 : spec.themes().size() - 1)
				: this.catalog.topDomains.pick(run.random);
		if (!this.catalog.subDomains.containsKey(top)) {
			top = this.catalog.topDomains.pick(run.random);
		}
		List<Domain> domains = domains(top);
		String sub = domains.get(0).slug();
		String nature = ProjectTexts.nature(sub, run.random);
		List<Long> partnerIds = new ArrayList<>();
		String partnerName = null;
		int partnerCount = run.chance(0.3) ? 0 : (run.chance(0.8) ? 1 : 2);
		for (int i = 0; i < partnerCount; i++) {
			KnownPartner known = known(partners, country.iso2());
			if (known != null && run.chance(0.4)) {
				partnerIds.add(known.id());
			}
			else {
				String name = ProjectTexts.partnerName(top, town, run.random);
				long id = this.writer.partner(name, country.iso2(), town);
				partners.add(new KnownPartner(id, country.iso2()));
				partnerIds.add(id);
				partnerName = (partnerName != null) ? partnerName : name;
			}
		}
		String title = ProjectTexts.title(sub, town, run.random);
		String beneficiaries = ProjectTexts.beneficiaries(top, run.random);
		String description = ProjectTexts.description(spec.name(), title, String.join(", ", localities),
				this.catalog.countryName(country.iso2()), partnerName, nature, beneficiaries, run.random);
		return project(actor, title, "COOPERATION", nature, description, beneficiaries, localities, countries, domains,
				partnerIds);
	}

	private ProjectSpec education(Actor actor) {
		String commune = actor.spec().commune().name();
		List<Domain> domains = domains(ECSI);
		String title = ProjectTexts.title(domains.get(0).slug(), commune, this.run.random);
		String beneficiaries = ProjectTexts.beneficiaries(ECSI, this.run.random);
		String description = ProjectTexts.description(actor.spec().name(), title, commune,
				this.catalog.countryName(FRANCE), null, "AWARENESS", beneficiaries, this.run.random);
		return project(actor, title, "DEVELOPMENT_EDUCATION", "AWARENESS", description, beneficiaries, List.of(),
				List.of(FRANCE), domains, List.of());
	}

	private ProjectSpec project(Actor actor, String title, String kind, String nature, String description,
			String beneficiaries, List<String> localities, List<String> countries, List<Domain> domains,
			List<Long> partnerIds) {
		DemoRun run = this.run;
		ProjectYears years = ProjectYears.draw(actor.status(), run);
		Long budget = run.chance(0.4) ? budget() : null;
		List<String> funders = new ArrayList<>();
		if (run.chance(0.5)) {
			int count = run.chance(0.6) ? 1 : (run.chance(0.75) ? 2 : 3);
			for (int i = 0; i < count; i++) {
				String funder = this.catalog.funders.pick(run.random);
				if (!funders.contains(funder)) {
					funders.add(funder);
				}
			}
		}
		List<Long> others = new ArrayList<>();
		int otherCount = run.chance(0.75) ? 0 : (run.chance(0.8) ? 1 : 2);
		long firstId = run.firstActorId;
		for (int i = 0; i < otherCount && actor.id() > firstId; i++) {
			others.add(firstId + run.random.nextLong(actor.id() - firstId));
		}
		Instant createdAt = run.after(actor.createdAt(), 3000, DemoRun.lastRecord());
		Instant updatedAt = (actor.respondedAt() != null) ? actor.respondedAt()
				: run.after(createdAt, 1000, DemoRun.lastRecord());
		return new ProjectSpec(title, actor.id(), kind, nature, description, beneficiaries, localities, funders,
				years.start(), years.end(), years.status(), budget, null, countries,
				domains.stream().map(Domain::id).toList(), partnerIds, others, createdAt, updatedAt);
	}

	/**
	 * One to three sub-domains: the first of {@code top}, the others mostly of the same.
	 */
	private List<Domain> domains(String top) {
		List<Domain> domains = new ArrayList<>();
		domains.add(this.catalog.subDomains.get(top).pick(this.run.random));
		int extra = this.run.chance(0.4) ? (this.run.chance(0.3) ? 2 : 1) : 0;
		for (int i = 0; i < extra; i++) {
			String other = this.run.chance(0.6) ? top : this.catalog.topDomains.pick(this.run.random);
			Domain domain = this.catalog.subDomains.getOrDefault(other, this.catalog.subDomains.get(top))
				.pick(this.run.random);
			if (!domains.contains(domain)) {
				domains.add(domain);
			}
		}
		return domains;
	}

	private String town(Partner country) {
		List<String> towns = country.towns();
		// the first towns of each list are the most frequent partners
		int index = Math.min(this.run.random.nextInt(towns.size()), this.run.random.nextInt(towns.size()));
		return towns.get(index);
	}

	private Long budget() {
		double euros = 3000 * Math.pow(300, this.run.random.nextDouble());
		return Math.round(euros / 100) * 100;
	}

	private KnownPartner known(List<KnownPartner> partners, String iso2) {
		for (int i = partners.size() - 1; i >= 0; i--) {
			if (partners.get(i).iso2().equals(iso2)) {
				return partners.get(i);
			}
		}
		return null;
	}

}
