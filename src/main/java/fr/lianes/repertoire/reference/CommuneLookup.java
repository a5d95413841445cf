package fr.lianes.repertoire.reference;

import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The communes of the region, looked up the way files and people name them: by INSEE
 * code, by postal code, by name (case, accents, hyphens and « St »/« Saint » aside). Held
 * in memory once read: a few thousand rows, which only a reference-data migration
 * changes.
 */
@Service
public class CommuneLookup {

	/** A commune people can choose: its INSEE code, name and one of its postal codes. */
	public record CommuneChoice(String insee, String name, String postalCode) {
	}

	/**
	 * A commune where it lies: its population, departement, EPCI and territory.
	 *
	 * @param postalCodes as stored, in their order
	 */
	public record CommunePlace(String insee, String name, List<String> postalCodes, int population,
			String territorySlug, String departementCode, String epciName) {
	}

	/** A commune: its INSEE code, name and postal codes. */
	public record CommuneRef(String insee, String name, List<String> postalCodes) {
	}

	private final JdbcClient jdbc;

	private volatile Index index;

	CommuneLookup(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<CommuneRef> byInsee(String insee) {
		return (insee != null)
				? Optional.ofNullable(index().byInsee.get(insee.strip().toUpperCase(java.util.Locale.ROOT)))
				: Optional.empty();
	}

	/** The communes served by this postal code. */
	public List<CommuneRef> byPostalCode(String postalCode) {
		return (postalCode != null) ? index().byPostalCode.getOrDefault(postalCode.strip(), List.of()) : List.of();
	}

	/** The communes of this name, however written. */
	public List<CommuneRef> byName(String name) {
		return (name != null) ? index().byName.getOrDefault(key(name), List.of()) : List.of();
	}

	/**
	 * The communes of a postal code as people choose them, by name (read from the
	 * database, in its collation).
	 * @param postalCode five digits
	 */
	public List<CommuneChoice> choicesOf(String postalCode, int limit) {
		return this.jdbc
			.sql("select insee_code, name, ? from commune where ? = any(postal_codes) order by name limit ?")
			.params(postalCode, postalCode, limit)
			.query((rs, i) -> new CommuneChoice(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	/**
	 * The communes of exactly this name, case and accents aside, each with its first
	 * postal code.
	 */
	public List<CommuneChoice> choicesNamed(String name, int limit) {
		return this.jdbc
			.sql("select insee_code, name, postal_codes[1] from commune "
					+ "where lower(immutable_unaccent(name)) = lower(immutable_unaccent(?)) order by name limit ?")
			.params(name.strip(), limit)
			.query((rs, i) -> new CommuneChoice(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	/** Every commune with where it lies, by INSEE code (read from the database). */
	public List<CommunePlace> places() {
		return this.jdbc.sql("""
				select c.insee_code, c.name, c.postal_codes, coalesce(c.population, 0) as population, t.slug,
				       c.departement_code, e.name as epci_name
				from commune c
				join epci e on e.siren = c.epci_siren
				join territory t on t.id = e.territory_id
				order by c.insee_code""")
			.query((rs, i) -> new CommunePlace(rs.getString(1), rs.getString(2), rawCodes(rs.getArray(3)), rs.getInt(4),
					rs.getString(5), rs.getString(6), rs.getString(7)))
			.list();
	}

	/** The key two ways of writing the same commune name share. */
	public static String key(String name) {
		String slug = Slugs.slugify(name);
		return ("-" + slug + "-").replace("-st-", "-saint-")
			.replace("-ste-", "-sainte-")
			.replace("-", " ")
			.strip()
			.replace(' ', '-');
	}

	private Index index() {
		Index current = this.index;
		if (current == null) {
			synchronized (this) {
				if (this.index == null) {
					this.index = load();
				}
				current = this.index;
			}
		}
		return current;
	}

	private Index load() {
		List<CommuneRef> all = this.jdbc.sql("select insee_code, name, postal_codes from commune order by insee_code")
			.query((rs, i) -> new CommuneRef(rs.getString(1), rs.getString(2), codes(rs.getArray(3))))
			.list();
		Map<String, CommuneRef> byInsee = new HashMap<>();
		Map<String, List<CommuneRef>> byPostalCode = new HashMap<>();
		Map<String, List<CommuneRef>> byName = new HashMap<>();
		for (CommuneRef commune : all) {
			byInsee.put(commune.insee(), commune);
			for (String code : commune.postalCodes()) {
				byPostalCode.computeIfAbsent(code, (k) -> new ArrayList<>()).add(commune);
			}
			byName.computeIfAbsent(key(commune.name()), (k) -> new ArrayList<>()).add(commune);
		}
		return new Index(byInsee, byPostalCode, byName);
	}

	private static List<String> codes(Array array) throws SQLException {
		return (array != null) ? Arrays.asList((String[]) array.getArray()) : List.of();
	}

	private static List<String> rawCodes(Array array) throws SQLException {
		if (array == null) {
			return List.of();
		}
		List<String> codes = new ArrayList<>();
		for (Object code : (Object[]) array.getArray()) {
			codes.add((code != null) ? code.toString() : null);
		}
		return codes;
	}

	private record Index(Map<String, CommuneRef> byInsee, Map<String, List<CommuneRef>> byPostalCode,
			Map<String, List<CommuneRef>> byName) {
	}

}
