package fr.lianes.repertoire.exchange;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The columns of the CSV and XLSX downloads: a header (a message key) and how to write
 * each entry's cell. Several values in one cell are separated by {@code " | "}.
 */
final class Columns {

	static final String SEPARATOR = " | ";

	record Column<T>(String headerKey, Function<T, String> value) {

	}

	private Columns() {
	}

	static List<Column<ApiActor>> actors() {
		return List.of(column("exchange.column.slug", ApiActor::slug), column("exchange.column.url", ApiActor::url),
				column("exchange.column.name", ApiActor::name), column("exchange.column.acronym", ApiActor::acronym),
				column("exchange.column.type", (a) -> a.type().name()),
				column("exchange.column.status", ApiActor::status),
				column("exchange.column.address", (a) -> a.address().line()),
				column("exchange.column.postalCode", (a) -> a.address().postalCode()),
				column("exchange.column.communeInsee", (a) -> a.address().commune().code()),
				column("exchange.column.commune", (a) -> a.address().commune().name()),
				column("exchange.column.departement", (a) -> a.address().departement()),
				column("exchange.column.territory",
						(a) -> (a.address().territory() != null) ? a.address().territory().name() : null),
				column("exchange.column.sirenSiret", ApiActor::sirenSiret),
				column("exchange.column.rna", ApiActor::rna), column("exchange.column.website", ApiActor::website),
				column("exchange.column.email", ApiActor::email), column("exchange.column.phone", ApiActor::phone),
				column("exchange.column.foundingYear",
						(a) -> (a.foundingYear() != null) ? a.foundingYear().toString() : null),
				column("exchange.column.networks", (a) -> join(a.networks())),
				column("exchange.column.countries", (a) -> names(a.countries())),
				column("exchange.column.domains", (a) -> names(a.domains())),
				column("exchange.column.contacts", (a) -> contacts(a.contacts())),
				column("exchange.column.description", ApiActor::description),
				column("exchange.column.updatedAt", (a) -> String.valueOf(a.updatedAt())));
	}

	static List<Column<ApiProject>> projects() {
		return List.of(column("exchange.column.slug", ApiProject::slug), column("exchange.column.url", ApiProject::url),
				column("exchange.column.title", ApiProject::title),
				column("exchange.column.lead", (p) -> p.lead().name()),
				column("exchange.column.leadSlug", (p) -> p.lead().slug()),
				column("exchange.column.otherActors",
						(p) -> p.otherActors().stream().map(ApiProject.ActorLink::name).collect(joining())),
				column("exchange.column.kind", ApiProject::kind), column("exchange.column.nature", ApiProject::nature),
				column("exchange.column.status", ApiProject::status),
				column("exchange.column.countries", (p) -> names(p.countries())),
				column("exchange.column.domains",
						(p) -> p.domains().stream().map(ApiProject.Domain::name).collect(joining())),
				column("exchange.column.localities", (p) -> join(p.localities())),
				column("exchange.column.partners",
						(p) -> p.partners().stream().map(ApiProject.Partner::name).collect(joining())),
				column("exchange.column.startYear", (p) -> text(p.startYear())),
				column("exchange.column.endYear", (p) -> text(p.endYear())),
				column("exchange.column.budget", (p) -> (p.budgetEur() != null) ? p.budgetEur().toPlainString() : null),
				column("exchange.column.funders", (p) -> join(p.funders())),
				column("exchange.column.beneficiaries", ApiProject::beneficiaries),
				column("exchange.column.description", ApiProject::description),
				column("exchange.column.updatedAt", (p) -> String.valueOf(p.updatedAt())));
	}

	private static <T> Column<T> column(String key, Function<T, String> value) {
		return new Column<>(key, value);
	}

	private static String text(Object value) {
		return (value != null) ? value.toString() : null;
	}

	private static String join(List<String> values) {
		return String.join(SEPARATOR, values);
	}

	private static String names(List<ApiActor.Code> codes) {
		return codes.stream().map(ApiActor.Code::name).collect(joining());
	}

	/** "Name, role, email, phone" for each person, with only their published fields. */
	private static String contacts(List<ApiActor.Contact> contacts) {
		return contacts.stream()
			.map((c) -> java.util.stream.Stream.of(c.name(), c.role(), c.email(), c.phone())
				.filter((v) -> v != null && !v.isEmpty())
				.collect(Collectors.joining(", ")))
			.collect(joining());
	}

	private static java.util.stream.Collector<CharSequence, ?, String> joining() {
		return Collectors.joining(SEPARATOR);
	}

}
