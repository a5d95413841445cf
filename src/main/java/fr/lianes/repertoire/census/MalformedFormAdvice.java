package fr.lianes.repertoire.census;

import org.springframework.beans.InvalidPropertyException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Forms no page of the questionnaire produces (a list index in the thousands, a property
 * that does not exist) get the French "bad request" page, not a server error.
 */
@ControllerAdvice(basePackageClasses = MalformedFormAdvice.class)
class MalformedFormAdvice {

	private static final org.slf4j.Logger LOGGER = org.slf4j.LoggerFactory.getLogger(MalformedFormAdvice.class);

	@ExceptionHandler({ IndexOutOfBoundsException.class, InvalidPropertyException.class })
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String malformedForm(Exception ex) {
		LOGGER.info("Malformed questionnaire form refused: {}", ex.toString());
		return "error/4xx";
	}

}
