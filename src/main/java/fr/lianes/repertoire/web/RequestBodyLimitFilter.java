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
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses requests no person's browser sends: NUL characters in parameters (which no
 * keyboard types and PostgreSQL refuses in text), and form bodies the server would not
 * read in full. Without this, a body over the container's limit reaches the application
 * with no parameters at all, and a questionnaire step would be saved empty over what its
 * author had entered.
 */
@Component
// after the character encoding filter: reading parameters before it would decode them as
// ISO-8859-1
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestBodyLimitFilter extends OncePerRequestFilter {

	/** Set by Tomcat when it gave up reading a request's parameters. */
	private static final String PARSE_FAILED = "org.apache.catalina.parameter_parse_failed";

	private final long maxBytes;

	RequestBodyLimitFilter(WebProperties properties) {
		this.maxBytes = properties.maxFormSize().toBytes();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > this.maxBytes) {
			response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
			return;
		}
		if (request.getParameterMap()
			.values()
			.stream()
			.flatMap(java.util.Arrays::stream)
			.anyMatch((v) -> v.indexOf('\0') >= 0) || request.getAttribute(PARSE_FAILED) != null) {
			response.sendError(HttpStatus.BAD_REQUEST.value());
			return;
		}
		chain.doFilter(request, response);
	}

	static DataSize defaultMaxFormSize() {
		return DataSize.ofKilobytes(512);
	}

}
