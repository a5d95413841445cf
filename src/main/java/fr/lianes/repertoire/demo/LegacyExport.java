package fr.lianes.repertoire.demo;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import fr.lianes.repertoire.directory.BulkWriter;
import fr.lianes.repertoire.reference.ReferenceData;
import fr.lianes.repertoire.reference.Slugs;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes the demo directory as the network's old directory exported it: two CSV files
 * (actors, projects) in Windows-1252 with « ; », French headers, types, countries and
 * domains as free text written the ways people write them (« Cote d Ivoire », « RDC », «
 * Congo (RDC) », « Sénégal (Dakar) », ISO codes, English names, without accents, in
 * capitals, several in one cell), SIRET with spaces, French dates, blank lines, and the
 * flaws of real exports: a few actors entered twice, SIRET with a wrong check digit,
 * communes outside the region. Rows are streamed: each is written once its children
 * (contacts) have arrived. Ids and slugs are handed out as a load into an empty directory
 * hands them out.
 * <p>
 * The flaws are drawn from a random sequence of their own: the generator's sequence, and
 * so the directory exported, is the same as the one {@link DemoDataGenerator} writes into
 * the database.
 */
final class LegacyExport implements BulkWriter, AutoCloseable {

	static final List<String> ACTOR_HEADERS = List.of("Identifiant", "Nom de la structure", "Sigle",
			"Type de structure", "SIRET", "N° RNA", "Adresse", "Code postal", "Commune", "Code INSEE", "Site internet",
			"Courriel", "Téléphone", "Date de création", "Statut", "Description", "Contact", "Fonction du contact",
			"Courriel du contact", "Téléphone du contact");

	static final List<String> PROJECT_HEADERS = List.of("Identifiant projet", "Identifiant structure",
			"Titre du projet", "Type de projet", "Nature de l'action", "État du projet", "Pays", "Domaines",
			"Année de début", "Année de fin", "Description du projet", "Localités", "Financeurs",
			"Collectivité partenaire");

	/** How many rows of flawed duplicates and foreign communes are added. */
	static final int DUPLICATES = 8;

	static final int UNKNOWN_COMMUNES = 5;

	static final int BAD_SIRETS = 6;

	private static final Map<String, String> KINDS = Map.of("COOPERATION", "Projet de coopération",
			"DECENTRALISED_COOPERATION", "Coopération décentralisée", "DEVELOPMENT_EDUCATION",
			"Éducation au développement");

	private static final Map<String, String> NATURES = Map.of("COLLECTION_DONATION", "Collecte et don de matériel",
			"CONSTRUCTION_EQUIPMENT", "Construction et équipement", "TRAINING", "Formation", "INSTITUTIONAL_SUPPORT",
			"Appui institutionnel", "EXCHANGE", "Échanges et mobilité", "FINANCIAL_SUPPORT", "Soutien financier",
			"AWARENESS", "Sensibilisation");

	private static final Map<String, String> PROJECT_STATUSES = Map.of("PLANNED", "En projet", "ONGOING", "En cours",
			"COMPLETED", "Terminé");

	private static final Map<String, String> ACTOR_STATUSES = Map.of("ACTIVE", "actif", "DORMANT", "en veille",
			"CEASED", "cessé");

	/** Ways a country is written besides its French name. */
	private static final Map<String, List<String>> COUNTRY_FORMS = Map.of("CI",
			List.of("Cote d Ivoire", "Côte d'Ivoire", "COTE D'IVOIRE", "Ivory Coast"), "CD",
			List.of("RDC", "Congo (RDC)", "Congo-Kinshasa"), "SN",
			List.of("Sénégal (Dakar)", "Senegal", "SEN", "sénégal"), "BF", List.of("Burkina", "burkina faso", "BFA"),
			"ML", List.of("Mali", "MALI", "MLI"), "MA", List.of("Maroc", "Morocco", "maroc"));

	private final Catalog catalog;

	private final ReferenceData reference;

	private final SplittableRandom flaws;

	private final Map<String, String> communeNames = new java.util.HashMap<>();

	private final CSVPrinter actors;

	private final CSVPrinter projects;

	private final Slugs.Unique actorSlugs = new Slugs.Unique(160);

	private long nextActorId = 1;

	private long nextContactId = 1;

	private long nextPartnerId = 1;

	private long nextProjectId = 1;

	/** The actor to write, its id, and its first contact. */
	private Actor actor;

	private long actorId;

	private Contact contact;

