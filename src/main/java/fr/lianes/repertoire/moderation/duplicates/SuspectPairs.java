package fr.lianes.repertoire.moderation.duplicates;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import fr.lianes.repertoire.census.Duplicates.Reason;

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
 * {@link DuplicateSuspects#NAME_SIMILARITY} similar), the same SIREN, the same RNA. A
 * page examines at most {@value #SCAN} actors, so it costs the same at any size of the
 * directory. Names that sort far apart in a commune are only found by the look-up of one
 * actor ({@link DuplicateSuspects}), which compares it with its whole commune.
 */
@Repository
class SuspectPairs {

	/** Actors with suspects shown per page. */
	static final int PAGE_SIZE = 20;

	/** Actors examined per page at most. */
	static final int SCAN = 2000;

	/** How many actors before each one, in the same group, it is compared with. */
	static final int NEIGHBOURS = 8;

	/** A way through the directory, named in the page's address. */
	enum Sweep {

		NAME("nom", List.of("commune_insee", "lower(immutable_unaccent(name))", "id"), "true",
				"similarity(v.k, x.other_key) >= :similarity"),

		SIREN("siren", List.of("left(siren_siret, 9)", "id"), "siren_siret is not null", "true"),

		RNA("rna", List.of("rna", "id"), "rna is not null", "true");

		private final String slug;

		/** The columns of the index walked: the group, the order inside it, the id. */
		private final List<String> order;

		private final String where;

		private final String pairs;

		Sweep(String slug, List<String> order, String where, String pairs) {
			this.slug = slug;
			this.order = order;
			this.where = where;
			this.pairs = pairs;
		}

		String slug() {
			return this.slug;
		}

		static Optional<Sweep> of(String slug) {
			return EnumSet.allOf(Sweep.class).stream().filter((sweep) -> sweep.slug.equals(slug)).findFirst();
		}

		/** The key of an actor in the index: one value per column. */
		int keySize() {
			return this.order.size();
		}

		private String rows() {
			String inner = (this.order.size() == 3) ? this.order.get(1) : "''";
			return "select id, " + this.order.get(0) + " as g, " + inner + " as k from actor where " + this.where;
		}

		private String ascending() {
			return String.join(", ", this.order);
		}

		private String descending() {
			return this.order.stream().map((column) -> column + " desc").collect(Collectors.joining(", "));
		}

		/** The actor's key after the cursor's, in the walked index. */
		private String after(String columns) {
			return compare(columns, ">");
		}

		/** The actor's key up to the cursor's, in the walked index. */
		private String through(String columns) {
			return compare(columns, "<=");
		}

		private String compare(String columns, String operator) {
			String cursor = IntStream.range(0, this.order.size())
				.mapToObj((i) -> "cast(:c" + i + " as " + ((i == this.order.size() - 1) ? "bigint" : "text") + ")")
				.collect(Collectors.joining(", "));
			return "(" + columns + ") " + operator + " (" + cursor + ")";
		}

		private String afterInScan() {
			return after((this.order.size() == 3) ? "v.g, v.k, v.id" : "v.g, v.id");
		}

	}

	/** Two actors suspected to be one: {@code first} comes first in the sweep. */
	record Pair(long first, long second) {
	}

	/** A pair with why it is suspected. */
	record SuspectPair(long first, long second, Set<Reason> reasons, double nameSimilarity) {
	}

	/**
	 * @param pairs the pairs found, by the order of their second actor in the sweep
	 * @param next the key of the last actor examined, where the next page starts; null at
	 * the end of the directory
	 */
	record Page(List<Pair> pairs, List<String> next) {
	}

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
				limit :rows""".formatted(scan, NEIGHBOURS, sweep.pairs,
				(after == null) ? "" : "and " + sweep.afterInScan());
		JdbcClient.StatementSpec statement = cursor(this.jdbc.sql(sql), after).param("scan", SCAN)
			.param("rows", PAGE_SIZE + 1);
		if (sweep == Sweep.NAME) {
			statement = statement.param("similarity", DuplicateSuspects.NAME_SIMILARITY);
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
				Set<Reason> reasons = EnumSet.noneOf(Reason.class);
				if (rs.getBoolean("same_siren")) {
					reasons.add(Reason.SIREN);
				}
				if (rs.getBoolean("same_rna")) {
					reasons.add(Reason.RNA);
				}
				double similarity = rs.getDouble("name_similarity");
				if (similarity >= DuplicateSuspects.NAME_SIMILARITY) {
					reasons.add(Reason.NAME);
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
		String sql = "select " + sweep.ascending() + " from actor where " + sweep.where
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
