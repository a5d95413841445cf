package fr.lianes.repertoire.directory;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.lianes.repertoire.reference.CountryRef;
import fr.lianes.repertoire.reference.ReferenceData;
import fr.lianes.repertoire.search.DirectorySearch;
import fr.lianes.repertoire.search.SearchFilter;
import fr.lianes.repertoire.search.SearchQuery;
import fr.lianes.repertoire.search.SearchResult;

import org.springframework.stereotype.Component;

/**
 * Counts for the entry points of the directory (home, countries, domains, territories):
 * the facet counts of the whole directory, read from the search index in two queries.
 */
@Component
class BrowseQueries {

	private static final SearchQuery EVERYTHING = new SearchQuery("", Map.of(), SearchQuery.Sort.NAME, 1, 1);

	/** The registered actors, as every count of actors shows them. */
	private static final SearchQuery REGISTERED = new SearchQuery("",
			Map.of(SearchFilter.STATUS, ActorStatus.REGISTERED.stream().map(ActorStatus::name).toList()),
			SearchQuery.Sort.NAME, 1, 1);

	private final DirectorySearch search;

	private final ReferenceData reference;

	BrowseQueries(DirectorySearch search, ReferenceData reference) {
		this.search = search;
		this.reference = reference;
	}

	/**
	 * Registered actors (published, active or dormant), of which active, public projects,
	 * countries they concern.
	 */
	record Figures(long actors, long activeActors, long projects, long countries) {

	}

	/** A country, domain or territory with how many actors and projects concern it. */
	record Summary(String key, String name, String group, String subgroup, long actors, long projects) {

	}

	/** The whole directory's counts, actors and projects. */
	record Overview(SearchResult actors, SearchResult projects) {

		Map<String, Long> actors(SearchFilter filter) {
			return this.actors.facets().getOrDefault(filter, Map.of());
		}

		Map<String, Long> projects(SearchFilter filter) {
			return this.projects.facets().getOrDefault(filter, Map.of());
		}

	}

	Overview overview() {
		return new Overview(this.search.actors(REGISTERED), this.search.projects(EVERYTHING));
	}

	Figures figures(Overview overview) {
		return new Figures(overview.actors().total(),
				overview.actors(SearchFilter.STATUS).getOrDefault(ActorStatus.ACTIVE.name(), 0L),
				overview.projects().total(), overview.projects(SearchFilter.COUNTRY).size());
	}

	/** Countries with at least one public project, most actors first. */
	List<Summary> countries(Overview overview) {
		Map<String, Long> projects = overview.projects(SearchFilter.COUNTRY);
		return overview.actors(SearchFilter.COUNTRY)
			.entrySet()
			.stream()
			.map((entry) -> this.reference.country(entry.getKey())
				.map((c) -> summary(c, entry.getValue(), projects.getOrDefault(c.iso2(), 0L))))
			.flatMap(Optional::stream)
			.sorted(Comparator.comparing(Summary::actors).reversed().thenComparing(Summary::name))
			.toList();
	}

	/** Actors and projects per domain id, sub-domains counting for their domain too. */
	Map<Short, Summary> domains(Overview overview) {
		Map<Short, Summary> result = new HashMap<>();
		Map<String, Long> projects = overview.projects(SearchFilter.DOMAIN);
		overview.actors(SearchFilter.DOMAIN)
			.forEach((slug, actors) -> this.reference.domain(slug)
				.ifPresent((d) -> result.put(d.id(),
						new Summary(slug, d.name(), null, null, actors, projects.getOrDefault(slug, 0L)))));
		return result;
	}

	/** Actors and projects (by their lead actor) per territory id. */
	Map<Short, Summary> territories(Overview overview) {
		Map<Short, Summary> result = new HashMap<>();
		Map<String, Long> projects = overview.projects(SearchFilter.TERRITORY);
		overview.actors(SearchFilter.TERRITORY)
			.forEach((slug, actors) -> this.reference.territory(slug)
				.ifPresent((t) -> result.put(t.id(),
						new Summary(slug, t.name(), null, null, actors, projects.getOrDefault(slug, 0L)))));
		return result;
	}

	private static Summary summary(CountryRef country, long actors, long projects) {
		return new Summary(country.iso2(), country.name(), country.region(), country.subregion(), actors, projects);
	}

}
