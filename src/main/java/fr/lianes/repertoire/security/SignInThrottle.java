package fr.lianes.repertoire.security;

import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sign-in attempts per IP address: beyond {@link #ATTEMPTS} in {@link #PERIOD}, the form
 * is refused with the French "too many requests" page. With the per-account lock-out,
 * this keeps password guessing slow across accounts too. In memory, per instance. An
 * account locked for this address ({@link SignInAttempts}) is refused here, its password
 * not checked.
 */
class SignInThrottle extends OncePerRequestFilter {

	static final int ATTEMPTS = 20;

	static final Duration PERIOD = Duration.ofMinutes(15);

	private static final int MAX_ADDRESSES = 10_000;

	private final SignInAttempts attempts;

	private final Map<String, Bucket> buckets = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
			return size() > MAX_ADDRESSES;
		}

	});

	SignInThrottle(SignInAttempts attempts) {
		this.attempts = attempts;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !("POST".equals(request.getMethod()) && "/connexion".equals(path));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Bucket bucket = this.buckets.computeIfAbsent(request.getRemoteAddr(),
				(address) -> Bucket.builder()
					.addLimit(Bandwidth.builder().capacity(ATTEMPTS).refillGreedy(ATTEMPTS, PERIOD).build())
					.build());
		if (!bucket.tryConsume(1)) {
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
