package fr.lianes.repertoire.mail;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link MailAddress} with the outbox's own rule. */
class MailAddressValidator implements ConstraintValidator<MailAddress, String> {

	@Override
	public boolean isValid(String value, ConstraintValidatorContext context) {
		return value == null || value.isBlank() || MailOutbox.isDeliverable(value.strip());
	}

}
