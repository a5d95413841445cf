package fr.lianes.repertoire.exchange;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import fr.lianes.repertoire.directory.ListCriteria;
import fr.lianes.repertoire.directory.PublicActor;
import fr.lianes.repertoire.directory.PublicListings;
import fr.lianes.repertoire.figures.FigureSet;
import fr.lianes.repertoire.figures.KeyFigures;
import fr.lianes.repertoire.maps.Maps;
import fr.lianes.repertoire.reference.CountryRef;
import fr.lianes.repertoire.reference.ReferenceData;
import fr.lianes.repertoire.search.SearchPages;
import fr.lianes.repertoire.web.PublicSite;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;

/**
 * The widget. {@code /integrer} builds an embeddable list or map of the actors of a
 * country, a territory or a domain: a GET form, the preview and the {@code <iframe>} to
 * copy. {@code /integrer/acteurs} and {@code /integrer/carte} are the framed pages, the
 * only ones other sites may frame ({@code SecurityHeaders}): they work without
 * JavaScript, carry a title and a link back to the directory, and open their links in a
 * new tab, on the directory. They read the lists and the figures the public pages read,
 * so the same filters and the same consent rule apply.
 */
@Controller
class WidgetController {

	/** Actors a framed list shows at a time; a link leads to the next ones. */
	static final int LIST_SIZE = 20;

	/** Heights of the frames, in pixels, that the snippet proposes. */
	static final int LIST_HEIGHT = 600;

	static final int MAP_HEIGHT = 900;

	private final PublicListings listings;

	private final KeyFigures figures;

	private final Maps maps;

	private final ReferenceData reference;

	private final PublicSite site;

	private final MessageSource messages;

	WidgetController(PublicListings listings, KeyFigures figures, Maps maps, ReferenceData reference, PublicSite site,
			MessageSource messages) {
		this.messages = messages;
		this.listings = listings;
		this.figures = figures;
		this.maps = maps;
		this.reference = reference;
		this.site = site;
	}

	/** What a widget shows: at most one country, territory and domain. */
	record Subject(String pays, String territoire, String domaine) {

		static Subject of(String pays, String territoire, String domaine) {
			return new Subject(blankToNull(pays), blankToNull(territoire), blankToNull(domaine));
		}

		MultiValueMap<String, String> params() {
			MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
			if (this.territoire != null) {
				params.add("territoire", this.territoire);
			}
			if (this.pays != null) {
				params.add("pays", this.pays);
			}
			if (this.domaine != null) {
				params.add("domaine", this.domaine);
			}
			return params;
		}

		private static String blankToNull(String value) {
			return (value == null || value.isBlank()) ? null : value.strip();
		}

	}

	@GetMapping("/integrer")
	String builder(@RequestParam(name = "forme", defaultValue = "liste") String form,
			@RequestParam(required = false) String pays, @RequestParam(required = false) String territoire,
			@RequestParam(required = false) String domaine, Locale locale, Model model) {
		ListCriteria criteria = this.listings.actorCriteria(Subject.of(pays, territoire, domaine).params());
		String kind = "carte".equals(form) ? "carte" : "acteurs";
		String path = "/integrer/" + kind + criteria.query(1);
		String subject = subject(criteria);
		String title = subject.isEmpty() ? this.messages.getMessage("widget.title", null, locale)
				: this.messages.getMessage("widget.title.subject", new Object[] { subject }, locale);
		int height = "carte".equals(kind) ? MAP_HEIGHT : LIST_HEIGHT;
		model.addAttribute("criteria", criteria);
		model.addAttribute("form", kind);
		model.addAttribute("framePath", path);
		model.addAttribute("frameUrl", this.site.of(path));
		model.addAttribute("frameHeight", height);
		model.addAttribute("frameTitle", title);
		model.addAttribute("snippet", snippet(this.site.of(path), title, height));
		model.addAttribute("subject", subject);
		model.addAttribute("countries", countriesWithActors());
		model.addAttribute("territories", this.reference.territories());
		model.addAttribute("domains",
				this.reference.topLevelDomains()
					.stream()
					.map((top) -> new DomainGroup(top, this.reference.subDomains(top.id())))
					.toList());
		return "exchange/widget-builder";
	}

