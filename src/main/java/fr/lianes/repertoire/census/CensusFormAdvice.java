package fr.lianes.repertoire.census;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.InvalidPropertyException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * How the questionnaire's forms are bound, for every step: the answers are records built
 * by their constructors, lists are bounded, and a form no page produces (a list index in
 * the thousands, a property that does not exist) gets the French "bad request" page, not
 * a server error.
 */
@ControllerAdvice(basePackages = { "fr.lianes.repertoire.census", "fr.lianes.repertoire.moderation" })
class CensusFormAdvice {

	private static final Logger LOGGER = LoggerFactory.getLogger(CensusFormAdvice.class);

	@InitBinder
	void binder(WebDataBinder binder) {
		binder.setAutoGrowCollectionLimit(64);
		// the setter pass that follows constructor binding has nothing to set on records,
		// and blank rows must not make it fail
		binder.setIgnoreInvalidFields(true);
	}

	@ExceptionHandler({ IndexOutOfBoundsException.class, InvalidPropertyException.class })
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String malformedForm(Exception ex) {
		LOGGER.info("Malformed questionnaire form refused: {}", ex.toString());
		return "error/4xx";
	}

}
