package fr.lianes.repertoire.directory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import fr.lianes.repertoire.directory.DuplicateActors.Match;
import fr.lianes.repertoire.directory.DuplicateActors.Probe;
import fr.lianes.repertoire.directory.DuplicateActors.Suspect;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The actors already in the directory that an entry seems to be: the same SIREN (a
 * SIRET's first nine digits), the same RNA number, or a similar name in the same commune
 * (PostgreSQL trigram similarity of the lower-case, unaccented names). The questionnaire
 * asks for the same words; moderators see names from a lower similarity on. The
 * questionnaire, the review, the import and the duplicates pages ask through
 * {@link DuplicateActors}.
 */
@Repository
class EntrySuspects {

	private final JdbcClient jdbc;

	EntrySuspects(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The actors an entry may duplicate, the surest first (same SIREN, same RNA, then by
	 * name similarity). Identifiers that are not valid are ignored; so is the name when
	 * the commune is not known.
	 * @param siret a SIREN or a SIRET, spaces, dots and dashes allowed
	 * @param excludeActorId the entry's own actor, if it has one
	 * @param minNameSimilarity from 0 (excluded) to 1 (the same words)
	 */
	@Transactional(readOnly = true)
	List<Suspect> suspects(String siret, String rna, String name, String communeInsee, Long excludeActorId,
			double minNameSimilarity, int limit) {
		if (minNameSimilarity <= 0 || minNameSimilarity > 1) {
			throw new IllegalArgumentException("A name similarity is above 0 and at most 1: " + minNameSimilarity);
		}
		String siren = siren(siret);
		String rnaNumber = rna(rna);
		boolean byName = !isBlank(name) && !isBlank(communeInsee);
		if (siren == null && rnaNumber == null && !byName) {
			return List.of();
		}
		// the threshold of the % operator, which lets the trigram index do the comparing
		this.jdbc.sql("select set_config('pg_trgm.similarity_threshold', :threshold, true)")
			.param("threshold", Double.toString(minNameSimilarity))
			.query(String.class)
			.single();
		return this.jdbc
			.sql("""
					with probe as (select cast(:siren as text) as siren, cast(:rna as text) as rna,
					                      lower(immutable_unaccent(cast(:name as text))) as name, cast(:commune as text) as commune)
					select a.id, a.slug, a.name, c.name as commune_name, a.published, a.status,
					       coalesce(left(a.siren_siret, 9) = p.siren, false) as same_siren,
					       coalesce(a.rna = p.rna, false) as same_rna,
					       case when a.commune_insee = p.commune
					            then similarity(lower(immutable_unaccent(a.name)), p.name) else 0 end as name_similarity
					from actor a
					cross join probe p
					join commune c on c.insee_code = a.commune_insee
					where (left(a.siren_siret, 9) = p.siren or a.rna = p.rna
					       or (a.commune_insee = p.commune and lower(immutable_unaccent(a.name)) % p.name))
					  and a.id is distinct from cast(:exclude as bigint)
					order by same_siren desc, same_rna desc, name_similarity desc, a.published desc, a.id
					limit :limit""")
			.param("siren", siren)
			.param("rna", rnaNumber)
			.param("name", byName ? name.strip() : null)
			.param("commune", byName ? communeInsee : null)
			.param("exclude", excludeActorId)
			.param("limit", limit)
			.query((rs, i) -> suspect(rs, minNameSimilarity))
			.list();
	}

	/**
	 * The actors each entry may duplicate, as
	 * {@link #suspects(String, String, String, String, Long, double, int)} finds them for
	 * one, in one query for all (an import's batch).
	 * @return for each probe, in their order, its suspects
	 */
	@Transactional(readOnly = true)
	List<List<Suspect>> suspects(List<Probe> probes, double minNameSimilarity, int limit) {
		if (minNameSimilarity <= 0 || minNameSimilarity > 1) {
			throw new IllegalArgumentException("A name similarity is above 0 and at most 1: " + minNameSimilarity);
		}
		List<List<Suspect>> found = new ArrayList<>();
		int n = probes.size();
		String[] sirens = new String[n];
		String[] rnas = new String[n];
		String[] names = new String[n];
		String[] communes = new String[n];
		boolean any = false;
		for (int i = 0; i < n; i++) {
			Probe probe = probes.get(i);
			found.add(new ArrayList<>());
			sirens[i] = siren(probe.siret());
			rnas[i] = rna(probe.rna());
			boolean byName = !isBlank(probe.name()) && !isBlank(probe.communeInsee());
			names[i] = byName ? probe.name().strip() : null;
			communes[i] = byName ? probe.communeInsee() : null;
			any |= sirens[i] != null || rnas[i] != null || byName;
		}
		if (!any) {
			return found;
		}
		this.jdbc.sql("select set_config('pg_trgm.similarity_threshold', :threshold, true)")
			.param("threshold", Double.toString(minNameSimilarity))
			.query(String.class)
			.single();
		this.jdbc
			.sql("""
					with probe as (select p.i, p.siren, p.rna, lower(immutable_unaccent(p.name)) as name, p.commune
					               from unnest(cast(:sirens as text[]), cast(:rnas as text[]), cast(:names as text[]),
					                           cast(:communes as text[])) with ordinality as p(siren, rna, name, commune, i))
					select p.i, s.* from probe p cross join lateral (
					    select a.id, a.slug, a.name, c.name as commune_name, a.published, a.status,
					           coalesce(left(a.siren_siret, 9) = p.siren, false) as same_siren,
					           coalesce(a.rna = p.rna, false) as same_rna,
					           case when a.commune_insee = p.commune
					                then similarity(lower(immutable_unaccent(a.name)), p.name) else 0 end as name_similarity
					    from actor a
					    join commune c on c.insee_code = a.commune_insee
					    where (left(a.siren_siret, 9) = p.siren or a.rna = p.rna
					           or (a.commune_insee = p.commune and lower(immutable_unaccent(a.name)) % p.name))
					    order by same_siren desc, same_rna desc, name_similarity desc, a.published desc, a.id
					    limit :limit) s
					order by p.i""")
			.param("sirens", sirens)
			.param("rnas", rnas)
			.param("names", names)
			.param("communes", communes)
			.param("limit", limit)
			.query((rs, i) -> {
				found.get(rs.getInt("i") - 1).add(suspect(rs, minNameSimilarity));
				return null;
			})
			.list();
		return found;
	}

	private static Suspect suspect(java.sql.ResultSet rs, double minNameSimilarity) throws java.sql.SQLException {
		Set<SuspectReason> reasons = EnumSet.noneOf(SuspectReason.class);
		if (rs.getBoolean("same_siren")) {
			reasons.add(SuspectReason.SIREN);
		}
		if (rs.getBoolean("same_rna")) {
			reasons.add(SuspectReason.RNA);
		}
		double similarity = rs.getDouble("name_similarity");
		if (similarity >= minNameSimilarity) {
			reasons.add(SuspectReason.NAME);
		}
		return new Suspect(rs.getLong("id"), rs.getString("slug"), rs.getString("name"), rs.getString("commune_name"),
				rs.getBoolean("published"), rs.getString("status"), reasons, similarity);
	}

	/**
	 * The entry already in the directory that a new one is, published entries first: the
	 * same SIREN, the same RNA or the same words as name in the same commune.
	 */
	@Transactional(readOnly = true)
	Optional<Match> find(String siret, String rna, String name, String communeInsee) {
		return suspects(siret, rna, name, communeInsee, null, 1.0, 20).stream()
			.min(Comparator.comparing((Suspect s) -> !s.published()).thenComparing(Suspect::actorId))
			.map((s) -> new Match(s.actorId(), s.published(), s.name(), s.slug()));
	}

	private static String siren(String siret) {
		String digits = (siret != null) ? siret.replaceAll("[\\s.\\-]", "") : null;
		return (digits != null && Identifiers.isValidSirenOrSiret(digits)) ? digits.substring(0, 9) : null;
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

	private static String rna(String rna) {
		String number = (rna != null) ? rna.strip().toUpperCase(Locale.ROOT) : null;
		return Identifiers.isValidRna(number) ? number : null;
	}

}
