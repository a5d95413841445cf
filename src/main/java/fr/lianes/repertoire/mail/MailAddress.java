package fr.lianes.repertoire.mail;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * An address mail can be sent to ({@link MailOutbox#isDeliverable}): a single bare
 * address whose domain has a dot ({@code a@b} is refused). Empty values pass: say
 * {@code @NotBlank} where one is required. Every form field taking an address uses this,
 * so that no address is accepted that the outbox would refuse.
 */
@Documented
@Constraint(validatedBy = MailAddressValidator.class)
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT,
		ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface MailAddress {

	String message() default "{mail.error.address}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
