package fr.lianes.repertoire.reference;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The reference lists (countries, domains, territories, actor types), held in memory:
 * they are small, read on every page and change only when an administrator edits them,
 * who then calls {@link #refresh()}. Each snapshot remembers the version of the lists it
 * was loaded at ({@code reference_list_version}, moved by any change of these tables, see
 * {@code V22__shared_state.sql}): with several instances, each one checks it now and then
 * ({@link ReferenceListsWatch}) and reloads what another instance changed.
 */
@Service
public class ReferenceData {

	private final JdbcClient jdbc;

	private volatile Snapshot snapshot;

	private final AtomicLong generation = new AtomicLong();

	ReferenceData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every country, by French name. */
	public List<CountryRef> countries() {
		return snapshot().countries;
	}

	/** The country of an ISO 3166-1 alpha-2 code, whatever its case. */
	public Optional<CountryRef> country(String iso2) {
		return (iso2 != null) ? Optional.ofNullable(snapshot().countriesByIso2.get(iso2.toUpperCase(Locale.ROOT)))
				: Optional.empty();
	}

	/** Domains and sub-domains, each domain followed by its sub-domains. */
	public List<DomainRef> domains() {
		return snapshot().domains;
	}

	public List<DomainRef> topLevelDomains() {
		return snapshot().domains.stream().filter(DomainRef::isTopLevel).toList();
	}

	public List<DomainRef> subDomains(short parentId) {
		return snapshot().domains.stream().filter((d) -> d.parentId() != null && d.parentId() == parentId).toList();
	}

	public Optional<DomainRef> domain(String slug) {
		return Optional.ofNullable(snapshot().domainsBySlug.get(slug));
	}

	public Optional<DomainRef> domain(short id) {
		return Optional.ofNullable(snapshot().domainsById.get(id));
	}

	public List<TerritoryRef> territories() {
		return snapshot().territories;
	}

	public Optional<TerritoryRef> territory(String slug) {
		return Optional.ofNullable(snapshot().territoriesBySlug.get(slug));
	}

	public Optional<TerritoryRef> territory(short id) {
		return snapshot().territories.stream().filter((t) -> t.id() == id).findFirst();
	}

	public List<ActorTypeRef> actorTypes() {
		return snapshot().actorTypes;
	}

	public Optional<ActorTypeRef> actorType(String code) {
		return Optional.ofNullable(snapshot().actorTypesByCode.get(code));
	}

	/** Reloads the lists after an administrator changed them. */
	public void refresh() {
		synchronized (this) {
			this.snapshot = load();
		}
		// after the new lists: whoever reads the new generation reads the new names
		this.generation.incrementAndGet();
	}

	/**
	 * Reloads the lists if they changed in the database since they were loaded (on
	 * another instance, or by hand).
	 * @return whether they were reloaded
	 */
	boolean refreshIfChanged() {
		Snapshot current = this.snapshot;
		if (current == null || current.version == readVersion()) {
			return false;
		}
		refresh();
		return true;
	}

	private long readVersion() {
		return this.jdbc.sql("select version from reference_list_version").query(Long.class).single();
	}

	/**
	 * How many times the lists were reloaded: a cache of anything showing their names
	 * keys it with this.
	 */
	public long generation() {
		return this.generation.get();
	}

	private Snapshot snapshot() {
		Snapshot current = this.snapshot;
		if (current == null) {
			synchronized (this) {
				if (this.snapshot == null) {
					this.snapshot = load();
				}
				current = this.snapshot;
			}
		}
		return current;
	}

	private Snapshot load() {
		// the version first: a change committed meanwhile is loaded again at the next
		// check
		long version = readVersion();
		List<CountryRef> countries = this.jdbc
			.sql("select iso2, name_fr, region_fr, subregion_fr, continent_fr, numeric_code from country "
					+ "order by name_fr collate \"fr-x-icu\"")
			.query((rs, i) -> new CountryRef(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6)))
			.list();
		List<DomainRef> domains = this.jdbc.sql("""
				select d.id, d.slug, d.name, d.parent_id
				from domain d left join domain p on p.id = d.parent_id
				order by coalesce(p.position, d.position), d.parent_id nulls first, d.position
				""")
			.query((rs, i) -> new DomainRef(rs.getShort(1), rs.getString(2), rs.getString(3),
					(Short) rs.getObject(4, Short.class)))
			.list();
		List<TerritoryRef> territories = this.jdbc.sql("select id, slug, name from territory order by position")
			.query((rs, i) -> new TerritoryRef(rs.getShort(1), rs.getString(2), rs.getString(3)))
			.list();
		List<ActorTypeRef> actorTypes = this.jdbc.sql("select code, name, family from actor_type order by position")
			.query((rs, i) -> new ActorTypeRef(rs.getString(1), rs.getString(2), ActorFamily.valueOf(rs.getString(3))))
			.list();
		return new Snapshot(version, countries, index(countries, CountryRef::iso2), domains,
				index(domains, DomainRef::slug), index(domains, DomainRef::id), territories,
				index(territories, TerritoryRef::slug), actorTypes, index(actorTypes, ActorTypeRef::code));
	}

	private static <K, V> Map<K, V> index(List<V> values, Function<V, K> key) {
		return values.stream().collect(Collectors.toUnmodifiableMap(key, Function.identity()));
	}

	private record Snapshot(long version, List<CountryRef> countries, Map<String, CountryRef> countriesByIso2,
			List<DomainRef> domains, Map<String, DomainRef> domainsBySlug, Map<Short, DomainRef> domainsById,
			List<TerritoryRef> territories, Map<String, TerritoryRef> territoriesBySlug, List<ActorTypeRef> actorTypes,
			Map<String, ActorTypeRef> actorTypesByCode) {

	}

}
