package fr.lianes.repertoire.figures;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import fr.lianes.repertoire.maps.Maps;
import fr.lianes.repertoire.reference.ReferenceData;
import fr.lianes.repertoire.time.LongDates;
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
 */
@Component
class FiguresPages {

	/** Bodies kept, the least recently used dropped first. */
	static final int CAPACITY = 128;

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

	FiguresPages(FiguresCache cache, Charts charts, Maps maps, ReferenceData reference, ITemplateEngine templates,
			LongDates longDates) {
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
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put("filter", filter);
		variables.put("figures", figures);
		variables.put("charts", this.charts.all(figures, locale));
		variables.put("worldMap", this.maps.world(figures.actorsByCountry(),
				(filter.country() != null) ? Set.of(filter.country().iso2()) : Set.of()));
		variables.put("regionMap", this.maps.region(figures.actorsByTerritory()));
		variables.put("territories", this.reference.territories());
		variables.put("domains", this.reference.domains());
		variables.put("countries", this.reference.countries());
		variables.put("types", this.reference.actorTypes());
		variables.put("longDates", this.longDates);
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
