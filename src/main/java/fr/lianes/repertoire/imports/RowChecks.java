package fr.lianes.repertoire.imports;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import fr.lianes.repertoire.directory.ActorStatus;
import fr.lianes.repertoire.directory.EntryCommands.ActorFields;
import fr.lianes.repertoire.directory.EntryCommands.ContactFields;
import fr.lianes.repertoire.directory.EntryCommands.ImportActor;
import fr.lianes.repertoire.directory.EntryCommands.ImportProject;
import fr.lianes.repertoire.directory.EntryCommands.ProjectFields;
import fr.lianes.repertoire.directory.ProjectKind;
import fr.lianes.repertoire.directory.ProjectNature;
import fr.lianes.repertoire.directory.ProjectStatus;
import fr.lianes.repertoire.imports.ImportReport.Entry;
import fr.lianes.repertoire.imports.ImportReport.Problem;
import fr.lianes.repertoire.imports.ImportReport.Severity;
import fr.lianes.repertoire.imports.ImportRequest.ImportFile;
import fr.lianes.repertoire.reference.CommuneLookup;
import fr.lianes.repertoire.reference.CommuneLookup.CommuneRef;

import static fr.lianes.repertoire.imports.ImportField.ACRONYM;
import static fr.lianes.repertoire.imports.ImportField.ADDRESS;
import static fr.lianes.repertoire.imports.ImportField.COMMUNE;
import static fr.lianes.repertoire.imports.ImportField.CONSENT_EMAIL;
import static fr.lianes.repertoire.imports.ImportField.CONSENT_NAME;
import static fr.lianes.repertoire.imports.ImportField.CONSENT_PHONE;
import static fr.lianes.repertoire.imports.ImportField.CONTACT_EMAIL;
import static fr.lianes.repertoire.imports.ImportField.CONTACT_NAME;
import static fr.lianes.repertoire.imports.ImportField.CONTACT_PHONE;
import static fr.lianes.repertoire.imports.ImportField.CONTACT_ROLE;
import static fr.lianes.repertoire.imports.ImportField.COUNTRIES;
import static fr.lianes.repertoire.imports.ImportField.DESCRIPTION;
import static fr.lianes.repertoire.imports.ImportField.DOMAINS;
import static fr.lianes.repertoire.imports.ImportField.EMAIL;
import static fr.lianes.repertoire.imports.ImportField.END;
import static fr.lianes.repertoire.imports.ImportField.FOUNDED;
import static fr.lianes.repertoire.imports.ImportField.FUNDERS;
import static fr.lianes.repertoire.imports.ImportField.INSEE;
import static fr.lianes.repertoire.imports.ImportField.KIND;
import static fr.lianes.repertoire.imports.ImportField.LEGACY_ID;
import static fr.lianes.repertoire.imports.ImportField.LOCALITIES;
import static fr.lianes.repertoire.imports.ImportField.NAME;
import static fr.lianes.repertoire.imports.ImportField.NATURE;
import static fr.lianes.repertoire.imports.ImportField.PARTNER_AUTHORITY;
import static fr.lianes.repertoire.imports.ImportField.PHONE;
import static fr.lianes.repertoire.imports.ImportField.POSTAL_CODE;
import static fr.lianes.repertoire.imports.ImportField.PROJECT_DESCRIPTION;
import static fr.lianes.repertoire.imports.ImportField.PROJECT_ID;
import static fr.lianes.repertoire.imports.ImportField.PROJECT_STATUS;
import static fr.lianes.repertoire.imports.ImportField.RNA;
import static fr.lianes.repertoire.imports.ImportField.SIRET;
import static fr.lianes.repertoire.imports.ImportField.START;
import static fr.lianes.repertoire.imports.ImportField.STATUS;
import static fr.lianes.repertoire.imports.ImportField.TITLE;
import static fr.lianes.repertoire.imports.ImportField.TYPE;
import static fr.lianes.repertoire.imports.ImportField.WEBSITE;

