package fr.lianes.repertoire.directory;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import fr.lianes.repertoire.directory.DuplicateActors.Page;
import fr.lianes.repertoire.directory.DuplicateActors.Pair;
import fr.lianes.repertoire.directory.DuplicateActors.SuspectPair;
import fr.lianes.repertoire.directory.DuplicateActors.Sweep;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Suspected duplicates across the whole directory, a page at a time, without comparing
 * every actor with every other.
 * <p>
 * Each sweep walks the actors in the order of one index, from where the previous page
 * stopped, and compares each actor with the {@value #NEIGHBOURS} actors just before it in
 * the same group: the same commune in name order (pairs whose names are at least
 * {@link DuplicateActors#NAME_SIMILARITY} similar), the same SIREN, the same RNA. A page
 * examines at most {@value #SCAN} actors, so it costs the same at any size of the
 * directory. Names that sort far apart in a commune are only found by the look-up of one
 * actor, which compares it with its whole commune.
 */
@Repository
class SuspectPairs {

	/** Actors with suspects shown per page. */
	static final int PAGE_SIZE = 20;

	/** Actors examined per page at most. */
	static final int SCAN = 2000;

	/** How many actors before each one, in the same group, it is compared with. */
	static final int NEIGHBOURS = 8;

	private final JdbcClient jdbc;

	SuspectPairs(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The suspected pairs of the actors after a cursor.
	 * @param after the key of the last actor of the previous page, or null to start
	 */
	@Transactional(readOnly = true)
	Page page(Sweep sweep, List<String> after) {
		String scan = (after == null) ? "(" + sweep.rows() + " order by " + sweep.ascending() + " limit :scan)"
				: "(" + sweep.rows() + " and " + sweep.through(sweep.ascending()) + " order by " + sweep.descending()
						+ " limit " + NEIGHBOURS + ") union all (" + sweep.rows() + " and "
						+ sweep.after(sweep.ascending()) + " order by " + sweep.ascending() + " limit :scan)";
		String sql = """
				with scanned as (select * from (%s) as r order by g, k, id),
				windowed as (
				  select id, g, k, array_agg(id) over w as before_ids, array_agg(k) over w as before_keys
				  from scanned
				  window w as (partition by g order by k, id rows between %d preceding and 1 preceding))
				select v.id, v.g, v.k, m.others
				from windowed v
				cross join lateral (
				  select array_agg(x.other order by x.other) as others
				  from unnest(v.before_ids, v.before_keys) as x(other, other_key)
				  where %s
				    and not exists (select 1 from duplicate_dismissal d
				                    where d.actor_a = least(v.id, x.other) and d.actor_b = greatest(v.id, x.other))
				) m
				where m.others is not null %s
				order by v.g, v.k, v.id
				limit :rows""".formatted(scan, NEIGHBOURS, sweep.pairs(),
				(after == null) ? "" : "and " + sweep.afterInScan());
		JdbcClient.StatementSpec statement = cursor(this.jdbc.sql(sql), after).param("scan", SCAN)
			.param("rows", PAGE_SIZE + 1);
		if (sweep == Sweep.NAME) {
			statement = statement.param("similarity", DuplicateActors.NAME_SIMILARITY);
		}
		List<Found> found = statement
			.query((rs, i) -> new Found(rs.getLong("id"), rs.getString("g"), rs.getString("k"),
					List.of((Long[]) rs.getArray("others").getArray())))
			.list();
		List<Pair> pairs = new ArrayList<>();
		found.stream()
			.limit(PAGE_SIZE)
			.forEach((f) -> f.others().forEach((other) -> pairs.add(new Pair(other, f.id()))));
		List<String> next;
		if (found.size() > PAGE_SIZE) {
			next = found.get(PAGE_SIZE - 1).key(sweep);
		}
		else {
			next = lastScanned(sweep, after);
		}
		return new Page(pairs, next);
	}

	/** Why each pair is suspected. */
	@Transactional(readOnly = true)
	List<SuspectPair> describe(List<Pair> pairs) {
		if (pairs.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				select p.a, p.b,
				       coalesce(left(x.siren_siret, 9) = left(y.siren_siret, 9), false) as same_siren,
				       coalesce(x.rna = y.rna, false) as same_rna,
				       case when x.commune_insee = y.commune_insee then similarity(lower(immutable_unaccent(x.name)),
				            lower(immutable_unaccent(y.name))) else 0 end as name_similarity
				from unnest(cast(:firsts as bigint[]), cast(:seconds as bigint[])) with ordinality as p(a, b, n)
				join actor x on x.id = p.a
				join actor y on y.id = p.b
				order by p.n""")
			.param("firsts", pairs.stream().map(Pair::first).toArray(Long[]::new))
			.param("seconds", pairs.stream().map(Pair::second).toArray(Long[]::new))
			.query((rs, i) -> {
				Set<SuspectReason> reasons = EnumSet.noneOf(SuspectReason.class);
				if (rs.getBoolean("same_siren")) {
					reasons.add(SuspectReason.SIREN);
				}
				if (rs.getBoolean("same_rna")) {
					reasons.add(SuspectReason.RNA);
				}
				double similarity = rs.getDouble("name_similarity");
				if (similarity >= DuplicateActors.NAME_SIMILARITY) {
					reasons.add(SuspectReason.NAME);
				}
				return new SuspectPair(rs.getLong("a"), rs.getLong("b"), reasons, similarity);
			})
			.list();
	}

	/**
	 * The key of the last actor a page examined when it examined as many as it may, or
	 * null when it reached the end of the directory.
	 */
	private List<String> lastScanned(Sweep sweep, List<String> after) {
		String sql = "select " + sweep.ascending() + " from actor where " + sweep.where()
				+ ((after == null) ? "" : " and " + sweep.after(sweep.ascending())) + " order by " + sweep.ascending()
				+ " offset :skip limit 1";
		return cursor(this.jdbc.sql(sql), after).param("skip", SCAN - 1).query((rs, i) -> {
			List<String> key = new ArrayList<>();
			for (int column = 1; column <= sweep.keySize(); column++) {
				key.add(rs.getString(column));
			}
			return key;
		}).optional().orElse(null);
	}

	private static JdbcClient.StatementSpec cursor(JdbcClient.StatementSpec statement, List<String> after) {
		if (after != null) {
			for (int i = 0; i < after.size(); i++) {
				statement = statement.param("c" + i,
						(i == after.size() - 1) ? (Object) Long.valueOf(after.get(i)) : after.get(i));
			}
		}
		return statement;
	}

	/** An actor of the sweep with the actors before it that it may duplicate. */
	private record Found(long id, String group, String key, List<Long> others) {

		List<String> key(Sweep sweep) {
			return (sweep.keySize() == 3) ? List.of(this.group, this.key, Long.toString(this.id))
					: List.of(this.group, Long.toString(this.id));
		}

	}

}
