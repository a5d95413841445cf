package fr.lianes.repertoire.mail;

import java.util.List;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A text file sent with a mail (the copy of what the directory holds about a person).
 *
 * @param name the file's name, as the recipient sees it
 * @param contentType its MIME type, without charset (UTF-8 is added)
 * @param content the file's text
 */
public record Attachment(String name, String contentType, String content) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	public Attachment {
		if (name == null || name.isBlank() || name.codePoints().anyMatch(Character::isISOControl)) {
			throw new IllegalArgumentException("Not a file name: " + name);
		}
		if (contentType == null || !contentType.matches("[a-z]+/[a-z0-9.+-]+")) {
			throw new IllegalArgumentException("Not a MIME type: " + contentType);
		}
		content = (content != null) ? content : "";
	}

	static String toJson(List<Attachment> attachments) {
		return JSON.writeValueAsString(attachments);
	}

	static List<Attachment> fromJson(String json) {
		if (json == null || json.isBlank()) {
			return List.of();
		}
		return JSON.readValue(json, new TypeReference<List<Attachment>>() {
		});
	}

}
