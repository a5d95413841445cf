package fr.lianes.repertoire.web;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.resource.AbstractResourceResolver;
import org.springframework.web.servlet.resource.HttpResource;
import org.springframework.web.servlet.resource.ResourceResolverChain;

/**
 * Marks a file asked for by its versioned address ({@code repertoire-<md5>.css}) as
 * cacheable for a year and immutable: its content cannot change under that address. Put
 * before the {@code VersionResourceResolver} that strips the version.
 */
class VersionedAssetsCache extends AbstractResourceResolver {

	static final String CACHE_CONTROL = CacheControl.maxAge(Duration.ofDays(365))
		.cachePublic()
		.immutable()
		.getHeaderValue();

	@Override
	protected Resource resolveResourceInternal(HttpServletRequest request, String requestPath,
			List<? extends Resource> locations, ResourceResolverChain chain) {
		Resource resource = chain.resolveResource(request, requestPath, locations);
		if (resource == null || resource.getFilename() == null || requestPath.endsWith(resource.getFilename())) {
			return resource;
		}
		// found under another name than its own: the version was in the address
		return new Immutable(resource);
	}

	@Override
	protected String resolveUrlPathInternal(String resourceUrlPath, List<? extends Resource> locations,
			ResourceResolverChain chain) {
		return chain.resolveUrlPath(resourceUrlPath, locations);
	}

	/** A resource as found, with the headers of an immutable file. */
	private static final class Immutable extends AbstractResource implements HttpResource {

		private final Resource resource;

		Immutable(Resource resource) {
			this.resource = resource;
		}

		@Override
		public HttpHeaders getResponseHeaders() {
			HttpHeaders headers = new HttpHeaders();
			if (this.resource instanceof HttpResource http) {
				headers.putAll(http.getResponseHeaders());
			}
			headers.setCacheControl(CACHE_CONTROL);
			return headers;
		}

		@Override
		public boolean exists() {
			return this.resource.exists();
		}

		@Override
		public boolean isReadable() {
			return this.resource.isReadable();
		}

		@Override
		public boolean isFile() {
			return this.resource.isFile();
		}

		@Override
		public URL getURL() throws IOException {
			return this.resource.getURL();
		}

		@Override
		public URI getURI() throws IOException {
			return this.resource.getURI();
		}

		@Override
		public File getFile() throws IOException {
			return this.resource.getFile();
		}

		@Override
		public long contentLength() throws IOException {
			return this.resource.contentLength();
		}

		@Override
		public long lastModified() throws IOException {
			return this.resource.lastModified();
		}

		@Override
		public Resource createRelative(String relativePath) throws IOException {
			return this.resource.createRelative(relativePath);
		}

		@Override
		public String getFilename() {
			return this.resource.getFilename();
		}

		@Override
		public String getDescription() {
			return this.resource.getDescription();
		}

		@Override
		public InputStream getInputStream() throws IOException {
			return this.resource.getInputStream();
		}

	}

}
