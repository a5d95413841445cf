package fr.lianes.repertoire.history;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.lianes.repertoire.testing.FreshDirectoryTest;
import fr.lianes.repertoire.testing.HtmlForms;
import fr.lianes.repertoire.testing.Questionnaire;
import fr.lianes.repertoire.testing.WebClient;
import org.junit.jupiter.api.Test;

import static fr.lianes.repertoire.testing.TypedActor.TypedProject.project;
import static fr.lianes.repertoire.testing.TypedActor.actor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The history rows every write path leaves, exactly as they were before the directory got
 * its write API: an approval of a new actor with two projects, an approved update, the
 * staff's edits of an actor, its contacts, a project, a status, a publication, and a
 * merge. The rows are compared with {@code history/characterization.txt}, ids replaced by
 * the names of what they designate.
 */
class HistoryRowsCharacterizationTests extends FreshDirectoryTest {

	private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"([0-9]+)\"");

	@Test
	void everyWritePathLeavesTheSameHistoryRows() throws IOException {
		long actor = Questionnaire.enter(this.port, this.jdbc, this.moderator,
				actor("histoire", "Les Amis de Tambacounda", "association-solidarite-internationale", "59000", "Lille")
					.description("Jumelage scolaire avec Tambacounda.")
					.project(
							project("Bibliothèque de quartier").in("SN").localities("Tambacounda").domains("education"))
					.project(project("Jardins partagés").in("SN", "ML")
						.localities("Kayes")
						.partner("Coopérative de Kayes", "Kayes", "ML")
						.domains("agriculture")));
		List<Long> projects = this.jdbc.sql("select id from project where lead_actor_id = ? order by id")
			.param(actor)
			.query(Long.class)
			.list();
		Map<String, String> names = new LinkedHashMap<>();
		names.put("actor", String.valueOf(actor));
		names.put("project1", String.valueOf(projects.get(0)));
		names.put("project2", String.valueOf(projects.get(1)));

		// an update sent by its author from the emailed link, then approved
		String email = this.jdbc.sql("select email from actor where id = ?").param(actor).query(String.class).single();
		WebClient author = startUpdate(email);
		assertThat(
				author.post("/recensement/structure",
						HtmlForms.fields(author.get("/recensement/structure").body(), "description",
								"Jumelage scolaire et culturel avec Tambacounda."))
					.uri())
			.isEqualTo("/recensement/contacts");
		String projectUrl = "/recensement/projets/p" + projects.get(1);
		assertThat(
				author
					.post(projectUrl,
							withButton(HtmlForms.fields(author.get(projectUrl).body(), "title",
									"Jardins partagés de Kayes")))
					.uri())
			.isEqualTo("/recensement/projets");
		assertThat(author.post("/recensement/envoi", "publication", "oui", "email", email).uri())
			.isEqualTo("/recensement/merci");
		long update = this.jdbc.sql("select id from submission where actor_id = ? and status = 'SUBMITTED'")
			.param(actor)
			.query(Long.class)
			.single();
		Questionnaire.approve(this.moderator, this.jdbc, update);

		// the staff's direct edits
		String edit = "/moderation/acteurs/" + actor + "/modifier";
		assertThat(this.moderator.post(edit, HtmlForms.fields(this.moderator.get(edit).body(), "acronym", "AAT")).uri())
			.isEqualTo("/moderation/acteurs/" + actor);
		String contacts = "/moderation/acteurs/" + actor + "/contacts";
		assertThat(
				this.moderator
					.post(contacts,
							withButton(HtmlForms.fields(this.moderator.get(contacts).body(), "contacts[0].role",
									"Présidente")))
					.uri())
			.isEqualTo("/moderation/acteurs/" + actor);
		String projectEdit = "/moderation/projets/" + projects.get(0) + "/modifier";
		assertThat(this.moderator.post(projectEdit,
				withButton(HtmlForms.fields(this.moderator.get(projectEdit).body(), "description",
						"Une bibliothèque ouverte le soir.")))
			.uri()).isEqualTo("/moderation/projets/" + projects.get(0));
		this.moderator.post("/moderation/acteurs/" + actor + "/statut", "version",
				version("/moderation/acteurs/" + actor), "statut", "DORMANT");
		this.moderator.post("/moderation/acteurs/" + actor + "/publication", "version",
				version("/moderation/acteurs/" + actor), "publier", "false");
		this.moderator.post("/moderation/acteurs/" + actor + "/publication", "version",
				version("/moderation/acteurs/" + actor), "publier", "true");
		this.moderator.post("/moderation/projets/" + projects.get(1) + "/publication", "version",
				version("/moderation/projets/" + projects.get(1)), "publier", "false");

		// a merge of another actor into this one
		long other = Questionnaire.enter(this.port, this.jdbc, this.moderator,
				actor("histoire-b", "Tambacounda Lille", "association-solidarite-internationale", "59000", "Lille")
					.project(project("Classes vertes à Tambacounda").in("SN")
						.localities("Tambacounda")
						.domains("echanges-scolaires")));
		names.put("other", String.valueOf(other));
		names.put("project3",
				String.valueOf(this.jdbc.sql("select id from project where lead_actor_id = ?")
					.param(other)
					.query(Long.class)
					.single()));
		WebClient.Page compare = this.moderator.get("/moderation/doublons/fusion?a=" + actor + "&b=" + other);
		List<String> fields = new ArrayList<>(List.of(HtmlForms.hidden(compare.body(), "/moderation/doublons/fusion")));
		fields.addAll(List.of("survivor", String.valueOf(actor)));
		this.moderator.post("/moderation/doublons/fusion", fields.toArray(String[]::new));
		assertThat(this.jdbc.sql("select count(*) from actor where id = ?").param(other).query(Long.class).single())
			.isZero();

		String rows = rows(names);
		// what was found, to compare with the expected file when they differ
		java.nio.file.Files.writeString(java.nio.file.Path.of("target/history-characterization-actual.txt"), rows);
		assertThat(rows).isEqualTo(expected());
	}

	/**
	 * The history of the actors and projects named, in the order it was written; ids and
	 * instants replaced by names.
	 */
	private String rows(Map<String, String> names) {
		Map<String, String> actors = new LinkedHashMap<>();
		Map<String, String> projects = new LinkedHashMap<>();
		names.forEach((name, id) -> (name.startsWith("project") ? projects : actors).put(id, "{" + name + "}"));
		List<String> rows = this.jdbc.sql("""
				select entity_type, entity_id, action, changed_by, changes::text, submission_id is not null, note
				from change_log
				where (entity_type = 'ACTOR' and entity_id in (:actors))
				   or (entity_type = 'PROJECT' and entity_id in (:projects))
				order by id""")
			.param("actors", actors.keySet().stream().map(Long::valueOf).toList())
			.param("projects", projects.keySet().stream().map(Long::valueOf).toList())
			.query((rs, i) -> String.join(" | ", rs.getString(1),
					(rs.getString(1).equals("ACTOR") ? actors : projects).get(rs.getString(2)), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getBoolean(6) ? "submission" : "-",
					String.valueOf(rs.getString(7))))
			.list();
		String text = String.join("\n", rows) + "\n";
		for (Map.Entry<String, String> actor : actors.entrySet()) {
			text = text.replace("n° " + actor.getKey() + ")", "n° " + actor.getValue() + ")");
		}
		return text.replaceAll("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z", "{instant}");
	}

	private static String expected() throws IOException {
		try (InputStream in = HistoryRowsCharacterizationTests.class
			.getResourceAsStream("/history/characterization.txt")) {
			assertThat(in).as("history/characterization.txt").isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	/**
	 * An author's browser with the questionnaire open on their entry, from the emailed
	 * link.
	 */
	private WebClient startUpdate(String email) {
		WebClient author = new WebClient(this.port);
		author.get("/recensement/mise-a-jour");
		author.post("/recensement/mise-a-jour", "email", email);
		String link = linkIn(mailTo(email, "mettre à jour"));
		author.get(link);
		assertThat(author.post("/recensement/lien", "jeton", link.substring(link.indexOf('=') + 1)).uri())
			.isEqualTo("/recensement/structure");
		return author;
	}

	private String version(String url) {
		Matcher matcher = VERSION.matcher(this.moderator.get(url).body());
		assertThat(matcher.find()).as("a version on " + url).isTrue();
		return matcher.group(1);
	}

	private static String[] withButton(String[] fields) {
		String[] sent = java.util.Arrays.copyOf(fields, fields.length + 2);
		sent[fields.length] = "action";
		sent[fields.length + 1] = "enregistrer";
		return sent;
	}

}
