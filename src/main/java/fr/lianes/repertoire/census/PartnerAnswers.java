package fr.lianes.repertoire.census;

import jakarta.validation.constraints.Size;

/** An organisation abroad that a project works with. */
public record PartnerAnswers(@Size(max = 200, message = "{census.error.too-long}") @PlainText String name,
		@Size(max = 120, message = "{census.error.too-long}") @PlainText String city,
		@Size(max = 2, message = "{census.error.invalid}") @PlainText String country) {

	boolean isBlank() {
		return Text.isBlank(this.name) && Text.isBlank(this.city) && Text.isBlank(this.country);
	}

}
