package fr.lianes.repertoire.directory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import fr.lianes.repertoire.reference.ReferenceData;

import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

/**
 * Reads list parameters leniently: a visitor who edits a URL by hand gets the closest
 * sensible page, told which values were left out, never an error.
 */
@Component
class ListCriteriaParser {

	/** Longest search text kept; the rest is cut off. */
	static final int MAX_QUERY_LENGTH = 200;

	/** Most values kept per filter. */
	static final int MAX_VALUES = 20;

	private final ReferenceData reference;

	ListCriteriaParser(ReferenceData reference) {
		this.reference = reference;
	}

	ListCriteria parse(MultiValueMap<String, String> params, Collection<String> allowedStatuses) {
		List<String> ignored = new ArrayList<>();
		String typed = first(params, "q").map(ListCriteriaParser::clean).orElse("");
		String q = (typed.length() > MAX_QUERY_LENGTH) ? typed.substring(0, MAX_QUERY_LENGTH) : typed;
		var types = resolve(params, "type", this.reference::actorType, ignored);
		var territories = resolve(params, "territoire", this.reference::territory, ignored);
		var countries = resolve(params, "pays", this.reference::country, ignored);
		var domains = resolve(params, "domaine", this.reference::domain, ignored);
		var statuses = resolve(params, "statut", (value) -> Optional.of(value).filter(allowedStatuses::contains),
				ignored);
		int page = first(params, "page").map(ListCriteriaParser::parsePage).orElse(1);
		String sort = first(params, "tri").filter(ListCriteria.SORTS::contains)
			.filter((s) -> !s.equals(ListCriteria.SORT_RELEVANCE) || !q.isEmpty())
			.orElse(q.isEmpty() ? ListCriteria.SORT_NAME : ListCriteria.SORT_RELEVANCE);
		return new ListCriteria(q, types, territories, countries, domains, statuses, page, sort, List.copyOf(ignored));
	}

	private static <T> List<T> resolve(MultiValueMap<String, String> params, String name,
			Function<String, Optional<T>> lookup, List<String> ignored) {
		LinkedHashSet<T> found = new LinkedHashSet<>();
		List<String> values = params.getOrDefault(name, List.of());
		for (String raw : values.subList(0, Math.min(values.size(), MAX_VALUES))) {
			String value = clean(raw);
			if (value.isEmpty()) {
				continue;
			}
			lookup.apply(value).ifPresentOrElse(found::add, () -> ignored.add(shorten(value)));
		}
		return List.copyOf(found);
	}

	/**
	 * What is echoed back of an unknown value: enough to recognise it, not a whole
	 * payload.
	 */
	private static String shorten(String value) {
		return (value.length() <= 40) ? value : value.substring(0, 40) + "…";
	}

	private static Optional<String> first(MultiValueMap<String, String> params, String name) {
		return Optional.ofNullable(params.getFirst(name));
	}

	private static int parsePage(String value) {
		try {
			return Math.max(1, Math.min(Integer.parseInt(value.trim()), 1_000_000));
		}
		catch (NumberFormatException ex) {
			return 1;
		}
	}

	/** Trims and drops control characters, which no legitimate search contains. */
	private static String clean(String value) {
		return value.replaceAll("\\p{Cntrl}", " ").strip();
	}

}
