package fr.lianes.repertoire.census;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import fr.lianes.repertoire.census.Comparison.Change;
import fr.lianes.repertoire.census.Comparison.Item;
import fr.lianes.repertoire.census.Comparison.Row;
import fr.lianes.repertoire.reference.ActorTypeRef;
import fr.lianes.repertoire.reference.CountryRef;
import fr.lianes.repertoire.reference.DomainRef;
import fr.lianes.repertoire.reference.NetworkRef;
import fr.lianes.repertoire.reference.Networks;
import fr.lianes.repertoire.reference.ReferenceData;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Builds {@link Comparison}s, turning codes into the names people read. */
@Component
class Comparisons {

	private static final Locale FRENCH = Locale.FRENCH;

	private final ReferenceData reference;

	private final Networks networks;

	private final MessageSource messages;

	Comparisons(ReferenceData reference, Networks networks, MessageSource messages) {
		this.reference = reference;
		this.networks = networks;
		this.messages = messages;
	}

	/**
	 * Compares answers with the entry as it is.
	 * @param before the entry as answers, null for a new actor
	 */
	Comparison compare(CensusAnswers before, CensusAnswers after) {
		CensusAnswers base = (before != null) ? before : CensusAnswers.empty();
		return new Comparison(structure(base.structure(), after.structure()),
				contactItems(base.contacts(), after.contacts()), items(base.projects(), after.projects(),
						ProjectAnswers::key, ProjectAnswers::title, this::projectRows));
	}

	/** The actor's fields only, for a direct edit. */
	List<Row> structure(StructureAnswers before, StructureAnswers after) {
		Map<String, String> networkNames = this.networks.all()
			.stream()
			.collect(Collectors.toMap(NetworkRef::slug, NetworkRef::name));
		List<Row> rows = new ArrayList<>();
		row(rows, "name", before.name(), after.name());
		row(rows, "acronym", before.acronym(), after.acronym());
		row(rows, "actorType", actorType(before.actorType()), actorType(after.actorType()));
		row(rows, "siret", Text.digits(before.siret()), Text.digits(after.siret()));
		row(rows, "rna", upper(before.rna()), upper(after.rna()));
		row(rows, "foundingYear", before.foundingYear(), after.foundingYear());
		row(rows, "addressLine", before.addressLine(), after.addressLine());
		row(rows, "postalCode", before.postalCode(), after.postalCode());
		row(rows, "communeName", commune(before), commune(after));
		row(rows, "website", before.website(), after.website());
		row(rows, "email", before.email(), after.email());
		row(rows, "phone", before.phone(), after.phone());
		row(rows, "description", before.description(), after.description());
		row(rows, "networks", names(before.networks(), networkNames::get), names(after.networks(), networkNames::get));
		return rows;
	}

	/** The contact persons only, for a direct edit. */
	List<Item> contacts(List<ContactAnswers> before, List<ContactAnswers> after) {
		return contactItems(before, after);
	}

	/** A project's fields only, for a direct edit. */
	List<Row> project(ProjectAnswers before, ProjectAnswers after) {
		return projectRows(before, after);
	}

	/** The contact persons, each with what it agreed to publish before and after. */
	private List<Item> contactItems(List<ContactAnswers> before, List<ContactAnswers> after) {
		Map<String, ContactAnswers> old = new LinkedHashMap<>();
		before.forEach((contact) -> old.put(contact.key(), contact));
		Map<String, ContactAnswers> proposed = new LinkedHashMap<>();
		after.forEach((contact) -> proposed.put(contact.key(), contact));
		return items(before, after, ContactAnswers::key, this::contactName, this::contactRows).stream()
			.map((item) -> new Item(item.key(), item.name(), item.change(), item.rows(),
					publication(old.get(item.key())), publication(proposed.get(item.key()))))
			.toList();
	}

	private static Comparison.Publication publication(ContactAnswers contact) {
		return (contact == null) ? null : contact.publication();
	}

	private <T> List<Item> items(List<T> before, List<T> after, Function<T, String> key, Function<T, String> name,
			RowsOf<T> rows) {
		Map<String, T> old = new LinkedHashMap<>();
		before.forEach((item) -> old.put(key.apply(item), item));
		List<Item> items = new ArrayList<>();
		for (T item : after) {
			T previous = old.remove(key.apply(item));
			if (previous == null) {
				items.add(new Item(key.apply(item), name.apply(item), Change.ADDED, rows.of(null, item)));
			}
			else {
				List<Row> compared = rows.of(previous, item);
				items.add(new Item(key.apply(item), name.apply(item),
						compared.stream().anyMatch(Row::changed) ? Change.CHANGED : Change.UNCHANGED, compared));
			}
		}
		for (T removed : old.values()) {
			items.add(new Item(key.apply(removed), name.apply(removed), Change.REMOVED, rows.of(removed, null)));
		}
		return items;
	}

