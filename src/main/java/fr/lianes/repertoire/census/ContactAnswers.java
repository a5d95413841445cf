package fr.lianes.repertoire.census;

import fr.lianes.repertoire.directory.NameInAddress;
import fr.lianes.repertoire.mail.MailAddress;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A contact person and what they agree to make public: each consent is a separate box,
 * unticked unless the person ticked it.
 */
public record ContactAnswers(@Size(max = 40, message = "{census.error.invalid}") @PlainText String key,
		@NotBlank(message = "{census.error.required}") @Size(max = 120,
				message = "{census.error.too-long}") @PlainText String fullName,
		@Size(max = 120, message = "{census.error.too-long}") @PlainText String role,
		@Size(max = 254, message = "{census.error.too-long}") @MailAddress(
				message = "{census.error.email}") @PlainText String email,
		@Size(max = 30, message = "{census.error.too-long}") @PlainText String phone, boolean publishName,
		boolean publishEmail, boolean publishPhone) {

	/**
	 * What the person agreed to publish, and whether the directory holds their email
	 * back.
	 */
	public Comparison.Publication publication() {
		return new Comparison.Publication(this.publishName, this.publishEmail, this.publishPhone,
				NameInAddress.holdsBack(this.fullName, this.publishName, this.email, this.publishEmail));
	}

	boolean isBlank() {
		return Text.isBlank(this.fullName) && Text.isBlank(this.role) && Text.isBlank(this.email)
				&& Text.isBlank(this.phone);
	}

}
