package fr.lianes.repertoire.exchange;

import java.util.List;

import fr.lianes.repertoire.figures.KeyFigures;
import fr.lianes.repertoire.web.PublicSite;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.servers.Server;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The API's moving parts: CORS open for reads, validators ({@code ETag} from the content
 * version, {@code Last-Modified} from when it moved) answered before any work, and the
 * description of its OpenAPI document.
 */
@Configuration(proxyBeanMethods = false)
class ApiConfiguration implements WebMvcConfigurer {

	private final KeyFigures figures;

	private final PublicSite site;

	ApiConfiguration(KeyFigures figures, PublicSite site) {
		this.figures = figures;
		this.site = site;
	}

	@Override
	public void addCorsMappings(CorsRegistry registry) {
		registry.addMapping("/api/v1/**")
			.allowedOrigins("*")
			.allowedMethods("GET", "HEAD")
			.exposedHeaders(HttpHeaders.ETAG, HttpHeaders.LAST_MODIFIED, HttpHeaders.LINK, HttpHeaders.RETRY_AFTER)
			.maxAge(3600);
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new Validators()).addPathPatterns("/api/v1/**");
	}

	@Bean
	OpenAPI openApi() {
		return new OpenAPI()
			.info(new Info().title("Répertoire — API ouverte")
				.version("v1")
				.description("Les acteurs de la coopération internationale des Hauts-de-France, leurs projets, "
						+ "les pays, domaines et territoires, et les chiffres clés. Lecture seule, sans clé. "
						+ "Pagination par curseur (next), ETag et Last-Modified, CORS ouvert, erreurs en "
						+ "application/problem+json.")
				.license(new License().name("Licence Ouverte / Open Licence 2.0")
					.url("https://www.etalab.gouv.fr/licence-ouverte-open-licence/")))
			.servers(List.of(new Server().url(this.site.url())));
	}

	/**
	 * A client holding the current representation gets 304 without the request being
	 * computed. The validators name the content version, which every committed change of
	 * public content moves, and the resource (path, query, language).
	 */
	private final class Validators implements HandlerInterceptor {

		@Override
		public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
			if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
				return true;
			}
			KeyFigures.ContentVersion version = ApiConfiguration.this.figures.contentVersion();
			String resource = request.getRequestURI() + "?" + request.getQueryString() + "|"
					+ request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
			String etag = "W/\"" + version.version() + "-" + Integer.toHexString(resource.hashCode()) + "\"";
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
			return !new ServletWebRequest(request, response).checkNotModified(etag, version.since().toEpochMilli());
		}

	}

}
