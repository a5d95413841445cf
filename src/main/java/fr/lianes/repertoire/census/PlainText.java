package fr.lianes.repertoire.census;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * Text without control characters; line breaks and tabs only where several lines are
 * expected. Keeps invisible characters (and header injection in email addresses) out of
 * the directory.
 */
@Documented
@Constraint(validatedBy = PlainTextValidator.class)
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
@interface PlainText {

	boolean multiline() default false;

	String message() default "{census.error.control-characters}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
