package fr.lianes.repertoire.security;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Staff sessions in PostgreSQL when several instances serve the site
 * ({@code repertoire.cluster.enabled}): a member of staff signed in on one instance goes
 * on on another (Spring Session JDBC, tables {@code spring_session} and
 * {@code spring_session_attributes}, see {@code V22__shared_state.sql}). One instance
 * keeps them in the servlet container's memory. The session cookie keeps its name (the
 * privacy notice lists it), stays HTTP-only and {@code SameSite=Lax}, and the session
 * lasts as long (30 minutes of inactivity).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "repertoire.cluster.enabled")
@EnableJdbcHttpSession
class ClusterSessions {

	/**
	 * Spring Session's filter before every other one (Spring Security's included), on
	 * error pages and asynchronous requests too, as Spring Boot would register it.
	 */
	@Bean
	CookieSerializer sessionCookie() {
		DefaultCookieSerializer cookie = new DefaultCookieSerializer();
		cookie.setCookieName("JSESSIONID");
		cookie.setUseHttpOnlyCookie(true);
		cookie.setSameSite("Lax");
		return cookie;
	}

	@Bean
	FilterRegistrationBean<SessionRepositoryFilter<?>> sessionRepositoryFilterRegistration(
			SessionRepositoryFilter<?> springSessionRepositoryFilter) {
		FilterRegistrationBean<SessionRepositoryFilter<?>> registration = new FilterRegistrationBean<>(
				springSessionRepositoryFilter);
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
		return registration;
	}

}
