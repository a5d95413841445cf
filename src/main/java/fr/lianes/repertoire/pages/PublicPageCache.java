package fr.lianes.repertoire.pages;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import fr.lianes.repertoire.figures.ContentVersion;
import fr.lianes.repertoire.reference.ReferenceData;
import fr.lianes.repertoire.search.IndexWrites;
import fr.lianes.repertoire.search.SearchIndexer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The public pages, rendered once per content version. A public page (home, lists, an
 * actor, a project, a country, a domain, a territory, the figures, the legal pages) asked
 * for with {@code GET} is kept by its address, its language (as the application's
 * {@link LocaleResolver} resolves it), the day in the network's zone and the
 * {@link ContentVersion}; while the version holds, the same address is answered from
 * memory without running the application. Every public page carries
 * {@code Cache-Control: public, max-age=60}, an {@code ETag} (from its bytes) and a
 * {@code Last-Modified} (when this instance first saw the version), and gets
 * {@code 304 Not Modified} when the browser or proxy has it already.
 * <p>
 * A response is kept and marked public only when it is a whole HTML page (status 200)
 * that sets no cookie, opened no session and read no CSRF token; otherwise it goes out as
 * the application wrote it (the security filters' {@code no-store}). A request that
 * carries a session (staff, a visitor with a notice waiting) is never answered from
 * memory. The questionnaire, the back office, the sign-in, the downloads and the API are
 * not public pages here: they keep their own headers.
 * <p>
 * Before the security filters, so that a page served from memory costs no more than
 * reading the version; the headers the security filters wrote on the page (content
 * security policy, frame options…) are kept with it and sent again.
 */
@Component
class PublicPageCache extends OncePerRequestFilter implements Ordered {

	/** The addresses of the public pages, without the context path. */
	static final Pattern PUBLIC = Pattern
		.compile("/|/(acteurs|projets|pays|domaines|territoires)(/[^/]+)?|/chiffres|/accessibilite"
				+ "|/donnees-personnelles|/mentions-legales");

	/**
	 * The headers the security filters write to forbid caching, held back by this filter.
	 */
	private static final Set<String> CACHE_HEADERS = Set.of("cache-control", "pragma", "expires");

	/**
	 * What the security filters write on every response that did not choose its own
	 * caching; a page that chose its own (the notice shown while the index is being
	 * built, {@code no-store}) keeps it and is not kept.
	 */
	static final String SECURITY_DEFAULT = "no-cache, no-store, max-age=0, must-revalidate";

	/**
	 * Headers not kept with a page: the container writes them, or they are the page's
	 * own.
	 */
	private static final Set<String> NOT_KEPT = Set.of("cache-control", "pragma", "expires", "set-cookie",
			"content-length", "content-type", "content-language", "date", "transfer-encoding", "etag", "last-modified",
			"vary");

	/** The request attributes under which Spring Security exposes the CSRF token. */
	private static final Set<String> CSRF_ATTRIBUTES = Set.of("org.springframework.security.web.csrf.CsrfToken",
			"_csrf");

	private final ContentVersion version;

	private final IndexWrites indexWrites;

	private final ObjectProvider<SearchIndexer> indexer;

	private final ReferenceData reference;

	private final LocaleResolver locales;

	private final Clock clock;

	private final long capacity;

	private final String cacheControl;

	private final Map<String, Page> pages = new LinkedHashMap<>(256, 0.75f, true);

	private long size;

	private volatile Stamp stamp;

	PublicPageCache(ContentVersion version, IndexWrites indexWrites, ObjectProvider<SearchIndexer> indexer,
			ReferenceData reference, LocaleResolver locales, Clock clock, PagesProperties properties) {
		this.version = version;
		this.indexWrites = indexWrites;
		this.indexer = indexer;
		this.reference = reference;
		this.locales = locales;
		this.clock = clock;
		this.capacity = properties.cacheSize().toBytes();
		this.cacheControl = CacheControl.maxAge(properties.maxAge()).cachePublic().getHeaderValue();
	}

	/**
	 * After the request limits and the database fault filter (a database that does not
	 * answer gives the 503 page), before the security filters.
	 */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 30;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		if (!"GET".equals(request.getMethod())) {
			return true;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !PUBLIC.matcher(path).matches();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getRequestedSessionId() != null || TransactionSynchronizationManager.isActualTransactionActive()) {
			// staff, or a visitor with a notice in the session: rendered for them alone;
			// or a request inside a transaction not committed yet (a test's): what it
			// sees, and the version it would read, are not the published content
			chain.doFilter(request, response);
			return;
		}
		// the index's count first: a page rendered while the index lags behind the
		// database is kept under a count that moves as soon as the index catches up
		long written = this.indexWrites.done();
		if (preparing()) {
			// the index is checked or rebuilt: the lists say so (never kept), and a page
			// kept before may hold what the rebuild is there to correct
			chain.doFilter(request, response);
			return;
		}
		long current = this.version.current();
		Instant modified = modifiedAt(current);
		String key = key(request) + "|" + written + "|" + this.reference.generation();
		Page page = find(key, current);
		if (page != null) {
			send(page, modified, request, response);
			return;
		}
		TokenWatch watched = new TokenWatch(request);
		HeldCacheHeaders held = new HeldCacheHeaders(response);
		chain.doFilter(watched, held);
		if (!keepable(watched, held, response)) {
			held.release();
			held.copyBodyToResponse();
			return;
		}
		page = new Page(current, held.getContentAsByteArray(), held.getContentType(), response.getLocale(),
				headersOf(response));
		keep(key, page);
		send(page, modified, request, response);
	}

	private boolean preparing() {
		SearchIndexer indexer = this.indexer.getIfAvailable();
		return indexer != null && indexer.preparation().isPresent();
	}

	/**
	 * A page may be kept and shared when it is a whole HTML page that carries nothing of
	 * its visitor: no cookie, no session, no CSRF token.
	 */
	private boolean keepable(TokenWatch request, HeldCacheHeaders held, HttpServletResponse response) {
		return held.getStatus() == HttpServletResponse.SC_OK && !response.isCommitted() && !request.tokenRead
				&& held.leftToSecurity() && response.getHeaders(HttpHeaders.SET_COOKIE).isEmpty()
				&& request.getSession(false) == null && held.getContentType() != null
				&& held.getContentType().startsWith("text/html");
	}

	private void send(Page page, Instant modified, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		for (Map.Entry<String, List<String>> header : page.headers().entrySet()) {
			List<String> values = header.getValue();
			response.setHeader(header.getKey(), values.get(0));
			values.stream().skip(1).forEach((value) -> response.addHeader(header.getKey(), value));
		}
		response.setHeader(HttpHeaders.CACHE_CONTROL, this.cacheControl);
		// the language may come from the browser's preferences or a cookie; gzip or not
		response.setHeader(HttpHeaders.VARY, "Accept-Language, Cookie, Accept-Encoding");
		response.setLocale(page.locale());
		response.setContentType(page.contentType());
		if (new ServletWebRequest(request, response).checkNotModified(page.etag(), modified.toEpochMilli())) {
			return;
		}
		byte[] body = page.body();
		if (acceptsGzip(request)) {
			// compressed once per page, not by the container on every request
			body = page.gzipped();
			response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
		}
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	/**
	 * Whether the client takes gzip ({@code Accept-Encoding}, a zero quality refusing
	 * it).
	 */
	static boolean acceptsGzip(HttpServletRequest request) {
		var values = request.getHeaders(HttpHeaders.ACCEPT_ENCODING);
		while (values != null && values.hasMoreElements()) {
			for (String coding : values.nextElement().split(",")) {
				String[] parts = coding.strip().split(";");
				if (!parts[0].strip().equalsIgnoreCase("gzip")) {
					continue;
				}
				for (int i = 1; i < parts.length; i++) {
					String parameter = parts[i].strip();
					if (parameter.startsWith("q=") && parameter.substring(2).strip().matches("0(\\.0*)?")) {
						return false;
					}
				}
				return true;
			}
		}
		return false;
	}

	/**
	 * The key of a page: its address, its language, today in the network's zone (pages
	 * say whether a campaign is open), whether the request is secure (HSTS) and whether
	 * htmx asks for a part.
	 */
	private String key(HttpServletRequest request) {
		Locale locale = this.locales.resolveLocale(request);
		String query = request.getQueryString();
		return request.getRequestURI() + ((query != null) ? "?" + query : "") + "|" + locale.toLanguageTag() + "|"
				+ LocalDate.now(this.clock) + "|" + request.isSecure() + "|"
				+ (request.getHeader("HX-Request") != null);
	}

	/**
	 * When this instance first saw the version, to the second; a later version is always
	 * at least a second later, so that {@code If-Modified-Since} never matches a page of
	 * an older version.
	 */
	private Instant modifiedAt(long current) {
		Stamp known = this.stamp;
		if (known != null && known.version() == current) {
			return known.modified();
		}
		synchronized (this) {
			known = this.stamp;
			if (known != null && known.version() == current) {
				return known.modified();
			}
			Instant now = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
			if (known != null && !now.isAfter(known.modified())) {
				now = known.modified().plusSeconds(1);
			}
			this.stamp = new Stamp(current, now);
			return now;
		}
	}

	private Page find(String key, long current) {
		synchronized (this.pages) {
			Page page = this.pages.get(key);
			if (page == null || page.version() == current) {
				return page;
			}
			this.pages.remove(key);
			this.size -= page.body().length;
			return null;
		}
	}

	private void keep(String key, Page page) {
		if (page.body().length > this.capacity / 8) {
			return;
		}
		synchronized (this.pages) {
			Page previous = this.pages.put(key, page);
			this.size += page.body().length - ((previous != null) ? previous.body().length : 0);
			var eldest = this.pages.entrySet().iterator();
			while (this.size > this.capacity && eldest.hasNext()) {
				this.size -= eldest.next().getValue().body().length;
				eldest.remove();
			}
		}
	}

	/** Pages kept and their bytes, for tests and the benchmark's notes. */
	int kept() {
		synchronized (this.pages) {
			return this.pages.size();
		}
	}

	private static Map<String, List<String>> headersOf(HttpServletResponse response) {
		Map<String, List<String>> headers = new LinkedHashMap<>();
		for (String name : response.getHeaderNames()) {
			if (!NOT_KEPT.contains(name.toLowerCase(Locale.ROOT)) && !headers.containsKey(name)) {
				headers.put(name, List.copyOf(response.getHeaders(name)));
			}
		}
		return headers;
	}

	/** A page kept: its bytes, what describes them, the headers to send with them. */
	record Page(long version, byte[] body, String contentType, Locale locale, Map<String, List<String>> headers,
			String etag, java.util.concurrent.atomic.AtomicReference<byte[]> compressed) {

		Page(long version, byte[] body, String contentType, Locale locale, Map<String, List<String>> headers) {
			this(version, body, contentType, locale, headers, etagOf(body),
					new java.util.concurrent.atomic.AtomicReference<>());
		}

		/** The page compressed with gzip, the first time it is asked for. */
		byte[] gzipped() {
			byte[] done = this.compressed.get();
			if (done == null) {
				java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(this.body.length / 4);
				try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(bytes)) {
					gzip.write(this.body);
				}
				catch (IOException ex) {
					throw new java.io.UncheckedIOException(ex);
				}
				done = bytes.toByteArray();
				this.compressed.set(done);
			}
			return done;
		}

		/** Weak: the container may compress the bytes. */
		private static String etagOf(byte[] body) {
			try {
				byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
				return "W/\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22) + "\"";
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	private record Stamp(long version, Instant modified) {
	}

	/**
	 * Notes whether the page read the CSRF token (a form that posts): then it is
	 * personal.
	 */
	private static final class TokenWatch extends HttpServletRequestWrapper {

		private boolean tokenRead;

		TokenWatch(HttpServletRequest request) {
			super(request);
		}

		@Override
		public Object getAttribute(String name) {
			Object value = super.getAttribute(name);
			if (value != null && CSRF_ATTRIBUTES.contains(name)) {
				this.tokenRead = true;
			}
			return value;
		}

	}

	/**
	 * The response kept in memory until it is complete, with the caching headers the
	 * application writes ({@code no-store} from the security filters) held back until it
	 * is known whether the page is public.
	 */
	private static final class HeldCacheHeaders extends ContentCachingResponseWrapper {

		private final Map<String, List<String>> held = new LinkedHashMap<>();

		HeldCacheHeaders(HttpServletResponse response) {
			super(response);
		}

		private static boolean isHeld(String name) {
			return name != null && CACHE_HEADERS.contains(name.toLowerCase(Locale.ROOT));
		}

		private String heldName(String name) {
			return this.held.keySet().stream().filter(name::equalsIgnoreCase).findFirst().orElse(name);
		}

		@Override
		public void setHeader(String name, String value) {
			if (isHeld(name)) {
				List<String> values = new ArrayList<>();
				values.add(value);
				this.held.remove(heldName(name));
				this.held.put(name, values);
			}
			else {
				super.setHeader(name, value);
			}
		}

		@Override
		public void addHeader(String name, String value) {
			if (isHeld(name)) {
				this.held.computeIfAbsent(heldName(name), (key) -> new ArrayList<>()).add(value);
			}
			else {
				super.addHeader(name, value);
			}
		}

		@Override
		public void setDateHeader(String name, long date) {
			if (isHeld(name)) {
				setHeader(name, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
					.format(Instant.ofEpochMilli(date).atZone(java.time.ZoneOffset.UTC)));
			}
			else {
				super.setDateHeader(name, date);
			}
		}

		@Override
		public void addDateHeader(String name, long date) {
			if (isHeld(name)) {
				addHeader(name, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
					.format(Instant.ofEpochMilli(date).atZone(java.time.ZoneOffset.UTC)));
			}
			else {
				super.addDateHeader(name, date);
			}
		}

		@Override
		public void setIntHeader(String name, int value) {
			setHeader(name, Integer.toString(value));
		}

		@Override
		public void addIntHeader(String name, int value) {
			addHeader(name, Integer.toString(value));
		}

		@Override
		public boolean containsHeader(String name) {
			return isHeld(name) ? this.held.containsKey(heldName(name)) : super.containsHeader(name);
		}

		@Override
		public String getHeader(String name) {
			if (isHeld(name)) {
				List<String> values = this.held.get(heldName(name));
				return (values != null && !values.isEmpty()) ? values.get(0) : null;
			}
			return super.getHeader(name);
		}

		@Override
		public java.util.Collection<String> getHeaders(String name) {
			if (isHeld(name)) {
				return List.copyOf(this.held.getOrDefault(heldName(name), List.of()));
			}
			return super.getHeaders(name);
		}

		@Override
		public java.util.Collection<String> getHeaderNames() {
			List<String> names = new ArrayList<>(super.getHeaderNames());
			names.addAll(this.held.keySet());
			return names;
		}

		@Override
		public void sendError(int status) throws IOException {
			release();
			super.sendError(status);
		}

		@Override
		public void sendError(int status, String message) throws IOException {
			release();
			super.sendError(status, message);
		}

		@Override
		public void sendRedirect(String location) throws IOException {
			release();
			super.sendRedirect(location);
		}

		@Override
		public void flushBuffer() throws IOException {
			// nothing goes out before the page is complete
		}

		/**
		 * Whether the page left its caching to the security filters' default: it chose no
		 * {@code Cache-Control} of its own.
		 */
		boolean leftToSecurity() {
			List<String> values = this.held.get(heldName(HttpHeaders.CACHE_CONTROL));
			return values == null || values.equals(List.of(SECURITY_DEFAULT));
		}

		/**
		 * Writes the held headers as the application wrote them: the page is not public.
		 */
		void release() {
			HttpServletResponse response = (HttpServletResponse) getResponse();
			this.held.forEach((name, values) -> {
				response.setHeader(name, values.get(0));
				values.stream().skip(1).forEach((value) -> response.addHeader(name, value));
			});
			this.held.clear();
		}

	}

}
