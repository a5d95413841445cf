package fr.lianes.repertoire.imports;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import fr.lianes.repertoire.testing.WebClient;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The undo of an import that updated entries, over HTTP without JavaScript on a directory
 * started as production starts it: a first export is imported, then a newer one that
 * changes an actor (its email, address, a contact person added), its project (title,
 * country) and another actor, and adds a third. Undoing the second import removes the
 * actor it created, gives the actor and the project it updated their values from before
 * (the history says so), and leaves alone, listed, the actor a moderator edited since.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "repertoire.embedded-db.database=import_undo", "repertoire.demo.load-on-empty=false" })
class ImportUndoTests {

	private static final String ADMIN = "admin@import-undo.example";

	private static final String PASSWORD = "un mot de passe de test assez long";

	private static final String PATH = "/moderation/administration/import";

	private static final String HEADER = "Identifiant;Nom;Type de structure;Adresse;Code postal;Commune;Courriel;Contact;"
			+ "Identifiant projet;Titre du projet;Pays;Domaines;Nature de l'action\n";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Test
	void undoingAnImportGivesTheEntriesItUpdatedTheirValuesFromBefore() throws Exception {
		this.jdbc.sql("""
				insert into staff_user (email, display_name, password_hash, role) values (?, ?, ?, 'ADMIN')
				on conflict ((lower(email))) do nothing""")
			.params(ADMIN, "Sacha", this.encoder.encode(PASSWORD))
			.update();
		WebClient admin = new WebClient(this.port);
		admin.get("/connexion");
		assertThat(admin.post("/connexion", "email", ADMIN, "motDePasse", PASSWORD).uri()).isEqualTo("/moderation");

		String first = HEADER
				+ """
						U1;Les Amis de Kayes;Association de solidarité internationale;3 rue des Arts;59000;Lille;contact@amis-kayes.example;;P1;Forage à Kayes;Mali;Santé;Construction
						U2;Terre d'échanges;Association de solidarité internationale;12 place du Marché;62000;Arras;bonjour@terre.example;;P2;Jardins de Thiès;Sénégal;Agriculture;Formation
						""";
		String token = importFile(admin, "export-2025.csv", first);
		assertThat(ImportWebTests.finished(admin, token)
			.select("table caption:contains(Fiches importées) ~ tbody tr")
			.eachText()).containsExactly("Structures 2 0 0 0 0", "Projets 2 0 0 0 0");
		long amis = id("select id from actor where name = 'Les Amis de Kayes'");
		long terre = id("select id from actor where name = 'Terre d''échanges'");
		long forage = id("select id from project where title = 'Forage à Kayes'");

		String newer = HEADER
				+ """
						U1;Les Amis de Kayes;Association de solidarité internationale;8 boulevard Vauban;59000;Lille;ecrire@amis-kayes.example;Awa Diop;P1;Forage et château d'eau à Kayes;Mali, Sénégal;Santé;Construction
						U2;Terre d'échanges;Association de solidarité internationale;12 place du Marché;62000;Arras;contact@terre.example;;P2;Jardins de Thiès;Sénégal;Agriculture;Formation
						U3;Pont solidaire;Association de solidarité internationale;1 rue Neuve;80000;Amiens;;;P3;Bibliothèque de Ségou;Mali;Éducation;Formation
						""";
		String second = importFile(admin, "export-2026.csv", newer);
		Document done = ImportWebTests.finished(admin, second);
		assertThat(done.select("table caption:contains(Fiches importées) ~ tbody tr").eachText())
			.containsExactly("Structures 1 2 0 0 0", "Projets 1 1 1 0 0");
		assertThat(actor(amis)).containsEntry("email", "ecrire@amis-kayes.example")
			.containsEntry("address_line", "8 boulevard Vauban");
		assertThat(contacts(amis)).containsExactly("Awa Diop");
		assertThat(this.jdbc.sql("select title from project where id = ?").param(forage).query(String.class).single())
			.isEqualTo("Forage et château d'eau à Kayes");

		// a moderator unpublishes the other actor the newer export updated: the undo
		// leaves it alone
		Document moderation = Jsoup.parse(admin.get("/moderation/acteurs/" + terre).body());
		Element publication = moderation.selectFirst("form[action$=/publication]");
		assertThat(publication).isNotNull();
		assertThat(admin
			.post(publication.attr("action"), "version", publication.selectFirst("input[name=version]").val(),
					"publier", "false")
			.status()).isEqualTo(200);

		WebClient.Page undone = admin.post(PATH + "/" + second + "/annuler");
		assertThat(undone.uri()).isEqualTo(PATH + "/" + second + "/rapport");
		Document afterUndo = Jsoup.parse(undone.body());
		assertThat(afterUndo.select("[role=status]").text()).startsWith("Import annulé le");
		assertThat(afterUndo.select("#avancement li").eachText()).containsExactly("Structure « Terre d'échanges »");

		assertThat(this.jdbc.sql("select name from actor order by name").query(String.class).list())
			.containsExactly("Les Amis de Kayes", "Terre d'échanges");
		assertThat(actor(amis)).containsEntry("email", "contact@amis-kayes.example")
			.containsEntry("address_line", "3 rue des Arts");
		assertThat(contacts(amis)).as("the contact person the import added is removed").isEmpty();
		assertThat(this.jdbc.sql("select title from project where id = ?").param(forage).query(String.class).single())
			.isEqualTo("Forage à Kayes");
		assertThat(this.jdbc.sql("""
				select c.iso2 from project_country pc join country c on c.iso2 = pc.country_iso2
				where pc.project_id = ?""").param(forage).query(String.class).list()).containsExactly("ML");
		assertThat(actor(terre)).as("edited since: kept as the import left it")
			.containsEntry("email", "contact@terre.example");
		assertThat(this.jdbc.sql("""
				select changes::text from change_log where entity_type = 'ACTOR' and entity_id = ?
				and action = 'IMPORT_UNDONE'""").param(amis).query(String.class).single())
			.contains("ecrire@amis-kayes.example")
			.contains("contact@amis-kayes.example")
			.contains("3 rue des Arts");
		assertThat(this.jdbc.sql("""
				select note from change_log where entity_type = 'PROJECT' and entity_id = ?
				and action = 'IMPORT_UNDONE'""").param(forage).query(String.class).single())
			.isEqualTo("annulation de l’import de export-2026.csv par " + ADMIN);

		// the public page shows the values from before again
		String slug = this.jdbc.sql("select slug from actor where id = ?").param(amis).query(String.class).single();
		String page = Jsoup.parse(new WebClient(this.port).get("/acteurs/" + slug).body()).text();
		assertThat(page).contains("Forage à Kayes").doesNotContain("château d'eau");
	}

	private String importFile(WebClient admin, String name, String content) throws Exception {
		String token = ImportWebTests.sendFile(admin, this.port, name, content.getBytes(StandardCharsets.UTF_8));
		Document mapping = Jsoup.parse(admin.get(PATH + "/" + token).body());
		List<String> form = ImportWebTests.formOf(mapping);
		form.addAll(List.of("publier", "on"));
		assertThat(admin.post(PATH + "/" + token + "/essai", form.toArray(String[]::new)).status()).isEqualTo(200);
		assertThat(admin.post(PATH + "/" + token + "/import").uri()).isEqualTo(PATH + "/" + token + "/rapport");
		return token;
	}

	private long id(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	private Map<String, Object> actor(long id) {
		return this.jdbc.sql("select email, address_line from actor where id = ?").param(id).query().singleRow();
	}

	private List<String> contacts(long id) {
		return this.jdbc.sql("select full_name from contact_person where actor_id = ? order by position")
			.param(id)
			.query(String.class)
			.list();
	}

}
