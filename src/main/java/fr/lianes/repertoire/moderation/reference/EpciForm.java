package fr.lianes.repertoire.moderation.reference;

import jakarta.validation.constraints.NotBlank;

/**
 * An inter-municipal body (EPCI) to attach to a territory, by its SIREN.
 */
record EpciForm(@NotBlank(message = "{reference.admin.error.choose}") String epci) {

	static EpciForm empty() {
		return new EpciForm("");
	}

}
