package fr.lianes.repertoire.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * An actor as its author types it into the questionnaire (/recensement): its structure,
 * one contact person, its projects. Written by hand in the tests, sent by
 * {@link Questionnaire}.
 */
public final class TypedActor {

	public final String key;

	final String name;

	final String type;

	final String postalCode;

	final String commune;

	String acronym = "";

	public String description = "";

	String rna = "";

	final List<String> networks = new ArrayList<>();

	final List<TypedProject> projects = new ArrayList<>();

	private TypedActor(String key, String name, String type, String postalCode, String commune) {
		this.key = key;
		this.name = name;
		this.type = type;
		this.postalCode = postalCode;
		this.commune = commune;
	}

	/**
	 * @param key a short name of the tests' own, unique, also the start of its email
	 * address
	 */
	public static TypedActor actor(String key, String name, String type, String postalCode, String commune) {
		return new TypedActor(key, name, type, postalCode, commune);
	}

	public TypedActor acronym(String acronym) {
		this.acronym = acronym;
		return this;
	}

	/** The number of the association in the RNA register, as typed (W and 9 more). */
	public TypedActor rna(String rna) {
		this.rna = rna;
		return this;
	}

	public TypedActor description(String description) {
		this.description = description;
		return this;
	}

	public TypedActor networks(String... slugs) {
		this.networks.addAll(List.of(slugs));
		return this;
	}

	public TypedActor project(TypedProject project) {
		this.projects.add(project);
		return this;
	}

	/** The address the questionnaire is sent from, and the actor's public one. */
	public String email() {
		return this.key + "@chaine.example";
	}

	@Override
	public String toString() {
		return this.key;
	}

	/** A project as typed on its page of the questionnaire. */
	public static final class TypedProject {

		final String title;

		String kind = "COOPERATION";

		String nature = "TRAINING";

		String status = "ONGOING";

		String startYear = "2022";

		String endYear = "";

		String description = "";

		public String partnerAuthority = "";

		String funders = "";

		final List<String> countries = new ArrayList<>();

		final List<String> localities = new ArrayList<>();

		final List<String[]> partners = new ArrayList<>();

		final List<String> domains = new ArrayList<>();

		private TypedProject(String title) {
			this.title = title;
		}

		public static TypedProject project(String title) {
			return new TypedProject(title);
		}

		/** A decentralised-cooperation agreement with this foreign authority. */
		public static TypedProject agreement(String title, String partnerAuthority) {
			TypedProject project = new TypedProject(title);
			project.kind = "DECENTRALISED_COOPERATION";
			project.nature = "INSTITUTIONAL_SUPPORT";
			project.partnerAuthority = partnerAuthority;
			return project;
		}

		/** A development-education action in the region (no country needed). */
		public static TypedProject inTheRegion(String title) {
			TypedProject project = new TypedProject(title);
			project.kind = "DEVELOPMENT_EDUCATION";
			project.nature = "AWARENESS";
			return project;
		}

		public TypedProject kind(String kind) {
			this.kind = kind;
			return this;
		}

		public TypedProject nature(String nature) {
			this.nature = nature;
			return this;
		}

		public TypedProject status(String status) {
			this.status = status;
			return this;
		}

		public TypedProject years(String start, String end) {
			this.startYear = start;
			this.endYear = end;
			return this;
		}

		/** ISO 3166 alpha-2 codes, as the form's checkboxes send them. */
		public TypedProject in(String... countries) {
			this.countries.addAll(List.of(countries));
			return this;
		}

		public TypedProject localities(String... localities) {
			this.localities.addAll(List.of(localities));
			return this;
		}

		public TypedProject partner(String name, String city, String country) {
			this.partners.add(new String[] { name, city, country });
			return this;
		}

		public TypedProject domains(String... slugs) {
			this.domains.addAll(List.of(slugs));
			return this;
		}

		public TypedProject description(String description) {
			this.description = description;
			return this;
		}

		public TypedProject funders(String funders) {
			this.funders = funders;
			return this;
		}

		/** The fields of the project's page, as a browser sends them. */
		public List<String> fields() {
			List<String> fields = new ArrayList<>(List.of("title", this.title, "kind", this.kind, "nature", this.nature,
					"status", this.status, "startYear", this.startYear, "endYear", this.endYear, "description",
					this.description, "localities", String.join("\n", this.localities), "partnerAuthority",
					this.partnerAuthority, "funders", this.funders));
			this.countries.forEach((iso2) -> fields.addAll(List.of("countries", iso2)));
			this.domains.forEach((slug) -> fields.addAll(List.of("domains", slug)));
			for (int i = 0; i < this.partners.size(); i++) {
				String[] partner = this.partners.get(i);
				fields.addAll(List.of("partners[" + i + "].name", partner[0], "partners[" + i + "].city", partner[1],
						"partners[" + i + "].country", partner[2]));
			}
			fields.addAll(List.of("action", "enregistrer"));
			return fields;
		}

		@Override
		public String toString() {
			return this.title;
		}

	}

}
