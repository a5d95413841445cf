package fr.lianes.repertoire.demo;

import fr.lianes.repertoire.reference.Slugs;
import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * The reference lists the generator draws from, read from the database at run time (they
 * are loaded by migrations written elsewhere). Every query is ordered so the generator
 * sees the same lists in the same order each time.
 */
record ReferenceData(List<Commune> communes, Set<String> actorTypes, List<Domain> domains,
		Map<String, String> countryNames, List<Network> networks) {

	record Commune(String insee, String name, List<String> postalCodes, int population, String territory,
			String departement, String epciName) {

		String postalCode(int index) {
			return this.postalCodes.isEmpty() ? null : this.postalCodes.get(index % this.postalCodes.size());
		}

	}

	record Domain(int id, String slug, Integer parentId) {

	}

	record Network(int id, String slug, String name) {

	}

	static ReferenceData load(JdbcTemplate jdbc) {
		List<Commune> communes = jdbc.query("""
				select c.insee_code, c.name, c.postal_codes, coalesce(c.population, 0) as population, t.slug,
				       c.departement_code, e.name as epci_name
				from commune c
				join epci e on e.siren = c.epci_siren
				join territory t on t.id = e.territory_id
				order by c.insee_code""", (rs, i) -> new Commune(rs.getString(1).trim(), rs.getString(2),
				postalCodes(rs.getArray(3)), rs.getInt(4), rs.getString(5), rs.getString(6), rs.getString(7)));
		Set<String> types = new LinkedHashSet<>(
				jdbc.queryForList("select code from actor_type order by position, code", String.class));
		List<Domain> domains = jdbc.query("select id, slug, parent_id from domain order by id",
				(rs, i) -> new Domain(rs.getInt(1), rs.getString(2), (Integer) rs.getObject(3)));
		Map<String, String> countries = new LinkedHashMap<>();
		RowCallbackHandler country = (rs) -> countries.put(rs.getString(1), rs.getString(2));
		jdbc.query("select iso2, name_fr from country order by iso2", country);
		List<Network> networks = jdbc.query("select id, slug, name from network order by id",
				(rs, i) -> new Network(rs.getInt(1), rs.getString(2), rs.getString(3)));
		if (communes.isEmpty() || types.isEmpty() || domains.isEmpty() || countries.isEmpty()) {
			throw new IllegalStateException("The demo directory needs the reference data (communes, actor types, "
					+ "domains, countries) loaded by the migrations");
		}
		return new ReferenceData(communes, types, domains, countries, networks);
	}

	private static List<String> postalCodes(Array array) throws SQLException {
		List<String> codes = new ArrayList<>();
		if (array != null) {
			for (Object code : (Object[]) array.getArray()) {
				if (code != null && code.toString().matches("[0-9]{5}")) {
					codes.add(code.toString());
				}
			}
		}
		return codes;
	}

	Commune communeNamed(String name) {
		if (name == null) {
			return null;
		}
		Commune best = null;
		for (Commune commune : this.communes) {
			if (Slugs.slugify(commune.name()).equals(Slugs.slugify(name))
					&& (best == null || commune.population() > best.population())) {
				best = commune;
			}
		}
		return best;
	}

	Domain domain(String slug) {
		for (Domain domain : this.domains) {
			if (domain.slug().equals(slug)) {
				return domain;
			}
		}
		return null;
	}

}
