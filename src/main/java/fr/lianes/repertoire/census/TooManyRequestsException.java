package fr.lianes.repertoire.census;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * One address asked too often: people get the French page saying so and when to retry.
 */
@ResponseStatus(HttpStatus.TOO_MANY_REQUESTS)
class TooManyRequestsException extends RuntimeException {

	TooManyRequestsException() {
		super(null, null, false, false);
	}

}