/**
 * Turns a row into the directory's command, with the row's problems: a missing or
 * unreadable required value refuses the row; an optional value that cannot be read is
 * left out (the entry keeps what it has) and the row is reported as doubtful. Nothing is
 * read from or written to the directory here but the reference lists.
 */
final class RowChecks {

	/** A row's command (null when refused), its old identifier and its problems. */
	record Checked<C>(C command, String legacyId, List<Problem> problems) {
	}

	/** A project's lead actor: its id (-1 when still to be created), or why not. */
	record Lead(Long id, String problem) {
	}

	private final Imports.Services services;

	private final ImportRequest request;

	private final ImportReport report;

	RowChecks(Imports.Services services, ImportRequest request, ImportReport report) {
		this.services = services;
		this.request = request;
		this.report = report;
	}

	private final class Row {

		final ImportFile file;

		final int line;

		final List<String> cells;

		final Entry entry;

		final List<Problem> problems = new ArrayList<>();

		final Set<String> keep = new HashSet<>();

		boolean refused;

		Row(ImportFile file, int line, List<String> cells, Entry entry) {
			this.file = file;
			this.line = line;
			this.cells = cells;
			this.entry = entry;
		}

		String get(ImportField field) {
			return this.file.mapping().value(this.cells, field);
		}

		boolean mapped(ImportField field) {
			return this.file.mapping().has(field);
		}

		void refuse(String key, Object... args) {
			this.refused = true;
			this.problems.add(new Problem(this.file.name(), this.line, this.entry, Severity.REFUSED,
					RowChecks.this.services.message(key, args)));
		}

		void doubt(String key, Object... args) {
			this.problems.add(new Problem(this.file.name(), this.line, this.entry, Severity.WARNING,
					RowChecks.this.services.message(key, args)));
		}

		/**
		 * The cell read by {@code reader}; a cell it cannot read is reported and kept
		 * out.
		 */
		<T> T optional(ImportField field, String component, Function<String, Optional<T>> reader, String problem) {
			String cell = get(field);
			if (!mapped(field)) {
				this.keep.add(component);
				return null;
			}
			if (cell == null) {
				return null;
			}
			Optional<T> value = reader.apply(cell);
			if (value.isEmpty()) {
				doubt(problem, cell);
				this.keep.add(component);
				return null;
			}
			return value.get();
		}

		/** A text cell, kept out with a doubt when longer than the column. */
		String text(ImportField field, String component, int length) {
			return optional(field, component,
					(cell) -> (cell.length() <= length) ? Optional.of(cell) : Optional.empty(),
					"import.problem.too-long." + length);
		}

	}

	Checked<ImportActor> actor(ImportFile file, int line, List<String> cells) {
		Row row = new Row(file, line, cells, Entry.ACTOR);
		String name = row.get(NAME);
		if (name == null) {
			row.refuse("import.problem.name-missing");
		}
		else if (name.length() > 200) {
			row.refuse("import.problem.name-too-long", name.length());
		}
		String type = type(row);
		String insee = commune(row);
		String siret = row.optional(SIRET, "sirenSiret", Cells::sirenSiret, "import.problem.siret");
		String rna = row.optional(RNA, "rna", Cells::rna, "import.problem.rna");
		String postalCode = row.optional(POSTAL_CODE, "postalCode", Cells::postalCode, "import.problem.postal-code");
		String website = row.optional(WEBSITE, "website", Cells::website, "import.problem.website");
		String email = row.optional(EMAIL, "email", Cells::email, "import.problem.email");
		String phone = row.text(PHONE, "phone", 30);
		String acronym = row.text(ACRONYM, "acronym", 30);
		String address = row.text(ADDRESS, "addressLine", 200);
		String description = row.text(DESCRIPTION, "description", 5000);
		Short founded = row.optional(FOUNDED, "foundingYear",
				(cell) -> Cells.year(cell).filter((y) -> y >= 1800 && y <= 2100), "import.problem.year");
		ActorStatus status = row.optional(STATUS, "status", Vocabulary::actorStatus, "import.problem.actor-status");
		ContactFields contact = contact(row);
		projectFieldsWithoutProject(row);
		String legacyId = row.get(LEGACY_ID);
		if (legacyId == null && name != null && insee != null) {
			// without the old identifier, the name in the commune finds the actor again
			legacyId = "nom:" + Vocabulary.key(name) + "@" + insee;
		}
		if (legacyId != null && legacyId.length() > 100) {
			row.refuse("import.problem.id-too-long");
		}
		if (row.refused) {
			return new Checked<>(null, legacyId, row.problems);
		}
		ActorFields fields = new ActorFields(name, acronym, type, siret, rna, address, postalCode, insee, website,
				email, phone, description, founded, List.of());
		boolean consents = row.mapped(CONSENT_NAME) || row.mapped(CONSENT_EMAIL) || row.mapped(CONSENT_PHONE);
		ImportActor command = new ImportActor(legacyId, fields, Set.copyOf(row.keep), status, contact, consents,
				this.request.publish(), ImportRun.source(file, this.request.by()));
		return new Checked<>(command, legacyId, row.problems);
	}

