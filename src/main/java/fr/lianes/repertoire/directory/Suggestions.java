package fr.lianes.repertoire.directory;

import java.text.Normalizer;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import fr.lianes.repertoire.reference.CountryRef;
import fr.lianes.repertoire.reference.DomainRef;
import fr.lianes.repertoire.reference.ReferenceData;
import fr.lianes.repertoire.reference.TerritoryRef;
import fr.lianes.repertoire.search.NameSuggestions;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What to suggest while someone types in a search box: actors by the start of their name
 * or acronym (from the search index), countries, domains and territories by the start of
 * one of the words of their name, accents and case aside.
 */
@Service
@Transactional(readOnly = true)
class Suggestions {

	static final int MAX_PER_KIND = 5;

	/** Fewer letters than this suggest nothing: too many names would match. */
	static final int MIN_LENGTH = 2;

	private final NameSuggestions names;

	private final ReferenceData reference;

	private final JdbcClient jdbc;

	Suggestions(NameSuggestions names, ReferenceData reference, JdbcClient jdbc) {
		this.names = names;
		this.reference = reference;
		this.jdbc = jdbc;
	}

	/** A suggestion: where it leads and what it says. */
	record Item(String href, String label) {

	}

	record All(List<Item> actors, List<Item> countries, List<Item> domains, List<Item> territories) {

		public boolean isEmpty() {
			return this.actors.isEmpty() && this.countries.isEmpty() && this.domains.isEmpty()
					&& this.territories.isEmpty();
		}

		public int size() {
			return this.actors.size() + this.countries.size() + this.domains.size() + this.territories.size();
		}

	}

	All suggest(String typed) {
		String key = fold((typed != null) ? typed.strip() : "");
		if (key.length() < MIN_LENGTH) {
			return new All(List.of(), List.of(), List.of(), List.of());
		}
		return new All(actors(typed),
				matching(this.reference.countries(), CountryRef::name, key,
						(c) -> new Item("/pays/" + c.iso2().toLowerCase(Locale.ROOT), c.name())),
				matching(this.reference.domains(), DomainRef::name, key,
						(d) -> new Item("/domaines/" + d.slug(), d.name())),
				matching(this.reference.territories(), TerritoryRef::name, key,
						(t) -> new Item("/territoires/" + t.slug(), t.name())));
	}

	private List<Item> actors(String typed) {
		List<Long> ids = this.names.actors(typed, MAX_PER_KIND);
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("select id, slug, name from actor where id in (:ids) and published")
			.param("ids", ids)
			.query((rs, i) -> new IdItem(rs.getLong(1), new Item("/acteurs/" + rs.getString(2), rs.getString(3))))
			.list()
			.stream()
			.sorted(Comparator.comparingInt((IdItem item) -> ids.indexOf(item.id())))
			.map(IdItem::item)
			.toList();
	}

	private record IdItem(long id, Item item) {

	}

	private static <T> List<Item> matching(List<T> values, Function<T, String> name, String key,
			Function<T, Item> item) {
		return values.stream()
			.filter((value) -> startsAWord(fold(name.apply(value)), key))
			.limit(MAX_PER_KIND)
			.map(item)
			.toList();
	}

	private static boolean startsAWord(String name, String key) {
		return name.startsWith(key) || name.contains(" " + key) || name.contains("-" + key) || name.contains("'" + key);
	}

	/** Lower case without accents: "Sénégal" and "senegal" alike. */
	static String fold(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFD)
			.replaceAll("\\p{M}+", "")
			.replace('’', '\'')
			.toLowerCase(Locale.ROOT);
	}

}
