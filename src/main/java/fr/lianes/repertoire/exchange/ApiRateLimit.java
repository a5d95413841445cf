package fr.lianes.repertoire.exchange;

import java.io.IOException;
import java.time.Duration;

import fr.lianes.repertoire.limits.TokenBuckets;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * How often one IP address may call the API: a token bucket per address
 * ({@link TokenBuckets}, in memory or across instances), as the questionnaire's limits.
 * Past it, 429 with {@code Retry-After} and a problem in the visitor's language.
 */
@Component
class ApiRateLimit extends OncePerRequestFilter {

	private final int perMinute;

	private final MessageSource messages;

	private final LocaleResolver locales;

	private final JsonMapper json;

	private final TokenBuckets buckets;

	ApiRateLimit(ExchangeProperties properties, TokenBuckets buckets, MessageSource messages, LocaleResolver locales,
			JsonMapper json) {
		this.perMinute = properties.apiRequestsPerMinute();
		this.buckets = buckets;
		this.messages = messages;
		this.locales = locales;
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		TokenBuckets.Take take = this.buckets.take("api:" + request.getRemoteAddr(), this.perMinute,
				Duration.ofMinutes(1));
		if (take.taken()) {
			chain.doFilter(request, response);
			return;
		}
		long seconds = Math.max(1, take.retryAfter().plusNanos(999_999_999L).toSeconds());
		ProblemDetail problem = ApiProblems.problem(this.messages, HttpStatus.TOO_MANY_REQUESTS, "tooMany",
				this.locales.resolveLocale(request), seconds);
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
		response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
		response.setContentType(ApiProblems.PROBLEM.toString());
		response.setCharacterEncoding("UTF-8");
		this.json.writeValue(response.getOutputStream(), problem);
	}

}
