package fr.lianes.repertoire.privacy;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import fr.lianes.repertoire.census.CensusRecords;
import fr.lianes.repertoire.directory.DirectoryRecords;
import fr.lianes.repertoire.mail.Attachment;
import fr.lianes.repertoire.mail.MailRecords;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The copy of what the directory holds about an address, asked by the owner of the
 * address: one JSON document, and the same as a CSV table of (path, value) rows, one per
 * value.
 */
@Component
class DataCopy {

	private final DirectoryRecords directory;

	private final CensusRecords census;

	private final MailRecords mail;

	private final JsonMapper json;

	DataCopy(DirectoryRecords directory, CensusRecords census, MailRecords mail, JsonMapper json) {
		this.directory = directory;
		this.census = census;
		this.mail = mail;
		this.json = json;
	}

	/** The copy as files to attach: data.json and data.csv. */
	@Transactional(propagation = Propagation.MANDATORY)
	List<Attachment> of(String email, OffsetDateTime at) {
		JsonNode tree = tree(email, at);
		return List.of(
				new Attachment("donnees-personnelles.json", "application/json",
						this.json.writerWithDefaultPrettyPrinter().writeValueAsString(tree)),
				new Attachment("donnees-personnelles.csv", "text/csv", csv(tree)));
	}

	JsonNode tree(String email, OffsetDateTime at) {
		Map<String, Object> copy = new LinkedHashMap<>();
		copy.put("email", email);
		copy.put("madeAt", at);
		copy.put("directory", this.directory.keptAbout(email));
		CensusRecords.KeptAbout census = this.census.keptAbout(email);
		copy.put("census",
				Map.of("responses", census.responses().stream().map(this::response).toList(), "links", census.links()));
		copy.put("mail", this.mail.keptAbout(email));
		return this.json.valueToTree(copy);
	}

	/** A response with its answers as the JSON they are stored as, not a string. */
	private Map<String, Object> response(CensusRecords.ResponseKept response) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("id", response.id());
		map.put("status", response.status());
		map.put("createdAt", response.createdAt());
		map.put("submittedAt", response.submittedAt());
		map.put("decidedAt", response.decidedAt());
		map.put("answers", this.json.readTree(response.content()));
		return map;
	}

	static String csv(JsonNode tree) {
		StringBuilder csv = new StringBuilder("path,value\r\n");
		flatten("", tree, csv);
		return csv.toString();
	}

	private static void flatten(String path, JsonNode node, StringBuilder csv) {
		if (node.isObject()) {
			for (Entry<String, JsonNode> field : node.properties()) {
				flatten(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), csv);
			}
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				flatten(path + "[" + i + "]", node.get(i), csv);
			}
		}
		else if (!node.isNull()) {
			csv.append(cell(path)).append(',').append(cell(node.asString())).append("\r\n");
		}
	}

	/** RFC 4180, and no cell a spreadsheet would run as a formula. */
	private static String cell(String value) {
		String text = (!value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0) ? "'" + value : value;
		return "\"" + text.replace("\"", "\"\"") + "\"";
	}

}
