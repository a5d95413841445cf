package fr.lianes.repertoire.exchange;

import java.util.Locale;

import fr.lianes.repertoire.search.SearchPages;
import fr.lianes.repertoire.web.NotFoundException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The API's errors as {@code application/problem+json}, their title and detail in French
 * or English.
 */
@RestControllerAdvice(assignableTypes = ApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems {

	private static final Log logger = LogFactory.getLog(ApiProblems.class);

	static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

	private final MessageSource messages;

	ApiProblems(MessageSource messages) {
		this.messages = messages;
	}

	/** A parameter out of its bounds. */
	static class BadParameterException extends RuntimeException {

		private final String parameter;

		BadParameterException(String parameter) {
			super(parameter, null, false, false);
			this.parameter = parameter;
		}

	}

	@ExceptionHandler(NotFoundException.class)
	ResponseEntity<ProblemDetail> notFound(Locale locale) {
		return problem(HttpStatus.NOT_FOUND, "notFound", locale);
	}

	@ExceptionHandler(SearchPages.InvalidCursorException.class)
	ResponseEntity<ProblemDetail> badCursor(Locale locale) {
		return problem(HttpStatus.BAD_REQUEST, "badCursor", locale);
	}

	@ExceptionHandler(BadParameterException.class)
	ResponseEntity<ProblemDetail> badParameter(BadParameterException ex, Locale locale) {
		return problem(HttpStatus.BAD_REQUEST, "badParameter", locale, ex.parameter);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex, Locale locale) {
		return problem(HttpStatus.BAD_REQUEST, "badParameter", locale, ex.getName());
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> failure(Exception ex, Locale locale) {
		logger.error("API request failed", ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "error", locale);
	}

	ResponseEntity<ProblemDetail> problem(HttpStatus status, String kind, Locale locale, Object... args) {
		ProblemDetail problem = problem(this.messages, status, kind, locale, args);
		return ResponseEntity.status(status).contentType(PROBLEM).body(problem);
	}

	static ProblemDetail problem(MessageSource messages, HttpStatus status, String kind, Locale locale,
			Object... args) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				messages.getMessage("exchange.problem." + kind + ".detail", args, locale));
		problem.setTitle(messages.getMessage("exchange.problem." + kind + ".title", null, locale));
		return problem;
	}

}
