package fr.lianes.repertoire.web;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;

import fr.lianes.repertoire.database.DatabaseAvailability;
import fr.lianes.repertoire.database.DatabaseFault;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A page that needs a database that does not answer, or a form sent while the database
 * cannot write, gets the French 503 page at once, instead of waiting for a connection and
 * ending in a 500. Requests already running when the database fails get the same page
 * when their exception comes back here. Nothing is acknowledged that was not written: the
 * page says that the form was not saved.
 */
@Component
class DatabaseFaultFilter extends OncePerRequestFilter implements Ordered {

	private static final Logger logger = LoggerFactory.getLogger(DatabaseFaultFilter.class);

	/**
	 * The request attribute that {@code error/503.html} reads: {@code UNAVAILABLE} or
	 * {@code DISK_FULL}; other 503 answers (figures too busy) keep the general text.
	 */
	static final String FAULT = "databaseFault";

	/** What works without the database: static files and the health endpoints. */
	private static final Set<String> WITHOUT_DATABASE = Set.of("/assets/", "/webjars/", "/actuator/", "/favicon.ico");

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	/** Seconds after which a browser or a crawler may try again. */
	private static final String RETRY_AFTER = "10";

	private final DatabaseAvailability availability;

	DatabaseFaultFilter(DatabaseAvailability availability) {
		this.availability = availability;
	}

	/**
	 * Early among the filters, so that the security filters' own database failures (a
	 * sign-in) come back here too.
	 */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 20;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return WITHOUT_DATABASE.stream().anyMatch(path::startsWith);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<DatabaseFault> known = this.availability.faultFor(!SAFE_METHODS.contains(request.getMethod()));
		if (known.isPresent()) {
			refuse(request, response, known.get());
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | RuntimeException ex) {
			Optional<DatabaseFault> fault = this.availability.faultBehind(ex);
			if (fault.isEmpty() || response.isCommitted()) {
				throw ex;
			}
			logger.warn("{} {} failed, the database being {}: {}", request.getMethod(), request.getRequestURI(),
					(fault.get() == DatabaseFault.DISK_FULL) ? "full" : "unavailable", rootMessage(ex));
			refuse(request, response, fault.get());
		}
	}

	private static void refuse(HttpServletRequest request, HttpServletResponse response, DatabaseFault fault)
			throws IOException {
		request.setAttribute(FAULT, fault.name());
		response.setHeader("Retry-After", RETRY_AFTER);
		response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.toString();
	}

}
