package fr.lianes.repertoire.reference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import fr.lianes.repertoire.reference.ReferenceChanges.Change;
import fr.lianes.repertoire.reference.ReferenceDependents.Use;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.validation.Errors;

/**
 * The two-level domain taxonomy as administrators manage it: add a domain or a
 * sub-domain, rename it, change its DAC codes, move it among its siblings, delete it
 * while nothing uses it.
 */
@Service
public class Domains {

	static final int NAME_MAX = 120;

	static final int SLUG_MAX = 80;

	/**
	 * A domain with what uses it, and whether it comes first or last among its siblings
	 * (in {@link #all()} only).
	 */
	public record Row(short id, String slug, String name, Short parentId, String parentSlug, String parentName,
			long projects, long subDomains, boolean first, boolean last) {

		public boolean isTopLevel() {
			return this.parentId == null;
		}

	}

	/** A DAC purpose code with its French name. */
	public record DacCode(String code, String name) {
	}

	private static final String ROWS = """
			select d.id, d.slug, d.name, d.parent_id, p.slug, p.name,
			       (select count(*) from domain s where s.parent_id = d.id)
			from domain d left join domain p on p.id = d.parent_id
			""";

	private final JdbcClient jdbc;

	private final ReferenceChanges changes;

	Domains(JdbcClient jdbc, ReferenceChanges changes) {
		this.jdbc = jdbc;
		this.changes = changes;
	}

	/** Every domain followed by its sub-domains, in their order. */
	public List<Row> all() {
		Map<Short, Long> projects = this.changes.counts(ReferenceDependents::projectsByDomain);
		List<Row> rows = this.jdbc
			.sql(ROWS + "order by coalesce(p.position, d.position), coalesce(p.id, d.id), d.parent_id nulls first, "
					+ "d.position, d.id")
			.query(this::row)
			.list();
		List<Row> marked = new ArrayList<>();
		for (Row row : rows) {
			List<Row> siblings = rows.stream().filter((r) -> Objects.equals(r.parentId(), row.parentId())).toList();
			marked.add(new Row(row.id(), row.slug(), row.name(), row.parentId(), row.parentSlug(), row.parentName(),
					projects.getOrDefault(row.id(), 0L), row.subDomains(), siblings.get(0).equals(row),
					siblings.get(siblings.size() - 1).equals(row)));
		}
		return marked;
	}

	public Optional<Row> find(String slug) {
		return this.jdbc.sql(ROWS + "where d.slug = :slug")
			.param("slug", slug)
			.query(this::row)
			.optional()
			.map((r) -> new Row(r.id(), r.slug(), r.name(), r.parentId(), r.parentSlug(), r.parentName(),
					this.changes.counts(ReferenceDependents::projectsByDomain).getOrDefault(r.id(), 0L), r.subDomains(),
					false, false));
	}

	public List<DacCode> dacCodes(Row domain) {
		return this.jdbc.sql("""
				select s.code, s.name_fr from domain_dac_sector d join dac_sector s on s.code = d.dac_code
				where d.domain_id = :id order by s.code""")
			.param("id", domain.id())
			.query((rs, i) -> new DacCode(rs.getString(1), rs.getString(2)))
			.list();
	}

	/** The form of an existing domain. */
	public DomainForm form(Row domain) {
		return new DomainForm(domain.name(), domain.slug(), domain.parentSlug(),
				String.join(" ", dacCodes(domain).stream().map(DacCode::code).toList()));
	}

	/**
	 * Checks what only the database knows: names unique among siblings, slugs unique, the
	 * parent a domain, DAC codes known.
	 * @param existing the domain being edited, null for a new one
	 */
	public void check(DomainForm form, Row existing, Errors errors) {
		Short parentId = (existing != null) ? existing.parentId() : null;
		if (existing == null && !blank(form.parent())) {
			Optional<Row> parent = find(form.parent()).filter(Row::isTopLevel);
			if (parent.isEmpty()) {
				errors.rejectValue("parent", "reference.admin.error.parent");
			}
			else {
				parentId = parent.get().id();
			}
		}
		if (!errors.hasFieldErrors("name") && this.jdbc.sql("""
				select count(*) from domain where parent_id is not distinct from cast(:parent as smallint) and id <> :id
				and lower(immutable_unaccent(name)) = lower(immutable_unaccent(:name))""")
			.param("parent", parentId)
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
			else if (this.jdbc.sql("select count(*) from domain where slug = :slug")
				.param("slug", slug)
				.query(Long.class)
				.single() > 0) {
				errors.rejectValue("slug", "reference.admin.error.slug-taken", new Object[] { slug }, null);
			}
		}
		if (!errors.hasFieldErrors("dacCodes")) {
			Set<String> codes = dacCodes(form);
			List<String> unknown = new ArrayList<>(codes);
			if (!codes.isEmpty()) {
				unknown.removeAll(this.jdbc.sql("select code from dac_sector where code in (:codes)")
					.param("codes", codes)
					.query(String.class)
					.list());
			}
			if (!unknown.isEmpty()) {
				errors.rejectValue("dacCodes", "reference.admin.error.dac-unknown",
						new Object[] { String.join(", ", unknown) }, null);
			}
		}
	}

