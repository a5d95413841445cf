package fr.lianes.repertoire.census;

import java.util.regex.Pattern;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

class PlainTextValidator implements ConstraintValidator<PlainText, String> {

	/** The start of an HTML tag, comment or declaration: "enfants de <5 ans" is text. */
	private static final Pattern MARKUP = Pattern.compile("<[A-Za-z/!?]");

	private boolean multiline;

	@Override
	public void initialize(PlainText annotation) {
		this.multiline = annotation.multiline();
	}

	@Override
	public boolean isValid(String value, ConstraintValidatorContext context) {
		if (value == null) {
			return true;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			boolean lineBreak = c == '\n' || c == '\r' || c == '\t';
			if ((Character.isISOControl(c) && !(this.multiline && lineBreak)) || c == '\u2028' || c == '\u2029') {
				return false;
			}
		}
		if (MARKUP.matcher(value).find()) {
			context.disableDefaultConstraintViolation();
			context.buildConstraintViolationWithTemplate("{census.error.markup}").addConstraintViolation();
			return false;
		}
		return true;
	}

}
