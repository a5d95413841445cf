package fr.lianes.repertoire.figures;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Too many figures being computed: the error/5xx page, with a 503. */
@ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
class FiguresBusyException extends RuntimeException {

	FiguresBusyException() {
		super("Figures busy", null, false, false);
	}

}
