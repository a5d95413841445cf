package fr.lianes.repertoire.security;

import java.io.IOException;
import java.time.Duration;

import fr.lianes.repertoire.limits.TokenBuckets;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sign-in attempts per IP address: beyond {@link #ATTEMPTS} in {@link #PERIOD}, the form
 * is refused with the French "too many requests" page. With the per-account lock-out,
 * this keeps password guessing slow across accounts too ({@link TokenBuckets}: in memory,
 * or counted across instances when several serve the site). An account locked for this
 * address ({@link SignInAttempts}) is refused here, its password not checked.
 */
class SignInThrottle extends OncePerRequestFilter {

	static final int ATTEMPTS = 20;

	static final Duration PERIOD = Duration.ofMinutes(15);

	private final SignInAttempts attempts;

	private final TokenBuckets buckets;

	SignInThrottle(SignInAttempts attempts, TokenBuckets buckets) {
		this.attempts = attempts;
		this.buckets = buckets;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !("POST".equals(request.getMethod()) && "/connexion".equals(path));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!this.buckets.take("sign-in:" + request.getRemoteAddr(), ATTEMPTS, PERIOD).taken()) {
			response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
			return;
		}
		if (this.attempts.isLocked(request.getParameter("email"), request.getRemoteAddr())) {
			// the same answer as a wrong password, the password not even checked
			response.sendRedirect(request.getContextPath() + "/connexion?erreur");
			return;
		}
		chain.doFilter(request, response);
	}

}
