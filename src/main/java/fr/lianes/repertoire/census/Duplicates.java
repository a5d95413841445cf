package fr.lianes.repertoire.census;

import java.util.Optional;

import fr.lianes.repertoire.directory.Identifiers;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * An actor already in the directory that a new entry seems to be: the same SIREN (a
 * SIRET's first nine digits), the same RNA number, or the same name in the same commune.
 */
@Repository
class Duplicates {

	/**
	 * @param published whether the entry is public; only then are its name and page shown
	 */
	record Match(long actorId, boolean published, String name, String slug) {
	}

	private final JdbcClient jdbc;

	Duplicates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Match> find(String siret, String rna, String name, String communeInsee) {
		String digits = Text.digits(siret);
		String siren = (digits != null && Identifiers.isValidSirenOrSiret(digits)) ? digits.substring(0, 9) : null;
		String rnaNumber = (rna != null && Identifiers.isValidRna(rna.strip().toUpperCase(java.util.Locale.ROOT)))
				? rna.strip().toUpperCase(java.util.Locale.ROOT) : null;
		String sameName = (!Text.isBlank(name) && !Text.isBlank(communeInsee)) ? name.strip() : null;
		if (siren == null && rnaNumber == null && sameName == null) {
			return Optional.empty();
		}
		return this.jdbc.sql("""
				select id, published, name, slug from actor
				where (cast(:siren as text) is not null and left(siren_siret, 9) = :siren)
				   or (cast(:rna as text) is not null and rna = :rna)
				   or (cast(:name as text) is not null and commune_insee = :commune
				       and lower(immutable_unaccent(name)) = lower(immutable_unaccent(:name)))
				order by published desc, id
				limit 1""")
			.param("siren", siren)
			.param("rna", rnaNumber)
			.param("name", sameName)
			.param("commune", communeInsee)
			.query((rs, i) -> new Match(rs.getLong("id"), rs.getBoolean("published"), rs.getString("name"),
					rs.getString("slug")))
			.optional();
	}

}
