package fr.lianes.repertoire.web;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses requests no person's browser sends: NUL characters in parameters (which no
 * keyboard types and PostgreSQL refuses in text), list indexes that are not small decimal
 * numbers ({@code contacts[abc]}, {@code partners[0x1]}, {@code contacts[2147483648]}:
 * data binding would fail on them with a server error), and form bodies the server would
 * not read in full, whether their length is announced or not (a chunked body). Without
 * this, a body over the container's limit reaches the application with no parameters at
 * all, and a questionnaire step would be saved empty over what its author had entered.
 */
@Component
// after the character encoding filter: reading parameters before it would decode them as
// ISO-8859-1
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestBodyLimitFilter extends OncePerRequestFilter {

	/**
	 * A list index as pages write them: a few decimal digits. Larger ones are refused by
	 * the binder's collection limit.
	 */
	private static final Pattern INDEX = Pattern.compile("\\[[0-9]{1,4}](?=$|[.\\[])");

	private final long maxBytes;

	RequestBodyLimitFilter(WebProperties properties) {
		this.maxBytes = properties.maxFormSize().toBytes();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > this.maxBytes && !isUpload(request)) {
			response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
			return;
		}
		Map<String, String[]> parameters;
		try {
			parameters = request.getParameterMap();
		}
		catch (InvalidParameterException ex) {
			// Tomcat gave up reading the parameters: a body without a length (chunked)
			// over
			// the limit, set on the connector by WebConfiguration, or a malformed one
			response.sendError((ex.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value())
					? HttpStatus.CONTENT_TOO_LARGE.value() : HttpStatus.BAD_REQUEST.value());
			return;
		}
		if (parameters.values().stream().flatMap(Arrays::stream).anyMatch((v) -> v.indexOf('\0') >= 0)
				|| parameters.keySet().stream().anyMatch(RequestBodyLimitFilter::hasMalformedIndex)) {
			response.sendError(HttpStatus.BAD_REQUEST.value());
			return;
		}
		chain.doFilter(request, response);
	}

	/**
	 * Files sent to the back office's import (multipart, administrators only): their size
	 * is limited by {@code spring.servlet.multipart}, the parts being written to disk.
	 */
	static boolean isUpload(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")
				&& request.getRequestURI().startsWith(request.getContextPath() + UPLOAD_PATH);
	}

	/** Where files are uploaded. */
	static final String UPLOAD_PATH = "/moderation/administration/import";

	/**
	 * Whether a parameter's name has a bracket that is not part of a small decimal index.
	 */
	static boolean hasMalformedIndex(String name) {
		return (name.indexOf('[') >= 0 || name.indexOf(']') >= 0)
				&& INDEX.matcher(name).replaceAll("").chars().anyMatch((c) -> c == '[' || c == ']');
	}

	static DataSize defaultMaxFormSize() {
		return DataSize.ofKilobytes(512);
	}

}
