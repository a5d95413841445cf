package fr.lianes.repertoire.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Static files: the project's under {@code /assets/}, the WebJars' under
 * {@code /webjars/}. Pages name them through {@code @{…}}, which gives each the address
 * of its content ({@code repertoire-<md5>.css}, Spring's resource chain with content
 * versioning); such an address never changes content, so it is cached for a year. A file
 * asked for by its plain name is revalidated each time instead.
 */
@Configuration(proxyBeanMethods = false)
class AssetsConfiguration implements WebMvcConfigurer {

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/assets/**")
			.addResourceLocations("classpath:/static/")
			.setCacheControl(CacheControl.noCache())
			.resourceChain(true)
			.addResolver(new VersionedAssetsCache())
			.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
		// the WebJars' locator is added by the chain: /webjars/htmx.org/dist/htmx.min.js
		registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.setCacheControl(CacheControl.noCache())
			.resourceChain(true)
			.addResolver(new VersionedAssetsCache())
			.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
	}

}