	/**
	 * A row of a file without projects (no title mapped) whose project columns (« Pays »,
	 * « Domaines »...) hold values: they have no project to go to and are left out, which
	 * the row's warning says.
	 */
	private void projectFieldsWithoutProject(Row row) {
		if (row.file.mapping().hasProjects()) {
			return;
		}
		List<String> dropped = new ArrayList<>();
		for (ImportField field : ImportField.values()) {
			if (field.projectOnly() && row.get(field) != null) {
				dropped.add(this.services.message(field.labelKey()));
			}
		}
		if (!dropped.isEmpty()) {
			row.doubt("import.problem.project-fields-without-project", String.join(", ", dropped));
		}
	}

	private String type(Row row) {
		String written = row.get(TYPE);
		if (written == null) {
			row.refuse("import.problem.type-missing");
			return null;
		}
		Optional<String> type = this.services.vocabulary().actorType(written, this.request.valueMapping());
		if (type.isEmpty()) {
			this.report.unknown(Vocabulary.Mapped.TYPE, written);
			row.refuse("import.problem.type-unknown", written);
			return null;
		}
		return type.get();
	}

	/**
	 * The commune's INSEE code: by the INSEE column, else by postal code and name, else
	 * by name alone; refused when unknown or when several communes answer.
	 */
	private String commune(Row row) {
		String insee = row.get(INSEE);
		String name = row.get(COMMUNE);
		String postalCode = row.get(POSTAL_CODE);
		var communes = this.services.communes();
		if (insee != null) {
			Optional<CommuneRef> found = communes.byInsee(insee.length() == 4 ? "0" + insee : insee);
			if (found.isPresent()) {
				return found.get().insee();
			}
			if (name == null && postalCode == null) {
				row.refuse("import.problem.insee-unknown", insee);
				return null;
			}
		}
		if (name == null && postalCode == null) {
			row.refuse("import.problem.commune-missing");
			return null;
		}
		List<CommuneRef> byCode = Cells.postalCode((postalCode != null) ? postalCode : "")
			.map(communes::byPostalCode)
			.orElse(List.of());
		List<CommuneRef> candidates;
		if (name == null) {
			candidates = byCode;
		}
		else {
			String key = CommuneLookup.key(name);
			candidates = byCode.stream().filter((c) -> CommuneLookup.key(c.name()).equals(key)).toList();
			if (candidates.isEmpty()) {
				candidates = communes.byName(name);
			}
		}
		if (candidates.size() == 1) {
			return candidates.get(0).insee();
		}
		String written = String.join(" ", (postalCode != null) ? postalCode : "", (name != null) ? name : "").strip();
		if (candidates.isEmpty()) {
			row.refuse("import.problem.commune-unknown", written);
		}
		else {
			row.refuse("import.problem.commune-ambiguous", written, String.join(", ",
					candidates.stream().limit(6).map((c) -> c.name() + " (" + c.insee() + ")").toList()));
		}
		return null;
	}

