package fr.lianes.repertoire.figures;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import fr.lianes.repertoire.maps.ChoroplethMap;
import fr.lianes.repertoire.maps.Maps;
import fr.lianes.repertoire.reference.ReferenceData;
import fr.lianes.repertoire.time.LongDates;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

import org.springframework.stereotype.Component;

/**
 * The body of {@code /chiffres} as HTML, kept per filter, language and content version:
 * its maps and tables are hundreds of elements, whose rendering would cost more than the
 * figures themselves. A request whose content version has not moved only reads the
 * version and writes the kept HTML into the layout.
 * <p>
 * Its parts (each chart, the two maps, the filters) are also kept, by everything they are
 * rendered from (their data, the language, the context path): after a change, the body is
 * rendered again around the parts whose data are the same, and only the parts whose data
 * moved are rendered again. A part is never kept under a key that does not hold all it
 * shows, so it cannot be stale. The parts rendered rather than taken from those kept are
 * counted ({@value #PARTS_RENDERED}, a Micrometer counter): how much keeping them saves.
 */
@Component
class FiguresPages {

	/** Bodies kept, the least recently used dropped first. */
	static final int CAPACITY = 128;

	/** Parts kept (charts, maps, filters), the least recently used dropped first. */
	static final int PART_CAPACITY = 512;

	/** The counter of parts rendered, not taken from those kept. */
	static final String PARTS_RENDERED = "repertoire.figures.parts.rendered";

	private final FiguresCache cache;

	private final Charts charts;

	private final Maps maps;

	private final ReferenceData reference;

	private final ITemplateEngine templates;

	private final LongDates longDates;

	/**
	 * Thymeleaf's view of the servlet context, made from the first request: the
	 * application also runs without a web server (a batch run), where there is none.
	 */
	private volatile JakartaServletWebApplication application;

	private final Map<String, Body> bodies = new LinkedHashMap<>(64, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Body> eldest) {
			return size() > CAPACITY;
		}

	};

	private final Map<List<Object>, String> parts = new LinkedHashMap<>(256, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<List<Object>, String> eldest) {
			return size() > PART_CAPACITY;
		}

	};

	private final Counter partsRendered;

	FiguresPages(FiguresCache cache, Charts charts, Maps maps, ReferenceData reference, ITemplateEngine templates,
			LongDates longDates, MeterRegistry meters) {
		this.partsRendered = Counter.builder(PARTS_RENDERED)
			.description("Parts of the key figures' page rendered, not taken from those kept")
			.register(meters);
		this.cache = cache;
		this.longDates = longDates;
		this.charts = charts;
		this.maps = maps;
		this.reference = reference;
		this.templates = templates;
	}

	private record Body(long version, String html) {

	}

	/** The body for this filter, rendered again only when the content changed. */
	String body(FiguresFilter filter, Locale locale, HttpServletRequest request, HttpServletResponse response) {
		String key = String.join("|", this.cache.key(filter), locale.toLanguageTag(), request.getContextPath());
		long version = this.cache.version();
		Body body;
		synchronized (this.bodies) {
			body = this.bodies.get(key);
		}
		if (body != null && body.version() >= version) {
			return body.html();
		}
		FigureSet figures = this.cache.figures(filter);
		List<Chart> charts = this.charts.all(figures, locale);
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put("filter", filter);
		variables.put("figures", figures);
		variables.put("longDates", this.longDates);
		Parts parts = new Parts(locale, request, response,
				Map.of("filter", filter, "territories", this.reference.territories(), "domains",
						this.reference
							.domains(),
						"countries", this.reference.countries(), "types", this.reference.actorTypes()),
				charts, filter.query(),
				() -> this.maps.world(figures.actorsByCountry(),
						(filter.country() != null) ? Set.of(filter.country().iso2()) : Set.of()),
				() -> this.maps.region(figures.actorsByTerritory()));
		variables.put("parts", parts);
		WebContext context = new WebContext(application(request).buildExchange(request, response), locale, variables);
		String html = this.templates.process("figures/body", context);
		synchronized (this.bodies) {
			Body current = this.bodies.get(key);
			if (current == null || current.version() < figures.version()) {
				this.bodies.put(key, new Body(figures.version(), html));
			}
		}
		return html;
	}

	/**
	 * A part rendered alone ({@code figures/part.html}) from these variables, or the one
	 * kept for the same variables, language and context path.
	 */
	private String part(String name, Map<String, Object> variables, Locale locale, HttpServletRequest request,
			HttpServletResponse response) {
		List<Object> key = List.of(name, variables, locale.toLanguageTag(), request.getContextPath());
		String html;
		synchronized (this.parts) {
			html = this.parts.get(key);
		}
		if (html != null) {
			return html;
		}
		Map<String, Object> all = new LinkedHashMap<>(variables);
		all.put("part", name);
		html = this.templates.process("figures/part",
				new WebContext(application(request).buildExchange(request, response), locale, all));
		this.partsRendered.increment();
		synchronized (this.parts) {
			this.parts.put(key, html);
		}
		return html;
	}

	/** Forgets every body and part kept, for tests. */
	void forget() {
		synchronized (this.bodies) {
			this.bodies.clear();
		}
		synchronized (this.parts) {
			this.parts.clear();
		}
	}

	/**
	 * The parts of one body, rendered or taken from those kept when the body asks for
	 * them ({@code ${parts.chart(3)}}): a chart the body does not show is not rendered.
	 */
	public final class Parts {

		private final Locale locale;

		private final HttpServletRequest request;

		private final HttpServletResponse response;

		private final Map<String, Object> filters;

		private final List<Chart> charts;

		private final String query;

		private final Supplier<ChoroplethMap> world;

		private final Supplier<ChoroplethMap> region;

		Parts(Locale locale, HttpServletRequest request, HttpServletResponse response, Map<String, Object> filters,
				List<Chart> charts, String query, Supplier<ChoroplethMap> world, Supplier<ChoroplethMap> region) {
			this.locale = locale;
			this.request = request;
			this.response = response;
			this.filters = filters;
			this.charts = charts;
			this.query = query;
			this.world = world;
			this.region = region;
		}

		public String chart(int index) {
			return render("chart", Map.of("chart", this.charts.get(index), "query", this.query));
		}

		public String worldMap() {
			return render("world", Map.of("map", this.world.get()));
		}

		public String regionMap() {
			return render("region", Map.of("map", this.region.get()));
		}

		public String filters() {
			return render("filters", this.filters);
		}

		private String render(String name, Map<String, Object> variables) {
			return part(name, variables, this.locale, this.request, this.response);
		}

	}

	private JakartaServletWebApplication application(HttpServletRequest request) {
		JakartaServletWebApplication application = this.application;
		if (application == null) {
			application = JakartaServletWebApplication.buildApplication(request.getServletContext());
			this.application = application;
		}
		return application;
	}

	/** The chart of this id, for its CSV file. */
	List<Chart> charts(FiguresFilter filter, Locale locale) {
		return this.charts.all(this.cache.figures(filter), locale);
	}

}
