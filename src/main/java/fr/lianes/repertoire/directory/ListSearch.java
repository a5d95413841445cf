package fr.lianes.repertoire.directory;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import fr.lianes.repertoire.reference.ActorTypeRef;
import fr.lianes.repertoire.reference.CountryRef;
import fr.lianes.repertoire.reference.DomainRef;
import fr.lianes.repertoire.reference.TerritoryRef;
import fr.lianes.repertoire.search.SearchFilter;
import fr.lianes.repertoire.search.SearchQuery;

/**
 * What a visitor asked of a list, as a query of the search index.
 */
final class ListSearch {

	private ListSearch() {
	}

	/**
	 * The query of a list.
	 * @param statuses the statuses of the listed entries
	 * @param unlessChosen the statuses listed when the visitor chose none (all when
	 * empty)
	 */
	static SearchQuery query(ListCriteria criteria, int pageSize, StatusValue[] statuses,
			List<? extends StatusValue> unlessChosen) {
		Map<SearchFilter, List<String>> filters = new EnumMap<>(SearchFilter.class);
		filters.put(SearchFilter.TYPE, criteria.types().stream().map(ActorTypeRef::code).toList());
		filters.put(SearchFilter.TERRITORY, criteria.territories().stream().map(TerritoryRef::slug).toList());
		filters.put(SearchFilter.COUNTRY, criteria.countries().stream().map(CountryRef::iso2).toList());
		filters.put(SearchFilter.DOMAIN, criteria.domains().stream().map(DomainRef::slug).toList());
		filters.put(SearchFilter.STATUS,
				criteria.statuses().isEmpty() ? unlessChosen.stream().map(StatusValue::name).toList()
						: criteria.statuses().stream().map((slug) -> Statuses.of(statuses, slug).name()).toList());
		return new SearchQuery(criteria.q(), filters, sort(criteria.sort()), criteria.page(), pageSize);
	}

	private static SearchQuery.Sort sort(String sort) {
		return switch (sort) {
			case ListCriteria.SORT_RELEVANCE -> SearchQuery.Sort.RELEVANCE;
			case ListCriteria.SORT_RECENT -> SearchQuery.Sort.RECENT;
			default -> SearchQuery.Sort.NAME;
		};
	}

}
