package fr.lianes.repertoire.security;

import fr.lianes.repertoire.limits.TokenBuckets;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;

/**
 * Public pages are open; the back office (/moderation) is for signed-in staff, its
 * administration pages for administrators. Every response carries the
 * {@link SecurityHeaders}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

	private static final java.time.Duration CSRF_COOKIE_LIFETIME = java.time.Duration.ofDays(30);

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, SecondFactor secondFactor, SignInAttempts attempts,
			StaffAccounts accounts, TokenBuckets buckets) throws Exception {
		// The CSRF token lives in a cookie, not in the HTTP session, as long as a
		// questionnaire draft: a tab restored days later can still send its step.
		CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
		tokens.setCookieCustomizer((cookie) -> cookie.maxAge(CSRF_COOKIE_LIFETIME).sameSite("Lax"));
		http.csrf((csrf) -> csrf.csrfTokenRepository(tokens));
		http.authorizeHttpRequests((requests) -> requests.requestMatchers("/moderation/administration/**")
			.hasRole(StaffRole.ADMIN.name())
			.requestMatchers("/moderation", "/moderation/**")
			.hasAnyRole(StaffRole.MODERATOR.name(), StaffRole.ADMIN.name())
			.anyRequest()
			.permitAll());
		http.formLogin((form) -> form.loginPage("/connexion")
			.loginProcessingUrl("/connexion")
			.usernameParameter("email")
			.passwordParameter("motDePasse")
			.successHandler(secondFactor)
			.failureUrl("/connexion?erreur")
			.permitAll());
		http.addFilterBefore(new SignInThrottle(attempts, buckets), UsernamePasswordAuthenticationFilter.class);
		http.addFilterBefore(new DisabledAccountFilter(accounts), AuthorizationFilter.class);
		http.logout((logout) -> logout.logoutUrl("/deconnexion").logoutSuccessUrl("/connexion?deconnecte"));
		// a new session id at sign-in (session fixation), one session per staff member
		http.sessionManagement((sessions) -> sessions.sessionFixation((fixation) -> fixation.changeSessionId()));
		http.headers((headers) -> {
			headers.defaultsDisabled();
			SecurityHeaders.writers().forEach(headers::addHeaderWriter);
		});
		return http.build();
	}

	@Bean
	SecondFactor secondFactor(StaffAccounts accounts) {
		return new SecondFactor(accounts);
	}

	/**
	 * bcrypt by default, in Spring Security's delegating format ({bcrypt}…) so that it
	 * can evolve.
	 */
	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

}
