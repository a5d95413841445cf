package fr.lianes.repertoire.moderation.reference;

import fr.lianes.repertoire.reference.Slugs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import fr.lianes.repertoire.moderation.reference.DeletionRefusedException.Reason;
import fr.lianes.repertoire.moderation.reference.ReferenceChanges.Affected;
import fr.lianes.repertoire.moderation.reference.ReferenceChanges.Change;
import fr.lianes.repertoire.moderation.reference.ReferenceChanges.Outcome;
import fr.lianes.repertoire.reference.ActorFamily;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.validation.Errors;

/**
 * Actor types as administrators manage them: add, rename, change family or IATI type,
 * move in the list, delete while no actor has the type.
 */
@Service
class ActorTypes {

	static final int NAME_MAX = 120;

	static final int CODE_MAX = 40;

	/** An actor type with its number of actors and its place in the list. */
	record Row(String code, String name, ActorFamily family, String iatiOrgType, long actors, boolean first,
			boolean last) {
	}

	private static final String ROWS = """
			select t.code, t.name, t.family, t.iati_org_type,
			       (select count(*) from actor a where a.actor_type_code = t.code)
			from actor_type t
			""";

	private final JdbcClient jdbc;

	private final ReferenceChanges changes;

	ActorTypes(JdbcClient jdbc, ReferenceChanges changes) {
		this.jdbc = jdbc;
		this.changes = changes;
	}

	List<Row> all() {
		List<Row> rows = this.jdbc.sql(ROWS + "order by t.position, t.code").query(this::row).list();
		List<Row> marked = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			Row r = rows.get(i);
			marked.add(
					new Row(r.code(), r.name(), r.family(), r.iatiOrgType(), r.actors(), i == 0, i == rows.size() - 1));
		}
		return marked;
	}

	Optional<Row> find(String code) {
		return this.jdbc.sql(ROWS + "where t.code = :code").param("code", code).query(this::row).optional();
	}

	ActorTypeForm form(Row type) {
		return new ActorTypeForm(type.code(), type.name(), type.family().name(), type.iatiOrgType());
	}

	/**
	 * Checks what the annotations cannot: a unique name and code, a known family and IATI
	 * type.
	 * @param existing the type being edited, null for a new one
	 */
	void check(ActorTypeForm form, Row existing, Errors errors) {
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
	Row create(ActorTypeForm form) {
		return this.changes.apply("reindex.reason.type", List.of(form.name()), () -> {
			this.jdbc.sql("""
					insert into actor_type (code, name, family, iati_org_type, position)
					values (:code, :name, :family, :iati, :position)""")
				.param("code", code(form))
				.param("name", form.name())
				.param("family", form.family())
				.param("iati", form.iatiOrgType())
				.param("position", Positions.next(this.jdbc, "actor_type", "true", null))
				.update();
			return new Change<>(find(code(form)).orElseThrow(), Affected.NONE);
		}).result();
	}

	/**
	 * Saves a type's name, family and IATI type; the form has been checked. A new name
	 * reindexes the published actors of the type (their documents carry it).
	 */
	Outcome<Row> update(Row type, ActorTypeForm form) {
		return this.changes.apply("reindex.reason.type", List.of(form.name()), () -> {
			this.jdbc
				.sql("update actor_type set name = :name, family = :family, iati_org_type = :iati where code = :code")
				.param("name", form.name())
				.param("family", form.family())
				.param("iati", form.iatiOrgType())
				.param("code", type.code())
				.update();
			Affected affected = type.name().equals(form.name()) ? Affected.NONE
					: this.changes.actorsWhere("a.actor_type_code = :code", Map.of("code", type.code()), false);
			return new Change<>(find(type.code()).orElseThrow(), affected);
		});
	}

	boolean move(Row type, boolean up) {
		return this.changes
			.apply("reindex.reason.type", List.of(type.name()),
					() -> new Change<>(Positions.move(this.jdbc, "actor_type", "code", "true", null, type.code(), up),
							Affected.NONE))
			.result();
	}

	/**
	 * Deletes a type no actor has.
	 * @throws DeletionRefusedException if actors have the type, or a questionnaire answer
	 * waiting for moderation names it
	 */
	void delete(Row type) {
		this.changes.apply("reindex.reason.type", List.of(type.name()), () -> {
			this.jdbc.sql("select code from actor_type where code = :code for update")
				.param("code", type.code())
				.query()
				.listOfRows();
			ReferenceChanges.refuseIfUsed(List.of(
					new Reason("reference.admin.delete.actors",
							this.jdbc.sql("select count(*) from actor where actor_type_code = :code")
								.param("code", type.code())
								.query(Long.class)
								.single()),
					new Reason("reference.admin.delete.submissions",
							this.jdbc.sql("""
									select count(*) from submission where status in ('SUBMITTED', 'CHANGES_REQUESTED')
									and content->'structure'->>'actorType' = :code""")
								.param("code", type.code())
								.query(Long.class)
								.single())));
			this.jdbc.sql("delete from actor_type where code = :code").param("code", type.code()).update();
			return new Change<>(null, Affected.NONE);
		});
	}

	private static String code(ActorTypeForm form) {
		return (form.code() == null || form.code().isBlank()) ? Slugs.slugify(form.name(), CODE_MAX) : form.code();
	}

	private Row row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
		return new Row(rs.getString(1), rs.getString(2), ActorFamily.valueOf(rs.getString(3)), rs.getString(4),
				rs.getLong(5), false, false);
	}

}