	/** A top-level domain and its sub-domains, for the builder's choice. */
	record DomainGroup(fr.lianes.repertoire.reference.DomainRef domain,
			List<fr.lianes.repertoire.reference.DomainRef> subDomains) {

	}

	/**
	 * The framed list: the actors of the list as {@code /acteurs} filters it (the
	 * registered ones unless a status is chosen), by name, {@link #LIST_SIZE} at a time.
	 */
	@GetMapping("/integrer/acteurs")
	String list(@RequestParam MultiValueMap<String, String> params,
			@RequestParam(name = "curseur", required = false) String cursor, Model model) {
		ListCriteria criteria = this.listings.actorCriteria(params);
		PublicListings.Slice<PublicActor> slice;
		try {
			slice = this.listings.actors(criteria, cursor, LIST_SIZE);
		}
		catch (SearchPages.InvalidCursorException ex) {
			// a cursor this list did not give (an old or edited address): from the start
			slice = this.listings.actors(criteria, null, LIST_SIZE);
		}
		model.addAttribute("criteria", criteria);
		model.addAttribute("subject", subject(criteria));
		model.addAttribute("actors", slice.rows());
		model.addAttribute("total", slice.total());
		model.addAttribute("listPath", "/acteurs" + criteria.query(1));
		model.addAttribute("nextPath", (slice.next() != null) ? nextPath(criteria, slice.next()) : null);
		model.addAttribute("firstPath", (cursor != null) ? "/integrer/acteurs" + criteria.query(1) : null);
		return "exchange/widget-list";
	}

	/**
	 * The framed map: where the actors of the list work abroad (the world, countries
	 * shaded by their actors) and where they are in the region (the territories' tiles),
	 * from the key figures of the same filter.
	 */
	@GetMapping("/integrer/carte")
	String map(@RequestParam(required = false) String pays, @RequestParam(required = false) String territoire,
			@RequestParam(required = false) String domaine, Model model) {
		Subject subject = Subject.of(pays, territoire, domaine);
		ListCriteria criteria = this.listings.actorCriteria(subject.params());
		FigureSet figureSet = this.figures.figures(subject.territoire(), subject.domaine(), subject.pays(), null);
		model.addAttribute("criteria", criteria);
		model.addAttribute("subject", subject(criteria));
		model.addAttribute("total", figureSet.actors());
		model.addAttribute("listPath", "/acteurs" + criteria.query(1));
		model.addAttribute("worldMap", this.maps.world(figureSet.actorsByCountry(),
				Set.copyOf(criteria.countries().stream().map(CountryRef::iso2).toList())));
		model.addAttribute("regionMap", this.maps.region(figureSet.actorsByTerritory()));
		return "exchange/widget-map";
	}

	/** The code a partner site pastes where the widget goes. */
	static String snippet(String url, String title, int height) {
		return "<iframe src=\"" + HtmlUtils.htmlEscape(url, "UTF-8") + "\" title=\""
				+ HtmlUtils.htmlEscape(title, "UTF-8") + "\" width=\"100%\" height=\"" + height
				+ "\" style=\"border:0\" loading=\"lazy\"></iframe>";
	}

	private static String nextPath(ListCriteria criteria, String cursor) {
		String query = criteria.query(1);
		return "/integrer/acteurs" + (query.isEmpty() ? "?" : query + "&") + "curseur="
				+ java.net.URLEncoder.encode(cursor, java.nio.charset.StandardCharsets.UTF_8);
	}

	/**
	 * The countries some registered actor works in, by name, for the builder's choice.
	 */
	private List<CountryRef> countriesWithActors() {
		Set<String> withActors = this.figures.figures(null, null, null, null).actorsByCountry().keySet();
		return this.reference.countries()
			.stream()
			.filter((c) -> withActors.contains(c.iso2()))
			.sorted(Comparator.comparing(CountryRef::name, java.text.Collator.getInstance(java.util.Locale.FRENCH)))
			.toList();
	}

	/**
	 * The names of what the list shows ("Métropole lilloise, Sénégal, Santé"), or empty.
	 */
	private static String subject(ListCriteria criteria) {
		List<String> names = new ArrayList<>();
		criteria.territories().forEach((t) -> names.add(t.name()));
		criteria.countries().forEach((c) -> names.add(c.name()));
		criteria.domains().forEach((d) -> names.add(d.name()));
		return String.join(", ", names);
	}

}
