package fr.lianes.repertoire.figures;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import fr.lianes.repertoire.reference.ActorTypeRef;
import fr.lianes.repertoire.reference.CountryRef;
import fr.lianes.repertoire.reference.DomainRef;
import fr.lianes.repertoire.reference.ReferenceData;
import fr.lianes.repertoire.reference.TerritoryRef;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the figures are restricted to: at most one territory, one domain (or sub-domain),
 * one country and one actor type, as in
 * {@code /chiffres?territoire=…&domaine=…&pays=…&type=…}. Unknown values are left out and
 * listed in {@link #ignored()}, never an error: a URL edited by hand still gives a page.
 */
public record FiguresFilter(TerritoryRef territory, DomainRef domain, CountryRef country, ActorTypeRef type,
		List<String> ignored) {

	static final FiguresFilter NONE = new FiguresFilter(null, null, null, null, List.of());

	static FiguresFilter parse(ReferenceData reference, String territory, String domain, String country, String type) {
		List<String> ignored = new ArrayList<>();
		return new FiguresFilter(resolve(territory, reference::territory, ignored),
				resolve(domain, reference::domain, ignored), resolve(country, reference::country, ignored),
				resolve(type, reference::actorType, ignored), List.copyOf(ignored));
	}

	private static <T> T resolve(String value, Function<String, Optional<T>> lookup, List<String> ignored) {
		String clean = (value != null) ? value.replaceAll("\\p{Cntrl}", "").strip() : "";
		if (clean.isEmpty()) {
			return null;
		}
		Optional<T> found = lookup.apply(clean);
		if (found.isEmpty()) {
			ignored.add((clean.length() <= 40) ? clean : clean.substring(0, 40) + "…");
		}
		return found.orElse(null);
	}

	public boolean isEmpty() {
		return this.territory == null && this.domain == null && this.country == null && this.type == null;
	}

	/** The cache key: the values kept, not what was typed. */
	String key() {
		return String.join("|", (this.territory != null) ? this.territory.slug() : "",
				(this.domain != null) ? this.domain.slug() : "", (this.country != null) ? this.country.iso2() : "",
				(this.type != null) ? this.type.code() : "");
	}

	/** The query string of this filter ("" without one, else starting with "?"). */
	public String query() {
		UriComponentsBuilder builder = UriComponentsBuilder.newInstance();
		if (this.territory != null) {
			builder.queryParam("territoire", this.territory.slug());
		}
		if (this.domain != null) {
			builder.queryParam("domaine", this.domain.slug());
		}
		if (this.country != null) {
			builder.queryParam("pays", this.country.iso2());
		}
		if (this.type != null) {
			builder.queryParam("type", this.type.code());
		}
		return builder.build().encode().toUriString();
	}

	/** The names of the values kept, for the title. */
	public List<String> names() {
		List<String> names = new ArrayList<>();
		Optional.ofNullable(this.territory).map(TerritoryRef::name).ifPresent(names::add);
		Optional.ofNullable(this.domain).map(DomainRef::name).ifPresent(names::add);
		Optional.ofNullable(this.country).map(CountryRef::name).ifPresent(names::add);
		Optional.ofNullable(this.type).map(ActorTypeRef::name).ifPresent(names::add);
		return names;
	}

}
