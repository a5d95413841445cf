package fr.lianes.repertoire.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.lianes.repertoire.reference.ReferenceChanges.Change;
import fr.lianes.repertoire.reference.ReferenceDependents.Use;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.validation.Errors;

/**
 * The named territories as administrators manage them: add, rename, move in the list,
 * attach inter-municipal bodies (EPCI) to them, delete one that has none left.
 */
@Service
public class Territories {

	static final int NAME_MAX = 100;

	static final int SLUG_MAX = 80;

	/** A territory with its EPCI and actors, and its place in the list. */
	public record Row(short id, String slug, String name, long epcis, long actors, boolean first, boolean last) {
	}

	/** An EPCI with its territory and its number of actors. */
	public record Epci(String siren, String name, String nature, String territoryName, long actors) {
	}

	private static final String ROWS = """
			select t.id, t.slug, t.name,
			       (select count(*) from epci e where e.territory_id = t.id)
			from territory t
			""";

	private static final String EPCIS = """
			select e.siren, e.name, e.nature, t.name
			from epci e join territory t on t.id = e.territory_id
			""";

	private final JdbcClient jdbc;

	private final ReferenceChanges changes;

	Territories(JdbcClient jdbc, ReferenceChanges changes) {
		this.jdbc = jdbc;
		this.changes = changes;
	}

