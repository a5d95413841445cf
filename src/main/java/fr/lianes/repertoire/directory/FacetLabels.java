package fr.lianes.repertoire.directory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import fr.lianes.repertoire.reference.ActorTypeRef;
import fr.lianes.repertoire.reference.CountryRef;
import fr.lianes.repertoire.reference.DomainRef;
import fr.lianes.repertoire.reference.ReferenceData;
import fr.lianes.repertoire.reference.TerritoryRef;
import fr.lianes.repertoire.search.SearchFilter;

import org.springframework.stereotype.Component;

/**
 * Turns facet counts into labelled, ordered facet values. A value is offered when it has
 * results or when it is selected (so that it can be unselected).
 */
@Component
class FacetLabels {

	private final ReferenceData reference;

	FacetLabels(ReferenceData reference) {
		this.reference = reference;
	}

	/** The five facets of a list, from the index's counts. */
	List<Facet> all(Map<SearchFilter, Map<String, Long>> counts, ListCriteria criteria, StatusValue[] statuses) {
		return List.of(types(counts.getOrDefault(SearchFilter.TYPE, Map.of()), criteria.types()),
				territories(counts.getOrDefault(SearchFilter.TERRITORY, Map.of()), criteria.territories()),
				countries(counts.getOrDefault(SearchFilter.COUNTRY, Map.of()), criteria.countries()),
				domains(counts.getOrDefault(SearchFilter.DOMAIN, Map.of()), criteria.domains()),
				statuses(counts.getOrDefault(SearchFilter.STATUS, Map.of()), criteria.statuses(), statuses));
	}

	Facet types(Map<String, Long> counts, List<ActorTypeRef> selected) {
		Set<String> chosen = selected.stream().map(ActorTypeRef::code).collect(Collectors.toSet());
		List<Facet.Value> values = new ArrayList<>();
		for (ActorTypeRef type : this.reference.actorTypes()) {
			add(values, type.code(), type.name(), false, counts.getOrDefault(type.code(), 0L), chosen, false);
		}
		return new Facet("type", values);
	}

	Facet territories(Map<String, Long> counts, List<TerritoryRef> selected) {
		Set<String> chosen = selected.stream().map(TerritoryRef::slug).collect(Collectors.toSet());
		List<Facet.Value> values = new ArrayList<>();
		for (TerritoryRef territory : this.reference.territories()) {
			add(values, territory.slug(), territory.name(), false, counts.getOrDefault(territory.slug(), 0L), chosen,
					false);
		}
		return new Facet("territoire", values);
	}

	/** Countries by number of results, most first. */
	Facet countries(Map<String, Long> counts, List<CountryRef> selected) {
		Set<String> chosen = selected.stream().map(CountryRef::iso2).collect(Collectors.toSet());
		List<Facet.Value> values = new ArrayList<>();
		for (CountryRef country : this.reference.countries()) {
			add(values, country.iso2(), country.name(), false, counts.getOrDefault(country.iso2(), 0L), chosen, false);
		}
		values.sort(Comparator.comparing(Facet.Value::count).reversed());
		return new Facet("pays", values);
	}

	/**
	 * Domains in taxonomy order; sub-domains only under a selected domain or when
	 * selected.
	 */
	Facet domains(Map<String, Long> counts, List<DomainRef> selected) {
		Set<String> chosen = selected.stream().map(DomainRef::slug).collect(Collectors.toSet());
		Set<Short> open = selected.stream()
			.map((d) -> d.isTopLevel() ? d.id() : d.parentId())
			.collect(Collectors.toSet());
		List<Facet.Value> values = new ArrayList<>();
		for (DomainRef domain : this.reference.domains()) {
			if (domain.isTopLevel() || open.contains(domain.parentId())) {
				add(values, domain.slug(), domain.name(), false, counts.getOrDefault(domain.slug(), 0L), chosen,
						!domain.isTopLevel());
			}
		}
		return new Facet("domaine", values);
	}

	Facet statuses(Map<String, Long> counts, List<String> selected, StatusValue[] statuses) {
		List<Facet.Value> values = new ArrayList<>();
		for (StatusValue status : statuses) {
			add(values, status.slug(), status.messageKey(), true, counts.getOrDefault(status.name(), 0L),
					Set.copyOf(selected), false);
		}
		return new Facet("statut", values);
	}

	private static void add(List<Facet.Value> values, String value, String label, boolean labelIsKey, long count,
			Set<String> chosen, boolean nested) {
		boolean selected = chosen.contains(value);
		if (count > 0 || selected) {
			values.add(new Facet.Value(value, label, labelIsKey, count, selected, nested));
		}
	}

}
