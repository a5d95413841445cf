package fr.lianes.repertoire.imports;

import java.util.List;

import fr.lianes.repertoire.reference.CommuneLookup;

/**
 * A field of the directory a column of an old export can fill, with the headers (French
 * and English, compared without case, accents nor punctuation) that name it.
 */
enum ImportField {

	// the actor
	LEGACY_ID("identifiant", "id", "identifiant structure", "id structure", "code structure", "numero structure",
			"reference", "identifiant acteur", "actor id", "organisation id", "organization id"),
	NAME("nom", "nom de la structure", "raison sociale", "structure", "denomination", "name", "organisation",
			"organization", "organisation name", "organization name"),
	ACRONYM("sigle", "acronyme", "acronym"),
	TYPE("type", "type de structure", "categorie", "type d acteur", "categorie de structure", "actor type",
			"organisation type", "organization type"),
	SIRET("siret", "siren", "siret siren", "n siret", "numero siret", "numero siren", "siren siret"),
	RNA("rna", "n rna", "numero rna", "numero w", "rna number"),
	ADDRESS("adresse", "address", "rue", "adresse postale"),
	POSTAL_CODE("code postal", "cp", "postal code", "zip", "zip code", "postcode"),
	COMMUNE("commune", "ville", "city", "town", "localite"), INSEE("code insee", "insee", "code commune", "insee code"),
	WEBSITE("site", "site internet", "site web", "website", "url", "web"),
	EMAIL("courriel", "email", "e mail", "mail", "adresse e mail", "adresse mail", "adresse electronique"),
	PHONE("telephone", "tel", "phone", "telephone structure"),
	DESCRIPTION("description", "presentation", "objet", "description de la structure"),
	FOUNDED("annee de creation", "date de creation", "creation", "founded", "founding year", "year founded"),
	STATUS("statut", "etat", "status", "activite"),
	CONTACT_NAME("contact", "nom du contact", "personne a contacter", "contact name", "nom contact"),
	CONTACT_ROLE("fonction", "fonction du contact", "role", "contact role", "fonction contact"),
	CONTACT_EMAIL("courriel du contact", "email du contact", "courriel contact", "email contact", "contact email"),
	CONTACT_PHONE("telephone du contact", "telephone contact", "tel contact", "contact phone"),
	CONSENT_NAME("accord publication nom", "publication du nom", "consentement nom", "publish name"),
	CONSENT_EMAIL("accord publication courriel", "publication du courriel", "consentement courriel", "publish email"),
	CONSENT_PHONE("accord publication telephone", "publication du telephone", "consentement telephone",
			"publish phone"),
	// the project
	PROJECT_ID("identifiant projet", "id projet", "code projet", "numero projet", "project id"),
	TITLE("titre", "titre du projet", "intitule", "intitule du projet", "projet", "title", "project", "project title"),
	KIND("type de projet", "type d action", "project type", "kind"),
	NATURE("nature", "nature de l action", "nature of action"),
	PROJECT_STATUS("etat du projet", "statut du projet", "avancement", "project status"),
	COUNTRIES("pays", "pays d intervention", "pays concernes", "countries", "country"),
	DOMAINS("domaines", "domaine", "domaines d action", "thematiques", "thematique", "secteurs", "domains", "sectors"),
	START("annee de debut", "debut", "date de debut", "start", "start year", "start date"),
	END("annee de fin", "fin", "date de fin", "end", "end year", "end date"),
	PROJECT_DESCRIPTION("description du projet", "project description"),
	LOCALITIES("localites", "lieux", "villes partenaires", "localities", "places"),
	FUNDERS("financeurs", "bailleurs", "funders", "financements"),
	PARTNER_AUTHORITY("collectivite partenaire", "partner authority");

	private final List<String> headers;

	ImportField(String... headers) {
		this.headers = List.of(headers);
	}

	/** Whether a header names this field. */
	boolean names(String header) {
		return this.headers.contains(key(header));
	}

	/**
	 * Whether the field belongs to a project only (its identifier, title and the
	 * project's own values): on a row without a project, it has nowhere to go.
	 */
	boolean projectOnly() {
		return ordinal() >= PROJECT_ID.ordinal();
	}

	/** The message key of the field's label. */
	public String labelKey() {
		return "import.field." + name();
	}

	static String key(String text) {
		return CommuneLookup.key((text != null) ? text : "").replace('-', ' ');
	}

}