	private ContactFields contact(Row row) {
		String name = row.get(CONTACT_NAME);
		String email = row.get(CONTACT_EMAIL);
		String phone = row.get(CONTACT_PHONE);
		if (name == null) {
			if (email != null || phone != null) {
				row.doubt("import.problem.contact-without-name");
			}
			return null;
		}
		if (name.length() > 120) {
			row.doubt("import.problem.contact-too-long");
			return null;
		}
		if (email != null && Cells.email(email).isEmpty()) {
			row.doubt("import.problem.contact-email", email);
			email = null;
		}
		if (phone != null && phone.length() > 30) {
			row.doubt("import.problem.too-long.30", phone);
			phone = null;
		}
		String role = Cells.cut(row.get(CONTACT_ROLE), 120);
		return new ContactFields(null, name, role, email, phone, consent(row, CONSENT_NAME),
				consent(row, CONSENT_EMAIL), consent(row, CONSENT_PHONE));
	}

	/** A consent only when the file says yes; an unreadable answer is a refusal. */
	private boolean consent(Row row, ImportField field) {
		String cell = row.get(field);
		if (cell == null) {
			return false;
		}
		Optional<Boolean> answer = Vocabulary.yesNo(cell);
		if (answer.isEmpty()) {
			row.doubt("import.problem.consent", cell);
			return false;
		}
		return answer.get();
	}

	Checked<ImportProject> project(ImportFile file, int line, List<String> cells, Function<String, Lead> leads) {
		Row row = new Row(file, line, cells, Entry.PROJECT);
		String title = row.get(TITLE);
		if (title == null) {
			row.refuse("import.problem.title-missing");
		}
		else if (title.length() > 250) {
			row.refuse("import.problem.title-too-long", title.length());
		}
		String actorId = leadId(row);
		Long leadId = null;
		if (actorId != null) {
			Lead lead = leads.apply(actorId);
			if (lead.problem() != null) {
				row.refuse("import.problem.lead", lead.problem());
			}
			leadId = lead.id();
		}
		List<String> countries = countries(row);
		List<String> domains = domains(row);
		ProjectKind kind = row.mapped(KIND) && row.get(KIND) != null
				? Vocabulary.projectKind(row.get(KIND)).orElse(null) : ProjectKind.COOPERATION;
		if (kind == null) {
			row.refuse("import.problem.kind", row.get(KIND));
		}
		ProjectNature nature = (row.get(NATURE) != null) ? Vocabulary.projectNature(row.get(NATURE)).orElse(null)
				: null;
		if (nature == null) {
			if (row.get(NATURE) == null) {
				row.refuse("import.problem.nature-missing");
			}
			else {
				row.refuse("import.problem.nature", row.get(NATURE));
			}
		}
		Short start = row.optional(START, "startYear", (cell) -> Cells.year(cell).filter((y) -> y >= 1950 && y <= 2100),
				"import.problem.year");
		Short end = row.optional(END, "endYear", (cell) -> Cells.year(cell).filter((y) -> y >= 1950 && y <= 2100),
				"import.problem.year");
		if (start != null && end != null && end < start) {
			row.refuse("import.problem.years", start, end);
		}
		ProjectStatus status = row.optional(PROJECT_STATUS, "status", Vocabulary::projectStatus,
				"import.problem.project-status");
		if (status == null) {
			status = this.services.statusFromYears(start, end);
			row.keep.remove("status");
		}
		String partnerAuthority = row.text(PARTNER_AUTHORITY, "partnerAuthority", 200);
		if (kind == ProjectKind.DECENTRALISED_COOPERATION && partnerAuthority == null) {
			row.refuse("import.problem.partner-authority");
		}
		String description = row.text(PROJECT_DESCRIPTION, "description", 5000);
		List<String> localities = list(row, LOCALITIES, "localities", 120);
		List<String> funders = list(row, FUNDERS, "funders", 150);
		String legacyId = projectId(row, actorId);
		if (legacyId != null && legacyId.length() > 100) {
			row.refuse("import.problem.id-too-long");
		}
		if (row.refused) {
			return new Checked<>(null, legacyId, row.problems);
		}
		ProjectFields fields = new ProjectFields(legacyId, null, title, kind, nature, status, description, localities,
				funders, start, end, partnerAuthority, countries, domains, List.of());
		return new Checked<>(new ImportProject(legacyId, leadId, fields, Set.copyOf(row.keep),
				ImportRun.source(file, this.request.by())), legacyId, row.problems);
	}