	/** The project to write and its id. */
	private Project project;

	private long projectId;

	private final List<String> projectCountries = new ArrayList<>();

	private final List<Integer> projectDomains = new ArrayList<>();

	/** Actors kept to be written again as duplicates at the end. */
	private final List<List<String>> duplicates = new ArrayList<>();

	private int actorRows;

	private int projectRows;

	LegacyExport(Catalog catalog, ReferenceData reference, long seed, Path actorsFile, Path projectsFile)
			throws IOException {
		this.catalog = catalog;
		this.reference = reference;
		this.flaws = new SplittableRandom(seed * 31 + 7);
		catalog.reference.communes().forEach((commune) -> this.communeNames.put(commune.insee(), commune.name()));
		this.actors = printer(actorsFile);
		this.projects = printer(projectsFile);
		this.actors.printRecord(ACTOR_HEADERS);
		this.projects.printRecord(PROJECT_HEADERS);
	}

	private static CSVPrinter printer(Path file) throws IOException {
		Writer writer = new OutputStreamWriter(Files.newOutputStream(file), TableCharset.WINDOWS_1252);
		return new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setDelimiter(';').setRecordSeparator("\r\n").get());
	}

	@Override
	public String actorSlug(String name) {
		return this.actorSlugs.unique(name);
	}

	@Override
	public long actor(Actor actor) {
		try {
			writeActor();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.actor = actor;
		this.actorId = this.nextActorId++;
		this.contact = null;
		return this.actorId;
	}

	@Override
	public long contact(long actorId, Contact contact) {
		if (this.contact == null) {
			this.contact = contact;
		}
		return this.nextContactId++;
	}

	@Override
	public long project(Project project) {
		try {
			writeProject();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.project = project;
		this.projectId = this.nextProjectId++;
		project.countries().stream().distinct().forEach(this.projectCountries::add);
		project.domainIds().stream().distinct().forEach(this.projectDomains::add);
		return this.projectId;
	}

	@Override
	public long partner(String name, String countryIso2, String city) {
		// partners abroad are not in the old export
		return this.nextPartnerId++;
	}

	@Override
	public void network(long actorId, int networkId) {
		// nor are networks
	}

	@Override
	public void consent(long contactId, Consent consent) {
		// nor consents
	}

	/** Writes the last rows and the flawed ones, and closes the files. */
	@Override
	public void close() throws IOException {
		writeActor();
		writeProject();
		for (int i = 0; i < this.duplicates.size(); i++) {
			List<String> copy = new ArrayList<>(this.duplicates.get(i));
			copy.set(0, "D" + (i + 1));
			// entered again years later: the name in capitals, the same commune
			copy.set(1, copy.get(1).toUpperCase(Locale.FRENCH));
			this.actors.printRecord(copy);
		}
		String[][] foreign = { { "Paris", "75011", "" }, { "Lyon", "69003", "" }, { "Bruxelles", "1000", "" },
				{ "Trifouillis-les-Oies", "59999", "" }, { "Rouen", "76000", "76540" } };
		for (int i = 0; i < UNKNOWN_COMMUNES; i++) {
			this.actors.printRecord("X" + (i + 1), "Association des amis de " + foreign[i][0], "",
					"Association de solidarité internationale", "", "", "1 rue de la Paix", foreign[i][1],
					foreign[i][0], foreign[i][2], "", "", "", "", "actif", "", "", "", "", "");
		}
		this.projects.printRecord("PX1", "X1", "Jumelage scolaire avec Dakar", "Projet de coopération", "Échanges",
				"En cours", "Sénégal", "Éducation", "2020", "", "", "", "", "");
		this.actors.close();
		this.projects.close();
	}

	private void writeActor() throws IOException {
		Actor a = this.actor;
		if (a == null) {
			return;
		}
		this.actor = null;
		blankLineNow(this.actors, ++this.actorRows);
		String insee = a.communeInsee();
		String communeName = this.communeNames.get(insee);
		boolean withInsee = this.flaws.nextInt(5) > 0;
		String typeName = this.reference.actorType(a.actorTypeCode()).map((t) -> t.name()).orElse(a.actorTypeCode());
		String siret = a.sirenSiret();
		if (siret != null && this.flaws.nextInt(3) == 0) {
			siret = spaced(siret);
		}
		if (siret != null && this.actorRows % 300 == 17 && this.actorRows / 300 < BAD_SIRETS) {
			// a typing error: the last digit is wrong, the check fails
			char last = siret.charAt(siret.length() - 1);
			siret = siret.substring(0, siret.length() - 1) + (char) ('0' + ((last - '0' + 1) % 10));
		}
		Object founded = a.foundingYear();
		if (founded != null && this.flaws.nextInt(3) == 0) {
			founded = String.format("%02d/%02d/%s", 1 + this.flaws.nextInt(28), 1 + this.flaws.nextInt(12), founded);
		}
		Contact c = this.contact;
		List<String> row = List.of("A" + this.actorId, text(a.name()), text(a.acronym()), written(typeName),
				text(siret), text(a.rna()), text(a.addressLine()), text(a.postalCode()),
				withInsee ? communeName : written(communeName), withInsee ? insee : "", text(a.website()),
				text(a.email()), text(a.phone()), text(founded), status(a.status().name()), text(a.description()),
				(c != null) ? text(c.fullName()) : "", (c != null) ? text(c.role()) : "",
				(c != null) ? text(c.email()) : "", (c != null) ? text(c.phone()) : "");
		this.actors.printRecord(row);
		if (this.duplicates.size() < DUPLICATES && this.actorRows % 97 == 5) {
			this.duplicates.add(row);
		}
	}

	private void writeProject() throws IOException {
		Project p = this.project;
		if (p == null) {
			return;
		}
		this.project = null;
		blankLineNow(this.projects, ++this.projectRows);
		List<String> countries = new ArrayList<>();
		for (String iso2 : this.projectCountries) {
			countries.add(country(iso2));
		}
		List<String> domains = new ArrayList<>();
		for (Integer id : this.projectDomains) {
			domains.add(written(this.reference.domain(id.shortValue()).map((d) -> d.name()).orElseThrow()));
		}
		this.projectCountries.clear();
		this.projectDomains.clear();
		String separator = switch (this.flaws.nextInt(3)) {
			case 0 -> ", ";
			case 1 -> " ; ";
			default -> " et ";
		};
		this.projects.printRecord("P" + this.projectId, "A" + p.leadActorId(), text(p.title()),
				KINDS.get(p.kind().name()), NATURES.get(p.nature().name()), PROJECT_STATUSES.get(p.status().name()),
				String.join(separator, countries), String.join("; ", domains), text(p.startYear()), text(p.endYear()),
				text(p.description()), lines(p.localities()), lines(p.funders()), text(p.partnerAuthority()));
	}

	/** A country as people write it: mostly its French name, sometimes another form. */
	private String country(String iso2) {
		List<String> forms = COUNTRY_FORMS.get(iso2);
		int draw = this.flaws.nextInt(10);
		if (forms != null && draw < 5) {
			return forms.get(this.flaws.nextInt(forms.size()));
		}
		String name = this.catalog.countryName(iso2);
		return switch (draw) {
			case 5 -> unaccented(name);
			case 6 -> name.toUpperCase(Locale.FRENCH);
			case 7 -> new Locale("", iso2).getDisplayCountry(Locale.ENGLISH);
			default -> name;
		};
	}

	/** Free text as typed: sometimes in lower case, sometimes without accents. */
	private String written(String text) {
		return switch (this.flaws.nextInt(6)) {
			case 0 -> text.toLowerCase(Locale.FRENCH);
			case 1 -> unaccented(text);
			default -> text;
		};
	}

	private String status(String status) {
		String label = ACTOR_STATUSES.get(status);
		return (this.flaws.nextInt(4) == 0) ? Character.toUpperCase(label.charAt(0)) + label.substring(1) : label;
	}

	/** Every so often, the blank line an office tool leaves. */
	private void blankLineNow(CSVPrinter printer, int rows) throws IOException {
		if (rows % 250 == 0) {
			printer.println();
		}
	}

	private static String spaced(String digits) {
		StringBuilder spaced = new StringBuilder();
		for (int i = 0; i < digits.length(); i++) {
			if (i > 0 && i % 3 == 0 && i <= 9) {
				spaced.append(' ');
			}
			spaced.append(digits.charAt(i));
		}
		return spaced.toString();
	}

	private static String unaccented(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
	}

	private static String text(Object value) {
		return (value != null) ? value.toString() : "";
	}

	private static String lines(List<String> values) {
		return (values != null) ? String.join(" ; ", values) : "";
	}

	/** The character set of office tools on Windows. */
	private static final class TableCharset {

		static final java.nio.charset.Charset WINDOWS_1252 = java.nio.charset.Charset.forName("windows-1252");

	}

}
