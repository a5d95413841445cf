package fr.lianes.repertoire.census;

import java.util.List;

import fr.lianes.repertoire.mail.MailAddress;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The first step of the questionnaire: who the actor is. Every field is kept as typed
 * (numbers included) so that a wrong value comes back to its author with a message, never
 * lost to a conversion error.
 */
public record StructureAnswers(
		@NotBlank(message = "{census.error.required}") @Size(max = 200,
				message = "{census.error.too-long}") @PlainText String name,
		@Size(max = 30, message = "{census.error.too-long}") @PlainText String acronym,
		@NotBlank(message = "{census.error.choose}") @Size(max = 40,
				message = "{census.error.invalid}") @PlainText String actorType,
		@Size(max = 20, message = "{census.error.too-long}") @PlainText String siret,
		@Size(max = 12, message = "{census.error.too-long}") @PlainText String rna,
		@Size(max = 200, message = "{census.error.too-long}") @PlainText String addressLine,
		@NotBlank(message = "{census.error.required}") @Size(max = 10,
				message = "{census.error.too-long}") @PlainText String postalCode,
		@NotBlank(message = "{census.error.required}") @Size(max = 100,
				message = "{census.error.too-long}") @PlainText String communeName,
		@Size(max = 5, message = "{census.error.invalid}") @PlainText String communeInsee,
		@Size(max = 300, message = "{census.error.too-long}") @PlainText String website,
		@Size(max = 254, message = "{census.error.too-long}") @MailAddress(
				message = "{census.error.email}") @PlainText String email,
		@Size(max = 30, message = "{census.error.too-long}") @PlainText String phone,
		@Size(max = 5000, message = "{census.error.too-long}") @PlainText(multiline = true) String description,
		@Size(max = 20,
				message = "{census.error.too-many}") List<@Size(max = 80,
						message = "{census.error.invalid}") @PlainText String> networks,
		@Size(max = 10, message = "{census.error.too-long}") @PlainText String foundingYear) {

	public StructureAnswers {
		networks = (networks != null) ? List.copyOf(networks) : List.of();
	}

	static StructureAnswers empty() {
		return new StructureAnswers(null, null, null, null, null, null, null, null, null, null, null, null, null,
				List.of(), null);
	}

	StructureAnswers withCommune(String insee, String name, String postalCode) {
		return new StructureAnswers(this.name, this.acronym, this.actorType, this.siret, this.rna, this.addressLine,
				postalCode, name, insee, this.website, this.email, this.phone, this.description, this.networks,
				this.foundingYear);
	}

}