	/**
	 * The old identifier of a project row's lead actor, as {@link #project} finds it
	 * (null: none), its problems left out: for the run to ask for it with the batch's
	 * others.
	 */
	String leadOf(ImportFile file, int line, List<String> cells) {
		return leadId(new Row(file, line, cells, Entry.PROJECT));
	}

	/**
	 * The old identifier of a project row, as {@link #project} finds it (null: none).
	 * @param leadId its lead actor's, as {@link #leadOf} finds it
	 */
	String projectIdOf(ImportFile file, List<String> cells, String leadId) {
		return projectId(new Row(file, 0, cells, Entry.PROJECT), leadId);
	}

	/** The lead actor's old identifier, or else its name in its commune. */
	private String leadId(Row row) {
		String actorId = row.get(LEGACY_ID);
		if (actorId == null) {
			String name = row.get(NAME);
			if (name == null) {
				row.refuse("import.problem.lead-missing");
			}
			else {
				String insee = commune(row);
				actorId = (insee != null) ? "nom:" + Vocabulary.key(name) + "@" + insee : null;
			}
		}
		return actorId;
	}

	/** The project's old identifier, or else its lead actor's and its title. */
	private String projectId(Row row, String leadId) {
		String legacyId = row.get(PROJECT_ID);
		String title = row.get(TITLE);
		if (legacyId == null && leadId != null && title != null) {
			legacyId = "projet:" + leadId + "/" + Vocabulary.key(title);
		}
		return legacyId;
	}

	private List<String> countries(Row row) {
		if (!row.mapped(COUNTRIES)) {
			row.keep.add("countries");
			return List.of();
		}
		String cell = row.get(COUNTRIES);
		Vocabulary.Countries countries = this.services.vocabulary().countries(cell);
		for (String part : countries.unknown()) {
			row.doubt("import.problem.country-unknown", part);
		}
		List<String> found = countries.iso2();
		if (found.isEmpty()) {
			row.refuse((cell == null) ? "import.problem.countries-missing" : "import.problem.countries-none", cell);
		}
		return List.copyOf(found);
	}

	private List<String> domains(Row row) {
		if (!row.mapped(DOMAINS)) {
			row.keep.add("domainSlugs");
			return List.of();
		}
		Set<String> found = new LinkedHashSet<>();
		for (String part : Vocabulary.splitDomains(row.get(DOMAINS))) {
			Optional<String> slug = this.services.vocabulary().domain(part, this.request.valueMapping());
			if (slug.isPresent()) {
				found.add(slug.get());
			}
			else {
				this.report.unknown(Vocabulary.Mapped.DOMAIN, part);
				row.refuse("import.problem.domain-unknown", part);
			}
		}
		return List.copyOf(found);
	}

	private List<String> list(Row row, ImportField field, String component, int length) {
		if (!row.mapped(field)) {
			row.keep.add(component);
			return List.of();
		}
		List<String> items = new ArrayList<>();
		for (String item : Cells.items(row.get(field))) {
			if (item.length() > length) {
				row.doubt("import.problem.too-long." + length, item);
			}
			else if (!items.contains(item)) {
				items.add(item);
			}
		}
		return items;
	}

}
