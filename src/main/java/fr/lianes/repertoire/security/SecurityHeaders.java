package fr.lianes.repertoire.security;

import java.util.List;

import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.PermissionsPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter.XFrameOptionsMode;

/**
 * The security headers of every response, in one place: Spring Security writes them on
 * what the application answers, {@link ContainerErrorPages} on what Tomcat answers by
 * itself. Spring Security's defaults, plus a strict content security policy (pages load
 * nothing from third parties), a referrer policy and a permissions policy.
 */
final class SecurityHeaders {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; "
			+ "script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	static final String PERMISSIONS_POLICY = "geolocation=(), camera=(), microphone=()";

	private SecurityHeaders() {
	}

	static List<HeaderWriter> writers() {
		return List.of(new XContentTypeOptionsHeaderWriter(), new XXssProtectionHeaderWriter(),
				// leaves alone a response that chose its own caching (static files)
				new CacheControlHeadersWriter(),
				// on HTTPS only
				new HstsHeaderWriter(), new XFrameOptionsHeaderWriter(XFrameOptionsMode.DENY),
				new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY),
				new ReferrerPolicyHeaderWriter(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN),
				new PermissionsPolicyHeaderWriter(PERMISSIONS_POLICY));
	}

}
