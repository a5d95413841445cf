package fr.lianes.repertoire.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The error page's own address is not a page: asked for directly (not forwarded to after
 * an error), it is the French "page not found", not a server error without a cause.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class ErrorPathFilter extends OncePerRequestFilter {

	private static final String ERROR_PATH = "/error";

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !(path.equals(ERROR_PATH) || path.startsWith(ERROR_PATH + "/"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		// only requests come here: the container's error dispatches are not filtered
		response.sendError(HttpStatus.NOT_FOUND.value());
	}

}
