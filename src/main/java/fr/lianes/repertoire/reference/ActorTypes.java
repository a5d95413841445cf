package fr.lianes.repertoire.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import fr.lianes.repertoire.reference.ReferenceChanges.Change;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.validation.Errors;

/**
 * Actor types as administrators manage them: add, rename, change family or IATI type,
 * move in the list, delete while no actor has the type.
 */
@Service
public class ActorTypes {

	static final int NAME_MAX = 120;

	static final int CODE_MAX = 40;

	/** An actor type with its number of actors and its place in the list. */
	public record Row(String code, String name, ActorFamily family, String iatiOrgType, long actors, boolean first,
			boolean last) {
	}

	private static final String ROWS = """
			select t.code, t.name, t.family, t.iati_org_type
			from actor_type t
			""";

	private final JdbcClient jdbc;

	private final ReferenceChanges changes;

	ActorTypes(JdbcClient jdbc, ReferenceChanges changes) {
		this.jdbc = jdbc;
		this.changes = changes;
	}

	public List<Row> all() {
		Map<String, Long> actors = this.changes.counts(ReferenceDependents::actorsByType);
		List<Row> rows = this.jdbc.sql(ROWS + "order by t.position, t.code").query(this::row).list();
		List<Row> marked = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			Row r = rows.get(i);
			marked.add(new Row(r.code(), r.name(), r.family(), r.iatiOrgType(), actors.getOrDefault(r.code(), 0L),
					i == 0, i == rows.size() - 1));
		}
		return marked;
	}

	public Optional<Row> find(String code) {
		return this.jdbc.sql(ROWS + "where t.code = :code")
			.param("code", code)
			.query(this::row)
			.optional()
			.map((r) -> new Row(r.code(), r.name(), r.family(), r.iatiOrgType(),
					this.changes.counts(ReferenceDependents::actorsByType).getOrDefault(r.code(), 0L), false, false));
	}

	public ActorTypeForm form(Row type) {
		return new ActorTypeForm(type.code(), type.name(), type.family().name(), type.iatiOrgType());
	}

	/**
	 * Checks what the annotations cannot: a unique name and code, a known family and IATI
	 * type.
	 * @param existing the type being edited, null for a new one
	 */
	public void check(ActorTypeForm form, Row existing, Errors errors) {
		if (!errors.hasFieldErrors("name") && this.jdbc.sql("""
				select count(*) from actor_type where code <> :code
				and lower(immutable_unaccent(name)) = lower(immutable_unaccent(:name))""")
			.param("code", (existing != null) ? existing.code() : "")
			.param("name", form.name())
			.query(Long.class)
			.single() > 0) {
			errors.rejectValue("name", "reference.admin.error.name-taken");
		}
		if (existing == null && !errors.hasFieldErrors("code") && !errors.hasFieldErrors("name")) {
			String code = code(form);
			if (code.isEmpty()) {
				errors.rejectValue("code", "reference.admin.error.slug");
			}
			else if (find(code).isPresent()) {
				errors.rejectValue("code", "reference.admin.error.code-taken", new Object[] { code }, null);
			}
		}
		if (!errors.hasFieldErrors("family")
				&& Stream.of(ActorFamily.values()).noneMatch((f) -> f.name().equals(form.family()))) {
			errors.rejectValue("family", "reference.admin.error.choose");
		}
		if (!errors.hasFieldErrors("iatiOrgType") && !IatiOrganisationTypes.CODES.contains(form.iatiOrgType())) {
			errors.rejectValue("iatiOrgType", "reference.admin.error.choose");
		}
	}

	/** Adds a type at the end of the list; the form has been checked. */
	public Row create(ActorTypeForm form) {
		return this.changes.apply("reindex.reason.type", List.of(form.name()), () -> {
			this.jdbc.sql("""
					insert into actor_type (code, name, family, iati_org_type, position)
					values (:code, :name, :family, :iati, :position)""")
				.param("code", code(form))
				.param("name", form.name())
				.param("family", form.family())
				.param("iati", form.iatiOrgType())
				.param("position", Positions.ACTOR_TYPE.next(this.jdbc, null))
				.update();
			return new Change<>(find(code(form)).orElseThrow());
		}).result();
	}

	/**
	 * Saves a type's name, family and IATI type; the form has been checked. A new name
	 * reindexes the published actors of the type (their documents carry it).
	 */
	public ListChange<Row> update(Row type, ActorTypeForm form) {
		return this.changes.apply("reindex.reason.type", List.of(form.name()), () -> {
			this.jdbc
				.sql("update actor_type set name = :name, family = :family, iati_org_type = :iati where code = :code")
				.param("name", form.name())
				.param("family", form.family())
				.param("iati", form.iatiOrgType())
				.param("code", type.code())
				.update();
			return new Change<>(find(type.code()).orElseThrow(), type.name().equals(form.name()) ? List.of()
					: this.changes.affectedBy(new ReferenceEntry.ActorType(type.code())));
		});
	}

	public boolean move(Row type, boolean up) {
		return this.changes
			.apply("reindex.reason.type", List.of(type.name()),
					() -> new Change<>(Positions.ACTOR_TYPE.move(this.jdbc, null, type.code(), up)))
			.result();
	}

	/**
	 * Deletes a type no actor has.
	 * @throws DeletionRefusedException if actors have the type, or a questionnaire answer
	 * waiting for moderation names it
	 */
	public void delete(Row type) {
		this.changes.apply("reindex.reason.type", List.of(type.name()), () -> {
			this.jdbc.sql("select code from actor_type where code = :code for update")
				.param("code", type.code())
				.query()
				.listOfRows();
			this.changes.refuseIfUsed(new ReferenceEntry.ActorType(type.code()), List.of());
			this.jdbc.sql("delete from actor_type where code = :code").param("code", type.code()).update();
			return new Change<>(null);
		});
	}

	private static String code(ActorTypeForm form) {
		return (form.code() == null || form.code().isBlank()) ? Slugs.slugify(form.name(), CODE_MAX) : form.code();
	}

	private Row row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
		return new Row(rs.getString(1), rs.getString(2), ActorFamily.valueOf(rs.getString(3)), rs.getString(4), 0,
				false, false);
	}

}
