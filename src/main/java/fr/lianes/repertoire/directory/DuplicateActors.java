package fr.lianes.repertoire.directory;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Actors suspected to be one structure: those an entry seems to be (the questionnaire,
 * the review, the import), and, as moderators handle them, the sweep of the whole
 * directory a page at a time, the actors side by side and the pairs dismissed as two
 * structures. The merge of two actors into the one kept is written through
 * {@link Entries#merge}.
 */
@Service
public class DuplicateActors {

	/**
	 * The lowest trigram similarity (PostgreSQL pg_trgm, 0 to 1) of two lower-case,
	 * unaccented names that makes them suspects for moderators.
	 */
	public static final double NAME_SIMILARITY = 0.6;

	/** Actors examined per page of a sweep at most. */
	public static final int SCAN = SuspectPairs.SCAN;

	/** How many actors before each one, in the same group, a sweep compares it with. */
	public static final int NEIGHBOURS = SuspectPairs.NEIGHBOURS;

	/** A way through the directory, named in the page's address. */
	public enum Sweep {

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

		public String slug() {
			return this.slug;
		}

		public static Optional<Sweep> of(String slug) {
			return EnumSet.allOf(Sweep.class).stream().filter((sweep) -> sweep.slug.equals(slug)).findFirst();
		}

		/** The key of an actor in the index: one value per column. */
		public int keySize() {
			return this.order.size();
		}

		String where() {
			return this.where;
		}

		String pairs() {
			return this.pairs;
		}

		String rows() {
			String inner = (this.order.size() == 3) ? this.order.get(1) : "''";
			return "select id, " + this.order.get(0) + " as g, " + inner + " as k from actor where " + this.where;
		}

		String ascending() {
			return String.join(", ", this.order);
		}

		String descending() {
			return this.order.stream().map((column) -> column + " desc").collect(Collectors.joining(", "));
		}

		/** The actor's key after the cursor's, in the walked index. */
		String after(String columns) {
			return compare(columns, ">");
		}

		/** The actor's key up to the cursor's, in the walked index. */
		String through(String columns) {
			return compare(columns, "<=");
		}

		private String compare(String columns, String operator) {
			String cursor = IntStream.range(0, this.order.size())
				.mapToObj((i) -> "cast(:c" + i + " as " + ((i == this.order.size() - 1) ? "bigint" : "text") + ")")
				.collect(Collectors.joining(", "));
			return "(" + columns + ") " + operator + " (" + cursor + ")";
		}

		String afterInScan() {
			return after((this.order.size() == 3) ? "v.g, v.k, v.id" : "v.g, v.id");
		}

	}

	/**
	 * An actor suspected to be an entry, whether published or not.
	 *
	 * @param reasons never empty
	 * @param nameSimilarity trigram similarity of the names (0 to 1), 0 in another
	 * commune
	 */
	public record Suspect(long actorId, String slug, String name, String communeName, boolean published, String status,
			Set<SuspectReason> reasons, double nameSimilarity) {
	}

	/** An entry to look for in {@link #suspects(List, double, int)}. */
	public record Probe(String siret, String rna, String name, String communeInsee) {
	}

	/**
	 * The actor an entry is.
	 *
	 * @param published whether the actor is public; only then may its name and page be
	 * shown to the one who typed the entry
	 */
	public record Match(long actorId, boolean published, String name, String slug) {
	}

	/** Two actors suspected to be one: {@code first} comes first in the sweep. */
	public record Pair(long first, long second) {
	}

	/** A pair with why it is suspected. */
	public record SuspectPair(long first, long second, Set<SuspectReason> reasons, double nameSimilarity) {
	}

	/**
	 * @param pairs the pairs found, by the order of their second actor in the sweep
	 * @param next the key of the last actor examined, where the next page starts; null at
	 * the end of the directory
	 */
	public record Page(List<Pair> pairs, List<String> next) {
	}

	/**
	 * The meter counting the entries checked by {@link #suspects(List, double, int)} (an
	 * import's rows).
	 */
	public static final String PROBES = "repertoire.duplicates.probes";

	private final EntrySuspects suspects;

	private final Counter probes;

	private final SuspectPairs pairs;

	private final ActorCards cards;

	private final Dismissals dismissals;

	DuplicateActors(EntrySuspects suspects, SuspectPairs pairs, ActorCards cards, Dismissals dismissals,
			MeterRegistry meters) {
		this.suspects = suspects;
		this.probes = Counter.builder(PROBES)
			.description("Entries checked for the actors they may duplicate, many at once (an import's rows)")
			.register(meters);
		this.pairs = pairs;
		this.cards = cards;
		this.dismissals = dismissals;
	}

	/**
	 * The actors an entry may duplicate, the surest first (same SIREN, same RNA, then by
	 * name similarity in the same commune). Identifiers that are not valid are ignored;
	 * so is the name when the commune is not known.
	 * @param siret a SIREN or a SIRET, spaces, dots and dashes allowed
	 * @param excludeActorId the entry's own actor, if it has one
	 * @param minNameSimilarity from 0 (excluded) to 1 (the same words)
	 */
	public List<Suspect> suspects(String siret, String rna, String name, String communeInsee, Long excludeActorId,
			double minNameSimilarity, int limit) {
		return this.suspects.suspects(siret, rna, name, communeInsee, excludeActorId, minNameSimilarity, limit);
	}

	/**
	 * The actors each entry may duplicate, as
	 * {@link #suspects(String, String, String, String, Long, double, int)} finds them for
	 * one, in one query for all (an import's batch).
	 * @return for each probe, in their order, its suspects
	 */
	public List<List<Suspect>> suspects(List<Probe> probes, double minNameSimilarity, int limit) {
		this.probes.increment(probes.size());
		return this.suspects.suspects(probes, minNameSimilarity, limit);
	}

	/**
	 * The actor already in the directory that a new entry is, published actors first: the
	 * same SIREN, the same RNA or the same words as name in the same commune.
	 */
	public Optional<Match> sameEntry(String siret, String rna, String name, String communeInsee) {
		return this.suspects.find(siret, rna, name, communeInsee);
	}

	/**
	 * The suspected pairs of the actors after a cursor.
	 * @param after the key of the last actor of the previous page, or null to start
	 */
	public Page page(Sweep sweep, List<String> after) {
		return this.pairs.page(sweep, after);
	}

	/** Why each pair is suspected. */
	public List<SuspectPair> describe(List<Pair> pairs) {
		return this.pairs.describe(pairs);
	}

	/** An actor as moderators compare it, published or not. */
	@Transactional(readOnly = true)
	public Optional<ActorCard> card(long id) {
		return this.cards.find(id);
	}

	/** The actors of these ids that exist, by id. */
	@Transactional(readOnly = true)
	public Map<Long, ActorCard> cards(Collection<Long> ids) {
		return this.cards.find(ids);
	}

	/** The actor of a number or of a page address (its current or an old slug). */
	@Transactional(readOnly = true)
	public Optional<Long> idOf(String numberOrSlug) {
		return this.cards.idOf(numberOrSlug);
	}

	/** Remembers that two actors are not duplicates; nothing happens the second time. */
	@Transactional
	public void dismiss(long one, long other, String by) {
		this.dismissals.dismiss(one, other, by);
	}

	/** The actors an actor was dismissed with. */
	@Transactional(readOnly = true)
	public Set<Long> dismissedWith(long actorId) {
		return this.dismissals.dismissedWith(actorId);
	}

}
