package fr.lianes.repertoire.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import fr.lianes.repertoire.demo.GeneratorLists.Network;
import fr.lianes.repertoire.directory.ActorStatus;
import fr.lianes.repertoire.directory.BulkWriter;
import fr.lianes.repertoire.directory.ConsentChannel;
import fr.lianes.repertoire.directory.ConsentField;
import fr.lianes.repertoire.reference.Slugs;

/**
 * Writes one actor with its contact persons, their consents and its networks.
 */
final class ActorWriter {

	/** An actor once written: what its projects need to know. */
	record Actor(long id, ActorSpec spec, String status, Instant createdAt, Instant respondedAt) {

	}

	private final DemoRun run;

	ActorWriter(DemoRun run) {
		this.run = run;
	}

	Actor write(ActorSpec spec, String status) {
		DemoRun run = this.run;
		String slug = run.writer.actorSlug(spec.name());
		// real organisations keep their real facts only: no invented founding year
		Integer foundingYear = spec.real() ? null : foundingYear();
		Instant createdAt = run.recordedAt();
		Instant respondedAt = spec.respondent() ? run.censusResponseAt() : null;
		if (respondedAt != null && createdAt.isAfter(respondedAt)) {
			createdAt = respondedAt;
		}
		Instant updatedAt = (respondedAt != null) ? run.after(respondedAt, 2, DemoRun.campaignClose())
				: run.after(createdAt, 2000, DemoRun.lastRecord());
		String countryName = run.catalog.countryName(spec.focus().iso2());
		String description = (spec.description() != null) ? spec.description()
				: ActorTexts.describe(spec, countryName, (foundingYear != null) ? foundingYear : 2000, run.random);
		String address = (spec.address() != null) ? spec.address() : Words.address(run.random);
		String postalCode = spec.commune().postalCode(run.random.nextInt(4));
		boolean generated = !spec.real();
		String website = spec.website();
		if (website == null && generated && run.chance(0.5)) {
			website = "https://www." + shortSlug(slug) + ".example";
		}
		boolean reachable = generated && run.chance(0.6);
		String email = reachable ? "contact@" + shortSlug(slug) + ".example" : null;
		String phone = reachable ? Words.phone(run.random) : null;
		String sirenSiret = generated ? registrationNumber(spec.type()) : null;
		String associationNumber = generated ? rna(spec) : null;
		long id = run.writer.actor(new BulkWriter.Actor(slug, spec.name(), spec.acronym(), spec.type(), sirenSiret,
				associationNumber, description, address, postalCode, spec.commune().insee(), website, email, phone,
				foundingYear, ActorStatus.valueOf(status), true, true, spec.respondent() ? run.campaignId : null,
				respondedAt, createdAt, updatedAt));
		if (run.firstActorId == 0) {
			run.firstActorId = id;
		}
		if (generated) {
			writeContacts(id, spec, slug, createdAt, updatedAt, respondedAt);
		}
		writeNetworks(id, spec);
		run.actors++;
		return new Actor(id, spec, status, createdAt, respondedAt);
	}

	private int foundingYear() {
		// most actors were founded in the last three decades
		double u = Math.pow(this.run.random.nextDouble(), 0.6);
		return 1950 + (int) Math.round(u * 74);
	}

	/**
	 * ~60 % of actors: a SIRET (most) or a SIREN; associations without staff often have
	 * none.
	 */
	private String registrationNumber(String type) {
		double share = ActorNames.isAssociation(type) ? 0.5 : 0.9;
		if (!this.run.chance(share)) {
			return null;
		}
		return this.run.chance(0.7) ? Siret.siret(this.run.random) : Siret.siren(this.run.random);
	}

	/** ~70 % of associations: W, the département, a greffe digit and six digits. */
	private String rna(ActorSpec spec) {
		if (!ActorNames.isAssociation(spec.type()) || spec.type().equals("fondation") || !this.run.chance(0.7)) {
			return null;
		}
		String departement = spec.commune().departement();
		String prefix = (departement != null && departement.matches("[0-9]{2}")) ? departement : "59";
		return "W" + prefix + this.run.random.nextInt(10) + String.format("%06d", this.run.random.nextInt(1_000_000));
	}

	private void writeContacts(long actorId, ActorSpec spec, String slug, Instant createdAt, Instant updatedAt,
			Instant respondedAt) {
		DemoRun run = this.run;
		if (!run.chance(0.8)) {
			return;
		}
		int count = run.chance(0.5) ? 1 : (run.chance(0.7) ? 2 : 3);
		List<String> names = new ArrayList<>();
		for (int position = 0; position < count; position++) {
			String fullName = Words.fullName(run.random);
			if (names.contains(fullName)) {
				continue;
			}
			names.add(fullName);
			String email = Slugs.slugify(fullName).replace('-', '.') + "@" + shortSlug(slug) + ".example";
			String phone = run.chance(0.7) ? Words.phone(run.random) : null;
			long contactId = run.writer.contact(actorId, new BulkWriter.Contact(fullName, role(spec.type(), position),
					email, phone, position, createdAt, updatedAt));
			Instant recordedAt = (respondedAt != null) ? respondedAt : createdAt;
			consent(contactId, "NAME", 0.70, 0.20, recordedAt, email);
			consent(contactId, "EMAIL", 0.40, 0.35, recordedAt, email);
			if (phone != null) {
				consent(contactId, "PHONE", 0.25, 0.40, recordedAt, email);
			}
		}
	}

	/**
	 * Grants with {@code granted}, refuses with {@code refused}, else records nothing.
	 */
	private void consent(long contactId, String field, double granted, double refused, Instant recordedAt,
			String recordedBy) {
		double draw = this.run.random.nextDouble();
		if (draw < granted + refused) {
			this.run.writer.consent(contactId, new BulkWriter.Consent(ConsentField.valueOf(field), draw < granted,
					recordedAt, recordedBy, "v1", ConsentChannel.CENSUS_FORM));
		}
	}

	private String role(String type, int position) {
		if (type.equals("etablissement-scolaire")) {
			return Words.any(Words.SCHOOL_ROLES, this.run.random);
		}
		if (ActorNames.isLocalAuthority(type)) {
			return Words.any(Words.AUTHORITY_ROLES, this.run.random);
		}
		if (position == 0 && ActorNames.isAssociation(type) && this.run.chance(0.6)) {
			return "Président·e";
		}
		return Words.any(Words.ROLES, this.run.random);
	}

	private void writeNetworks(long actorId, ActorSpec spec) {
		WeightedPicker<Network> networks = this.run.catalog.networks;
		if (networks == null) {
			return;
		}
		int count = spec.real() ? 1 : (this.run.chance(0.45) ? 0 : (this.run.chance(0.73) ? 1 : 2));
		List<Integer> chosen = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Network network = networks.pick(this.run.random);
			if (!chosen.contains(network.id())) {
				chosen.add(network.id());
				this.run.writer.network(actorId, network.id());
			}
		}
	}

	/** The first words of a slug, for the generated .example addresses. */
	static String shortSlug(String slug) {
		if (slug.length() <= 40) {
			return slug;
		}
		String cut = slug.substring(0, 40);
		int hyphen = cut.lastIndexOf('-');
		return (hyphen > 10) ? cut.substring(0, hyphen) : cut;
	}

}
