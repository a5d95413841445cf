package fr.lianes.repertoire.directory;

import fr.lianes.repertoire.web.NotFoundException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import fr.lianes.repertoire.maps.Maps;
import fr.lianes.repertoire.reference.CountryRef;
import fr.lianes.repertoire.reference.DomainRef;
import fr.lianes.repertoire.reference.ReferenceData;
import fr.lianes.repertoire.reference.TerritoryRef;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The entry points: home, countries, domains, territories.
 */
@Controller
class BrowseController {

	/**
	 * How many actors and projects a country, domain or territory page shows before "see
	 * all".
	 */
	private static final int SAMPLE = 12;

	private final BrowseQueries browse;

	private final ActorQueries actors;

	private final ProjectQueries projects;

	private final ReferenceData reference;

	private final Maps maps;

	BrowseController(BrowseQueries browse, ActorQueries actors, ProjectQueries projects, ReferenceData reference,
			Maps maps) {
		this.browse = browse;
		this.actors = actors;
		this.projects = projects;
		this.reference = reference;
		this.maps = maps;
	}

	@GetMapping("/")
	String home(Model model) {
		BrowseQueries.Overview overview = this.browse.overview();
		model.addAttribute("figures", this.browse.figures(overview));
		List<BrowseQueries.Summary> countries = this.browse.countries(overview);
		model.addAttribute("topCountries", countries.stream().limit(12).toList());
		model.addAttribute("worldMap", worldMap(countries, java.util.Set.of()));
		model.addAttribute("domains", domainSummaries(overview, this.reference.topLevelDomains()));
		model.addAttribute("territories", territorySummaries(overview));
		model.addAttribute("latest",
				this.actors
					.search(new ListCriteria("", List.of(), List.of(), List.of(), List.of(), List.of(), 1,
							ListCriteria.SORT_RECENT, List.of()), 6, false)
					.rows());
		return "directory/home";
	}

	@GetMapping("/pays")
	String countries(Model model) {
		List<BrowseQueries.Summary> countries = this.browse.countries(this.browse.overview());
		model.addAttribute("worldMap", worldMap(countries, java.util.Set.of()));
		Map<String, Map<String, List<BrowseQueries.Summary>>> byRegion = countries.stream()
			.sorted(java.util.Comparator.comparing(BrowseQueries.Summary::name))
			.collect(Collectors.groupingBy((s) -> (s.group() != null) ? s.group() : "", java.util.TreeMap::new,
					Collectors.groupingBy((s) -> (s.subgroup() != null) ? s.subgroup() : "", java.util.TreeMap::new,
							Collectors.toList())));
		model.addAttribute("regions", byRegion);
		return "directory/countries";
	}

	@GetMapping("/pays/{iso2}")
	String country(@PathVariable String iso2, Model model) {
		CountryRef country = this.reference.country(iso2).orElseThrow(BrowseController::notFound);
		model.addAttribute("canonicalPath", "/pays/" + country.iso2().toLowerCase(java.util.Locale.ROOT));
		model.addAttribute("worldMap",
				worldMap(this.browse.countries(this.browse.overview()), java.util.Set.of(country.iso2())));
		return sample(model, "country", country, ListCriteria.ofCountry(country), "directory/country");
	}

	@GetMapping("/domaines")
	String domains(Model model) {
		model.addAttribute("domains", domainSummaries(this.browse.overview(), this.reference.domains()));
		return "directory/domains";
	}

	@GetMapping("/domaines/{slug}")
	String domain(@PathVariable String slug, Model model) {
		DomainRef domain = this.reference.domain(slug).orElseThrow(BrowseController::notFound);
		model.addAttribute("parent",
				(domain.parentId() != null) ? this.reference.domain(domain.parentId()).orElse(null) : null);
		model.addAttribute("subDomains",
				domainSummaries(this.browse.overview(), this.reference.subDomains(domain.id())));
		return sample(model, "domain", domain, ListCriteria.ofDomain(domain), "directory/domain");
	}

	@GetMapping("/territoires")
	String territories(Model model) {
		model.addAttribute("territories", territorySummaries(this.browse.overview()));
		return "directory/territories";
	}

	@GetMapping("/territoires/{slug}")
	String territory(@PathVariable String slug, Model model) {
		TerritoryRef territory = this.reference.territory(slug).orElseThrow(BrowseController::notFound);
		return sample(model, "territory", territory, ListCriteria.ofTerritory(territory), "directory/territory");
	}

	/**
	 * The subject, a sample of its actors (with facets for the breakdowns) and of its
	 * projects.
	 */
	private String sample(Model model, String name, Object subject, ListCriteria criteria, String view) {
		model.addAttribute(name, subject);
		model.addAttribute("actors", this.actors.search(criteria, SAMPLE, true));
		model.addAttribute("projects",
				this.projects.search(new ListCriteria("", criteria.types(), criteria.territories(),
						criteria.countries(), criteria.domains(), List.of(), 1, ListCriteria.SORT_RECENT, List.of()),
						SAMPLE, false));
		return view;
	}

	private Map<DomainRef, BrowseQueries.Summary> domainSummaries(BrowseQueries.Overview overview,
			List<DomainRef> domains) {
		Map<Short, BrowseQueries.Summary> counts = this.browse.domains(overview);
		Map<DomainRef, BrowseQueries.Summary> result = new LinkedHashMap<>();
		domains.forEach((d) -> result.put(d, counts.getOrDefault(d.id(), empty())));
		return result;
	}

	private Map<TerritoryRef, BrowseQueries.Summary> territorySummaries(BrowseQueries.Overview overview) {
		Map<Short, BrowseQueries.Summary> counts = this.browse.territories(overview);
		Map<TerritoryRef, BrowseQueries.Summary> result = new LinkedHashMap<>();
		this.reference.territories().forEach((t) -> result.put(t, counts.getOrDefault(t.id(), empty())));
		return result;
	}

	/** The world map shaded by the actors of each country (the key figures' map). */
	private fr.lianes.repertoire.maps.ChoroplethMap worldMap(List<BrowseQueries.Summary> countries,
			java.util.Set<String> highlighted) {
		return this.maps.world(
				countries.stream().collect(Collectors.toMap(BrowseQueries.Summary::key, BrowseQueries.Summary::actors)),
				highlighted);
	}

	private static BrowseQueries.Summary empty() {
		return new BrowseQueries.Summary(null, null, null, null, 0, 0);
	}

	private static NotFoundException notFound() {
		return new NotFoundException();
	}

}
