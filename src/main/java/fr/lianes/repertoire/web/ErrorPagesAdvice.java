package fr.lianes.repertoire.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Renders the French not-found page directly, without a detour through the container's
 * error dispatch. Other errors go to Spring Boot's error controller and its error/4xx and
 * error/5xx templates, which never show a stack trace.
 */
@ControllerAdvice
class ErrorPagesAdvice {

	@ExceptionHandler({ NotFoundException.class, NoHandlerFoundException.class, NoResourceFoundException.class })
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "error/404";
	}

}