	public List<Row> all() {
		Map<Short, Long> actors = this.changes.counts(ReferenceDependents::actorsByTerritory);
		List<Row> rows = this.jdbc.sql(ROWS + "order by t.position, t.id").query(this::row).list();
		List<Row> marked = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			Row r = rows.get(i);
			marked.add(new Row(r.id(), r.slug(), r.name(), r.epcis(), actors.getOrDefault(r.id(), 0L), i == 0,
					i == rows.size() - 1));
		}
		return marked;
	}

	public Optional<Row> find(String slug) {
		return this.jdbc.sql(ROWS + "where t.slug = :slug")
			.param("slug", slug)
			.query(this::row)
			.optional()
			.map((r) -> new Row(r.id(), r.slug(), r.name(), r.epcis(),
					this.changes.counts(ReferenceDependents::actorsByTerritory).getOrDefault(r.id(), 0L), false,
					false));
	}

	public TerritoryForm form(Row territory) {
		return new TerritoryForm(territory.slug(), territory.name());
	}

	/** The EPCI of the territory, by name. */
	public List<Epci> epcis(Row territory) {
		return withActors(this.jdbc.sql(EPCIS + "where e.territory_id = :id order by e.name")
			.param("id", territory.id())
			.query(this::epci)
			.list());
	}

	/** The EPCI of other territories, which could be attached to this one. */
	public List<Epci> others(Row territory) {
		return withActors(this.jdbc.sql(EPCIS + "where e.territory_id <> :id order by e.name")
			.param("id", territory.id())
			.query(this::epci)
			.list());
	}

	private List<Epci> withActors(List<Epci> epcis) {
		Map<String, Long> actors = this.changes.counts(ReferenceDependents::actorsByEpci);
		return epcis.stream()
			.map((e) -> new Epci(e.siren(), e.name(), e.nature(), e.territoryName(),
					actors.getOrDefault(e.siren(), 0L)))
			.toList();
	}

	/**
	 * Checks what the annotations cannot: unique name and slug.
	 * @param existing the territory being edited, null for a new one
	 */
	public void check(TerritoryForm form, Row existing, Errors errors) {
		if (!errors.hasFieldErrors("name") && this.jdbc.sql("""
				select count(*) from territory where id <> :id
				and lower(immutable_unaccent(name)) = lower(immutable_unaccent(:name))""")
			.param("id", (existing != null) ? existing.id() : -1)
			.param("name", form.name())
			.query(Long.class)
			.single() > 0) {
			errors.rejectValue("name", "reference.admin.error.name-taken");
		}
		if (existing == null && !errors.hasFieldErrors("slug") && !errors.hasFieldErrors("name")) {
			String slug = slug(form);
			if (slug.isEmpty()) {
				errors.rejectValue("slug", "reference.admin.error.slug");
			}
			else if (find(slug).isPresent()) {
				errors.rejectValue("slug", "reference.admin.error.slug-taken", new Object[] { slug }, null);
			}
		}
	}

	/** Adds a territory at the end of the list; the form has been checked. */
	public Row create(TerritoryForm form) {
		return this.changes.apply("reindex.reason.territory", List.of(form.name()), () -> {
			this.jdbc.sql("insert into territory (slug, name, position) values (:slug, :name, :position)")
				.param("slug", slug(form))
				.param("name", form.name())
				.param("position", Positions.TERRITORY.next(this.jdbc, null))
				.update();
			return new Change<>(find(slug(form)).orElseThrow());
		}).result();
	}

	/**
	 * Renames a territory; the form has been checked. The published actors of its EPCI,
	 * and the projects they lead, are reindexed: their documents carry the name.
	 */
	public ListChange<Row> update(Row territory, TerritoryForm form) {
		return this.changes.apply("reindex.reason.territory", List.of(form.name()), () -> {
			this.jdbc.sql("update territory set name = :name where id = :id")
				.param("name", form.name())
				.param("id", territory.id())
				.update();
			return new Change<>(find(territory.slug()).orElseThrow(), territory.name().equals(form.name()) ? List.of()
					: this.changes.affectedBy(new ReferenceEntry.Territory(territory.id())));
		});
	}

	public boolean move(Row territory, boolean up) {
		return this.changes
			.apply("reindex.reason.territory", List.of(territory.name()),
					() -> new Change<>(Positions.TERRITORY.move(this.jdbc, null, territory.id(), up)))
			.result();
	}

	/**
	 * Attaches an EPCI to the territory, taking it from its current one. Its published
	 * actors, and the projects they lead, are reindexed: they change territory.
	 * @return the EPCI, or empty if no EPCI has this SIREN
	 */
	public Optional<ListChange<Epci>> attach(Row territory, String siren) {
		Optional<Epci> epci = this.jdbc.sql(EPCIS + "where e.siren = :siren")
			.param("siren", siren)
			.query(this::epci)
			.optional();
		return epci
			.map((found) -> this.changes.apply("reindex.reason.epci", List.of(found.name(), territory.name()), () -> {
				this.jdbc.sql("update epci set territory_id = :territory where siren = :siren")
					.param("territory", territory.id())
					.param("siren", siren)
					.update();
				return new Change<>(found, this.changes.affectedBy(new ReferenceEntry.Epci(siren)));
			}));
	}

	/**
	 * Deletes a territory without EPCI (and so without actors).
	 * @throws DeletionRefusedException if EPCI still belong to it
	 */
	public void delete(Row territory) {
		this.changes.apply("reindex.reason.territory", List.of(territory.name()), () -> {
			this.jdbc.sql("select id from territory where id = :id for update")
				.param("id", territory.id())
				.query()
				.listOfRows();
			this.changes.refuseIfUsed(new ReferenceEntry.Territory(territory.id()),
					List.of(new Use("reference.admin.delete.epcis",
							this.jdbc.sql("select count(*) from epci where territory_id = :id")
								.param("id", territory.id())
								.query(Long.class)
								.single())));
			this.jdbc.sql("delete from territory where id = :id").param("id", territory.id()).update();
			return new Change<>(null);
		});
	}

	private static String slug(TerritoryForm form) {
		return (form.slug() == null || form.slug().isBlank()) ? Slugs.slugify(form.name(), SLUG_MAX) : form.slug();
	}

	private Row row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
		return new Row(rs.getShort(1), rs.getString(2), rs.getString(3), rs.getLong(4), 0, false, false);
	}

	private Epci epci(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
		return new Epci(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), 0);
	}

}
