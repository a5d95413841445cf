package fr.lianes.repertoire.exchange;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A published actor as the API, the JSON download and the GeoJSON properties give it.
 * Contact persons carry only the fields they consented to publish.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "Un acteur publié du répertoire")
record ApiActor(@Schema(description = "Identifiant stable, dans l'adresse de sa page") String slug,
		@Schema(description = "Adresse de sa page") String url, String name, String acronym, Code type,
		@Schema(description = "actif, en-veille ou cesse") String status, String description, Address address,
		@Schema(description = "SIREN (9 chiffres) ou SIRET (14 chiffres)") String sirenSiret,
		@Schema(description = "Numéro du Répertoire national des associations") String rna, String website,
		String email, String phone, Integer foundingYear, List<String> networks, List<Code> countries,
		List<Code> domains,
		@Schema(description = "Slugs des projets publics qu'il mène ou auxquels il prend part") List<String> projects,
		List<Contact> contacts, Instant createdAt, Instant updatedAt) {

	/** A value of a reference list: its code (or slug) and its name. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Code(String code, String name) {

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Address(String line, String postalCode, Code commune, String departement, Code territory) {

	}

	/** A contact person: each field only when its publication is consented. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Contact(String name, String role, String email, String phone) {

	}

}
