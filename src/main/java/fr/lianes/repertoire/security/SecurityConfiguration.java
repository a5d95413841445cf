package fr.lianes.repertoire.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Public pages are open; the back office is closed until staff accounts exist. Every
 * response carries a strict content security policy: pages load nothing from third
 * parties.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; "
			+ "script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	private static final java.time.Duration CSRF_COOKIE_LIFETIME = java.time.Duration.ofDays(30);

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		// The CSRF token lives in a cookie, not in the HTTP session: a questionnaire left
		// open
		// for hours can still be sent when its session has expired.
		CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
		// as long as a questionnaire draft lasts: a tab restored days later can still
		// send its step
		tokens.setCookieCustomizer((cookie) -> cookie.maxAge(CSRF_COOKIE_LIFETIME).sameSite("Lax"));
		http.csrf((csrf) -> csrf.csrfTokenRepository(tokens));
		http.authorizeHttpRequests(
				(requests) -> requests.requestMatchers("/moderation/**").authenticated().anyRequest().permitAll())
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.permissionsPolicyHeader(
						(permissions) -> permissions.policy("geolocation=(), camera=(), microphone=()")));
		return http.build();
	}

	/** No staff account yet: the back office and its accounts come with moderation. */
	@Bean
	UserDetailsService userDetailsService() {
		return new InMemoryUserDetailsManager();
	}

}