	private List<Row> contactRows(ContactAnswers before, ContactAnswers after) {
		List<Row> rows = new ArrayList<>();
		row(rows, "contacts.fullName", get(before, ContactAnswers::fullName), get(after, ContactAnswers::fullName));
		row(rows, "contacts.role", get(before, ContactAnswers::role), get(after, ContactAnswers::role));
		row(rows, "contacts.email", get(before, ContactAnswers::email), get(after, ContactAnswers::email));
		row(rows, "contacts.phone", get(before, ContactAnswers::phone), get(after, ContactAnswers::phone));
		row(rows, "contacts.publishName", yesNo(before, ContactAnswers::publishName),
				yesNo(after, ContactAnswers::publishName));
		row(rows, "contacts.publishEmail", yesNo(before, ContactAnswers::publishEmail),
				yesNo(after, ContactAnswers::publishEmail));
		row(rows, "contacts.publishPhone", yesNo(before, ContactAnswers::publishPhone),
				yesNo(after, ContactAnswers::publishPhone));
		return rows;
	}

	private List<Row> projectRows(ProjectAnswers before, ProjectAnswers after) {
		List<Row> rows = new ArrayList<>();
		row(rows, "title", get(before, ProjectAnswers::title), get(after, ProjectAnswers::title));
		row(rows, "kind", label("project.kind.", get(before, ProjectAnswers::kind)),
				label("project.kind.", get(after, ProjectAnswers::kind)));
		row(rows, "nature", label("project.nature.", get(before, ProjectAnswers::nature)),
				label("project.nature.", get(after, ProjectAnswers::nature)));
		row(rows, "status", label("project.status.", get(before, ProjectAnswers::status)),
				label("project.status.", get(after, ProjectAnswers::status)));
		row(rows, "startYear", get(before, ProjectAnswers::startYear), get(after, ProjectAnswers::startYear));
		row(rows, "endYear", get(before, ProjectAnswers::endYear), get(after, ProjectAnswers::endYear));
		row(rows, "countries", countries(before), countries(after));
		row(rows, "localities", lines(get(before, ProjectAnswers::localities)),
				lines(get(after, ProjectAnswers::localities)));
		row(rows, "partners", partners(before), partners(after));
		row(rows, "domains", domains(before), domains(after));
		row(rows, "description", get(before, ProjectAnswers::description), get(after, ProjectAnswers::description));
		row(rows, "funders", lines(get(before, ProjectAnswers::funders)), lines(get(after, ProjectAnswers::funders)));
		row(rows, "partnerAuthority", get(before, ProjectAnswers::partnerAuthority),
				get(after, ProjectAnswers::partnerAuthority));
		return rows;
	}

	private String contactName(ContactAnswers contact) {
		return contact.fullName();
	}

	private String actorType(String code) {
		return (code == null) ? null : this.reference.actorType(code).map(ActorTypeRef::name).orElse(code);
	}

	private static String commune(StructureAnswers s) {
		return (Text.isBlank(s.communeName()) || Text.isBlank(s.communeInsee())) ? Text.trimToNull(s.communeName())
				: s.communeName().strip() + " (" + s.communeInsee() + ")";
	}

	private String countries(ProjectAnswers p) {
		return (p == null) ? null
				: names(p.countries(), (iso2) -> this.reference.country(iso2).map(CountryRef::name).orElse(null));
	}

	private String domains(ProjectAnswers p) {
		return (p == null) ? null
				: names(p.domains(), (slug) -> this.reference.domain(slug).map(DomainRef::name).orElse(null));
	}

	private String partners(ProjectAnswers p) {
		if (p == null) {
			return null;
		}
		return p.partners().stream().map((partner) -> {
			String country = this.reference.country(partner.country()).map(CountryRef::name).orElse(partner.country());
			return Text.isBlank(partner.city()) ? partner.name().strip() + " (" + country + ")"
					: partner.name().strip() + " (" + partner.city().strip() + ", " + country + ")";
		}).sorted().collect(Collectors.joining("\n"));
	}

	private String yesNo(ContactAnswers contact, java.util.function.Predicate<ContactAnswers> field) {
		return (contact == null) ? null
				: this.messages.getMessage(field.test(contact) ? "moderation.yes" : "moderation.no", null, FRENCH);
	}

	private String label(String prefix, String code) {
		return (code == null) ? null : this.messages.getMessage(prefix + code, null, code, FRENCH);
	}

	private static String names(List<String> codes, Function<String, String> name) {
		return codes.stream().map((code) -> {
			String found = name.apply(code);
			return (found != null) ? found : code;
		}).sorted().collect(Collectors.joining(", "));
	}

	private static String lines(String text) {
		return String.join("\n", Text.lines(text));
	}

	private static <T> String get(T item, Function<T, String> field) {
		return (item == null) ? null : field.apply(item);
	}

	private static String upper(String value) {
		return (value == null) ? null : value.strip().toUpperCase(Locale.ROOT);
	}

	private static void row(List<Row> rows, String field, String before, String after) {
		rows.add(new Row("census.field." + field, normalize(before), normalize(after)));
	}

	private static String normalize(String value) {
		return (value == null || value.isBlank()) ? null : value.strip().replace("\r\n", "\n");
	}

	@FunctionalInterface
	private interface RowsOf<T> {

		List<Row> of(T before, T after);

	}

}
