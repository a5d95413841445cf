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

	private record Index(Map<String, CommuneRef> byInsee, Map<String, List<CommuneRef>> byPostalCode,
			Map<String, List<CommuneRef>> byName) {
	}

}
