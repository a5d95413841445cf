package fr.lianes.repertoire.security;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.PermissionsPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter.XFrameOptionsMode;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The security headers of every response, in one place: Spring Security writes them on
 * what the application answers, {@link ContainerErrorPages} on what Tomcat answers by
 * itself. Spring Security's defaults, plus a strict content security policy (pages load
 * nothing from third parties), a referrer policy and a permissions policy.
 * <p>
 * No page may be framed, except the widget's framed pages under {@code /integrer/} (not
 * the builder {@code /integrer} itself): their policy lets any site frame them
 * ({@code frame-ancestors *}) and they carry no {@code X-Frame-Options}.
 */
final class SecurityHeaders {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; "
			+ "script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	/** The policy of the widget's framed pages: the same, but any site may frame them. */
	static final String FRAMED_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace("frame-ancestors 'none'",
			"frame-ancestors *");

	/** The pages other sites may frame: those under {@code /integrer/}. */
	static final RequestMatcher FRAMED = SecurityHeaders::isFramed;

	static final String PERMISSIONS_POLICY = "geolocation=(), camera=(), microphone=()";

	private SecurityHeaders() {
	}

	static List<HeaderWriter> writers() {
		return List.of(new XContentTypeOptionsHeaderWriter(), new XXssProtectionHeaderWriter(),
				// leaves alone a response that chose its own caching (static files)
				new CacheControlHeadersWriter(),
				// on HTTPS only
				new HstsHeaderWriter(),
				new DelegatingRequestMatcherHeaderWriter(FRAMED,
						new ContentSecurityPolicyHeaderWriter(FRAMED_CONTENT_SECURITY_POLICY)),
				new DelegatingRequestMatcherHeaderWriter(not(FRAMED),
						new XFrameOptionsHeaderWriter(XFrameOptionsMode.DENY)),
				new DelegatingRequestMatcherHeaderWriter(not(FRAMED),
						new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY)),
				new ReferrerPolicyHeaderWriter(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN),
				new PermissionsPolicyHeaderWriter(PERMISSIONS_POLICY));
	}

	private static boolean isFramed(HttpServletRequest request) {
		// Tomcat's own answers to a request it could not parse have no URI
		String uri = request.getRequestURI();
		if (uri == null) {
			return false;
		}
		String context = request.getContextPath();
		String path = (context != null && uri.startsWith(context)) ? uri.substring(context.length()) : uri;
		return path.startsWith("/integrer/") && path.length() > "/integrer/".length() && !path.contains("..");
	}

	private static RequestMatcher not(RequestMatcher matcher) {
		return (request) -> !matcher.matches(request);
	}

}
