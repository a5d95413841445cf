package fr.lianes.repertoire.reference;

import jakarta.validation.constraints.NotBlank;

/**
 * An inter-municipal body (EPCI) to attach to a territory, by its SIREN.
 */
public record EpciForm(@NotBlank(message = "{reference.admin.error.choose}") String epci) {

	public static EpciForm empty() {
		return new EpciForm("");
	}

}