	/** Adds a domain, or a sub-domain after its siblings; the form has been checked. */
	public Row create(DomainForm form) {
		return this.changes.apply("reindex.reason.domain", List.of(form.name()), () -> {
			Short parentId = blank(form.parent()) ? null : find(form.parent()).orElseThrow().id();
			short id = this.jdbc.sql("""
					insert into domain (slug, name, parent_id, position) values (:slug, :name, :parent, :position)
					returning id""")
				.param("slug", slug(form))
				.param("name", form.name())
				.param("parent", parentId)
				.param("position", Positions.DOMAIN.next(this.jdbc, parentId))
				.query(Short.class)
				.single();
			saveDacCodes(id, dacCodes(form));
			return new Change<>(find(slug(form)).orElseThrow());
		}).result();
	}

	/**
	 * Renames a domain and sets its DAC codes; the form has been checked. A new name
	 * reindexes the projects classified in the domain (or in its sub-domains, whose
	 * documents carry their parent's name) and their actors.
	 */
	public ListChange<Row> update(Row domain, DomainForm form) {
		return this.changes.apply("reindex.reason.domain", List.of(form.name()), () -> {
			this.jdbc.sql("update domain set name = :name where id = :id")
				.param("name", form.name())
				.param("id", domain.id())
				.update();
			saveDacCodes(domain.id(), dacCodes(form));
			List<ReferenceDependents.Refresh> refreshes = List.of();
			if (!domain.name().equals(form.name())) {
				Set<Short> ids = new HashSet<>(this.jdbc.sql("select id from domain where id = :id or parent_id = :id")
					.param("id", domain.id())
					.query(Short.class)
					.list());
				refreshes = this.changes.affectedBy(new ReferenceEntry.Domains(ids));
			}
			return new Change<>(find(domain.slug()).orElseThrow(), refreshes);
		});
	}

	/** Moves a domain before (or after) its previous (next) sibling. */
	public boolean move(Row domain, boolean up) {
		return this.changes
			.apply("reindex.reason.domain", List.of(domain.name()),
					() -> new Change<>(Positions.DOMAIN.move(this.jdbc, domain.parentId(), domain.id(), up)))
			.result();
	}

	/**
	 * Deletes a domain nothing uses.
	 * @throws DeletionRefusedException if projects are classified in it, it has
	 * sub-domains, or a questionnaire answer waiting for moderation names it
	 */
	public void delete(Row domain) {
		this.changes.apply("reindex.reason.domain", List.of(domain.name()), () -> {
			this.jdbc.sql("select id from domain where id = :id for update")
				.param("id", domain.id())
				.query()
				.listOfRows();
			this.changes.refuseIfUsed(new ReferenceEntry.Domain(domain.id(), domain.slug()),
					List.of(new Use("reference.admin.delete.sub-domains",
							count("select count(*) from domain where parent_id = :id", domain))));
			this.jdbc.sql("delete from domain where id = :id").param("id", domain.id()).update();
			return new Change<>(null);
		});
	}

	private long count(String sql, Row domain) {
		return this.jdbc.sql(sql).param("id", domain.id()).query(Long.class).single();
	}

	private void saveDacCodes(short id, Set<String> codes) {
		this.jdbc.sql("delete from domain_dac_sector where domain_id = :id").param("id", id).update();
		for (String code : codes) {
			this.jdbc.sql("insert into domain_dac_sector (domain_id, dac_code) values (:id, :code)")
				.param("id", id)
				.param("code", code)
				.update();
		}
	}

	private static String slug(DomainForm form) {
		return blank(form.slug()) ? Slugs.slugify(form.name(), SLUG_MAX) : form.slug();
	}

	private static Set<String> dacCodes(DomainForm form) {
		if (blank(form.dacCodes())) {
			return Set.of();
		}
		return new LinkedHashSet<>(Arrays.asList(form.dacCodes().strip().split("[\\s,;]+")));
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	private Row row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
		return new Row(rs.getShort(1), rs.getString(2), rs.getString(3), rs.getObject(4, Short.class), rs.getString(5),
				rs.getString(6), 0, rs.getLong(7), false, false);
	}

}
