package fr.lianes.repertoire.directory;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

import fr.lianes.repertoire.reference.ActorTypeRef;
import fr.lianes.repertoire.reference.CountryRef;
import fr.lianes.repertoire.reference.DomainRef;
import fr.lianes.repertoire.reference.TerritoryRef;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * What a visitor asked of a list, once checked against the reference lists.
 *
 * @param q the words searched, or empty
 * @param types actor types (of the actor, or of a project's lead actor)
 * @param statuses status values as they appear in URLs
 * @param page the page asked, from 1
 * @param sort {@code pertinence}, {@code nom} or {@code recent}
 * @param ignored values that were not understood and left out, shown to the visitor
 */
public record ListCriteria(String q, List<ActorTypeRef> types, List<TerritoryRef> territories,
		List<CountryRef> countries, List<DomainRef> domains, List<String> statuses, int page, String sort,
		List<String> ignored) {

	static final String SORT_NAME = "nom";

	static final String SORT_RECENT = "recent";

	static final String SORT_RELEVANCE = "pertinence";

	static final List<String> SORTS = List.of(SORT_RELEVANCE, SORT_NAME, SORT_RECENT);

	static ListCriteria ofCountry(CountryRef country) {
		return new ListCriteria("", List.of(), List.of(), List.of(country), List.of(), List.of(), 1, SORT_NAME,
				List.of());
	}

	static ListCriteria ofDomain(DomainRef domain) {
		return new ListCriteria("", List.of(), List.of(), List.of(), List.of(domain), List.of(), 1, SORT_NAME,
				List.of());
	}

	static ListCriteria ofTerritory(TerritoryRef territory) {
		return new ListCriteria("", List.of(), List.of(territory), List.of(), List.of(), List.of(), 1, SORT_NAME,
				List.of());
	}

	/** By relevance when words are searched, else by name. */
	public String defaultSort() {
		return this.q.isEmpty() ? SORT_NAME : SORT_RELEVANCE;
	}

	/** Whether any filter or search text is in force. */
	public boolean isFiltered() {
		return !this.q.isEmpty() || !this.types.isEmpty() || !this.territories.isEmpty() || !this.countries.isEmpty()
				|| !this.domains.isEmpty() || !this.statuses.isEmpty();
	}

	/** The query string of this list at another page ("?pays=SN&page=2"). */
	public String query(int page) {
		MultiValueMap<String, String> params = params();
		if (page > 1) {
			params.add("page", String.valueOf(page));
		}
		return encode(params);
	}

	/**
	 * The query string of this list's canonical URL: its filters and its page past the
	 * first, whatever the order asked.
	 */
	public String canonicalQuery() {
		MultiValueMap<String, String> params = params();
		params.remove("tri");
		if (this.page > 1) {
			params.add("page", String.valueOf(this.page));
		}
		return encode(params);
	}

	/** The query string of this list sorted otherwise, from the first page. */
	public String sortedBy(String sort) {
		MultiValueMap<String, String> params = params();
		params.set("tri", sort);
		return encode(params);
	}

	/** The query string of this list without one filter value, from the first page. */
	public String without(String param, String value) {
		MultiValueMap<String, String> params = params();
		List<String> values = new ArrayList<>(params.getOrDefault(param, List.of()));
		values.remove(value);
		params.put(param, values);
		return encode(params);
	}

	private MultiValueMap<String, String> params() {
		MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
		if (!this.q.isEmpty()) {
			params.add("q", this.q);
		}
		this.types.forEach((t) -> params.add("type", t.code()));
		this.territories.forEach((t) -> params.add("territoire", t.slug()));
		this.countries.forEach((c) -> params.add("pays", c.iso2()));
		this.domains.forEach((d) -> params.add("domaine", d.slug()));
		this.statuses.forEach((s) -> params.add("statut", s));
		if (!this.sort.equals(defaultSort())) {
			params.add("tri", this.sort);
		}
		return params;
	}

	private static String encode(MultiValueMap<String, String> params) {
		StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
		params.forEach((name, values) -> values
			.forEach((value) -> query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8))));
		return query.toString();
	}

}
