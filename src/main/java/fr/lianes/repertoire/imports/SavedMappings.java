package fr.lianes.repertoire.imports;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.lianes.repertoire.imports.ImportRequest.ImportFile;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Mappings saved under a name ({@code import_mapping}) to be used again on the next
 * export of the same tool: the field of each column by its header (written the way
 * {@link ImportField#key} reads headers: without accents, case or punctuation), an
 * ignored column included, and the values mapped by hand.
 */
@Component
class SavedMappings {

	/** The longest name. */
	static final int NAME_LENGTH = 100;

	/** A saved mapping: field names (empty: ignored) by header key, and the values. */
	record Saved(Map<String, String> columns, Map<String, String> values) {
	}

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	SavedMappings(JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	/** The names saved, in alphabetical order. */
	List<String> names() {
		return this.jdbc.sql("select name from import_mapping order by lower(name), name").query(String.class).list();
	}

	Optional<Saved> find(String name) {
		return this.jdbc.sql("select mapping from import_mapping where name = :name")
			.param("name", name)
			.query(String.class)
			.optional()
			.map((text) -> this.json.readValue(text, Saved.class));
	}

	/**
	 * Saves the request's columns and values under the name, replacing a mapping of the
	 * same name.
	 */
	void save(String name, ImportRequest request, String by) {
		Map<String, String> columns = new LinkedHashMap<>();
		for (ImportFile file : request.files()) {
			for (int i = 0; i < file.mapping().headers().size(); i++) {
				ImportField field = file.mapping().fields().get(i);
				columns.put(ImportField.key(file.mapping().headers().get(i)), (field != null) ? field.name() : "");
			}
		}
		this.jdbc.sql("""
				insert into import_mapping (name, mapping, saved_by, saved_at) values (:name, :mapping, :by, :at)
				on conflict (name) do update set mapping = excluded.mapping, saved_by = excluded.saved_by,
				saved_at = excluded.saved_at""")
			.param("name", name)
			.param("mapping", this.json.writeValueAsString(new Saved(columns, request.valueMapping())))
			.param("by", by)
			.param("at", java.sql.Timestamp.from(this.clock.instant()))
			.update();
	}

	/** The file with the saved field of each column the mapping knows by its header. */
	static ImportFile apply(ImportFile file, Saved saved) {
		List<String> choices = new ArrayList<>();
		for (int i = 0; i < file.mapping().headers().size(); i++) {
			String known = saved.columns().get(ImportField.key(file.mapping().headers().get(i)));
			ImportField guessed = file.mapping().fields().get(i);
			choices.add((known != null && valid(known)) ? known : ((guessed != null) ? guessed.name() : ""));
		}
		return new ImportFile(file.path(), file.name(), file.format(), file.mapping().with(choices));
	}

	private static boolean valid(String field) {
		if (field.isEmpty()) {
			return true;
		}
		for (ImportField value : ImportField.values()) {
			if (value.name().equals(field)) {
				return true;
			}
		}
		return false;
	}

}
