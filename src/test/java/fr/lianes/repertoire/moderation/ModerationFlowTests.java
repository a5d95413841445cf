package fr.lianes.repertoire.moderation;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMailUtil;
import fr.lianes.repertoire.testing.CensusWebTest;
import fr.lianes.repertoire.testing.HtmlForms;
import fr.lianes.repertoire.testing.Questionnaire;
import fr.lianes.repertoire.testing.WebClient;
import fr.lianes.repertoire.time.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Moderation over HTTP, without JavaScript: a response reviewed field by field, approved
 * (published and searchable at once), rejected, or sent back to its author and answered
 * again; every decision mailed; entries edited directly without ever overwriting a newer
 * version silently.
 */
class ModerationFlowTests extends CensusWebTest {

	private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"([0-9]+)\"");

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private PasswordEncoder encoder;

	private WebClient moderator;

	@BeforeEach
	void signIn() {
		staffAccount(this.jdbc, this.encoder, "moderatrice@lianes.example", "MODERATOR");
		staffAccount(this.jdbc, this.encoder, "moderateur@lianes.example", "MODERATOR");
		this.moderator = signedIn(this.port, "moderatrice@lianes.example");
	}

	@Test
	void anApprovedNewActorIsPublishedSearchableAndToldByEmail() {
		Questionnaire.sendNewActor(new WebClient(this.port), "Association Approuvée Modération",
				"approuvee@asso.example");
		long id = submission("approuvee@asso.example");

		assertThat(this.moderator.get("/moderation").body()).contains("Association Approuvée Modération",
				"/moderation/soumissions/" + id);
		assertThat(this.moderator.get("/moderation?type=mise-a-jour").body())
			.doesNotContain("Association Approuvée Modération");
		WebClient.Page review = this.moderator.get("/moderation/soumissions/" + id);
		assertThat(review.body()).contains("Nouvelle structure", "Projet de Association Approuvée Modération",
				"Dominique Auteur", "ajouté", "approuvee@asso.example");

		WebClient.Page queue = approve(id, review);
		assertThat(queue.uri()).isEqualTo("/moderation");
		assertThat(queue.body()).contains("La réponse de Association Approuvée Modération est approuvée");

		String slug = this.jdbc
			.sql("select a.slug from actor a join submission s on s.actor_id = a.id where s.id = ? and a.published")
			.param(id)
			.query(String.class)
			.single();
		WebClient visitor = new WebClient(this.port);
		assertThat(visitor.get("/acteurs?q=Approuvée+Modération").body()).contains("/acteurs/" + slug);
		assertThat(visitor.get("/acteurs/" + slug).body()).contains("Projet de Association Approuvée Modération",
				"Dominique Auteur");
		assertThat(GreenMailUtil.getBody(mailTo("approuvee@asso.example", "validée"))).contains("/acteurs/" + slug);

		long actorId = this.jdbc.sql("select actor_id from submission where id = ?")
			.param(id)
			.query(Long.class)
			.single();
		assertThat(org.jsoup.Jsoup.parse(this.moderator.get("/moderation/acteurs?q=approuvée+modération").body())
			.select("table a[href=/moderation/acteurs/" + actorId + "]")
			.text()).isEqualTo("Association Approuvée Modération");
		assertThat(this.moderator.get("/moderation/acteurs/" + actorId).body()).contains(
				"Création à partir d’une réponse au recensement", "moderatrice@lianes.example",
				"Association Approuvée Modération");
		// a decision is taken once: the second click finds it taken
		assertThat(approve(id, review).body()).contains("déjà été traitée");
		assertThat(this.jdbc.sql("select count(*) from actor where name = 'Association Approuvée Modération'")
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void theReviewNamesTheEntriesAResponseMayDuplicate() {
		var existing = this.jdbc.sql("""
				select id, name, siren_siret from actor where published and length(siren_siret) = 14
				order by id limit 1""")
			.query((rs, i) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getString(3) })
			.single();
		Questionnaire.sendNewActor(new WebClient(this.port), "Un Nom Sans Rapport Doublon",
				"doublon.revue@asso.example", "siret", (String) existing[2], "pasUnDoublon", "true");
		WebClient.Page review = this.moderator
			.get("/moderation/soumissions/" + submission("doublon.revue@asso.example"));
		String text = org.jsoup.Jsoup.parse(review.body()).select("#doublons-titre + p + ul").text();
		assertThat(text).contains((String) existing[1], "Même SIREN (" + ((String) existing[2]).substring(0, 9) + ")");
		assertThat(review.body()).contains("/moderation/acteurs/" + existing[0]);
	}

	@Test
	void aRejectionNeedsAReasonWhichTheAuthorReceives() {
		Questionnaire.sendNewActor(new WebClient(this.port), "Association Refusée Modération", "refusee@asso.example");
		long id = submission("refusee@asso.example");
		WebClient.Page review = this.moderator.get("/moderation/soumissions/" + id);

		WebClient.Page empty = this.moderator.post("/moderation/soumissions/" + id + "/refuser", "version",
				version(review), "motif", "  ");
		assertThat(empty.body()).contains("Écrivez le message destiné à l’auteur", "aria-invalid=\"true\"");
		assertThat(status(id)).isEqualTo("SUBMITTED");

		this.moderator.post("/moderation/soumissions/" + id + "/refuser", "version", version(review), "motif",
				"Votre structure n’a pas d’action de coopération internationale.");
		assertThat(status(id)).isEqualTo("REJECTED");
		assertThat(GreenMailUtil.getBody(mailTo("refusee@asso.example", "pas été retenue")))
			.contains("pas d=E2=80=99action de coop");
		assertThat(this.jdbc.sql("select count(*) from actor where name = 'Association Refusée Modération'")
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void aRequestForChangesGoesBackToTheAuthorWhoseNewAnswerIsApproved() {
		Questionnaire.sendNewActor(new WebClient(this.port), "Association À Préciser", "preciser@asso.example");
		long id = submission("preciser@asso.example");
		WebClient.Page review = this.moderator.get("/moderation/soumissions/" + id);
		this.moderator.post("/moderation/soumissions/" + id + "/modifications", "version", version(review), "demande",
				"Pouvez-vous préciser la description de votre association ?");
		assertThat(status(id)).isEqualTo("CHANGES_REQUESTED");

		// the author, in another browser, follows the emailed link to their answers
		WebClient author = new WebClient(this.port);
		var mail = mailTo("preciser@asso.example", "précision est nécessaire");
		assertThat(GreenMailUtil.getBody(mail)).contains("pr=C3=A9ciser la description");
		String link = linkIn(mail);
		author.get(link);
		WebClient.Page structure = author.post("/recensement/lien", "jeton", link.substring(link.indexOf('=') + 1));
		assertThat(structure.uri()).isEqualTo("/recensement/structure");
		assertThat(org.jsoup.Jsoup.parse(structure.body()).select("#name").val()).isEqualTo("Association À Préciser");
		String[] answers = Questionnaire.structure("Association À Préciser");
		answers[answers.length - 3] = "Une association qui scolarise des enfants au Sénégal depuis 1998.";
		author.post("/recensement/structure", answers);
		assertThat(author.post("/recensement/envoi", "publication", "oui", "email", "preciser@asso.example").uri())
			.isEqualTo("/recensement/merci");

		long second = this.jdbc
			.sql("select id from submission where author_email = 'preciser@asso.example' and status = 'SUBMITTED'")
			.query(Long.class)
			.single();
		assertThat(second).isNotEqualTo(id);
		WebClient.Page again = this.moderator.get("/moderation/soumissions/" + second);
		assertThat(again.body()).contains("scolarise des enfants");
		approve(second, again);
		assertThat(status(second)).isEqualTo("APPROVED");
		assertThat(this.jdbc.sql("select description from actor where name = 'Association À Préciser'")
			.query(String.class)
			.single()).contains("scolarise des enfants");
	}

	@Test
	void anUpdateIsShownFieldByFieldAndApprovedIntoTheEntryAndItsHistory() {
		var actor = this.jdbc.sql("""
				select a.id, a.email, (select p.id from project p where p.lead_actor_id = a.id and p.published
				                      order by p.id limit 1) from actor a
				where a.published and a.email is not null and a.status = 'ACTIVE'
				  and exists (select 1 from project p where p.lead_actor_id = a.id and p.published)
				  and (select count(*) from actor b where lower(b.email) = lower(a.email)) = 1
				  and not exists (select 1 from submission s where s.actor_id = a.id)
				  and exists (select 1 from contact_person c where c.actor_id = a.id)
				order by a.id desc limit 1""")
			.query((rs, i) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getLong(3) })
			.single();
		long actorId = (Long) actor[0];
		String email = (String) actor[1];
		long projectId = (Long) actor[2];
		WebClient author = startUpdate(email);
		WebClient.Page project = author.get("/recensement/projets/p" + projectId);
		String title = "Projet renommé en modération " + projectId;
		assertThat(author.post("/recensement/projets/p" + projectId, formOf(project.body(), "title", title, "action"))
			.uri()).isEqualTo("/recensement/projets");
		long id = send(author, email, actorId);

		WebClient.Page review = this.moderator.get("/moderation/soumissions/" + id);
		assertThat(review.body()).contains("Mise à jour", title, "modifié").doesNotContain("a été fusionnée");
		// an entry merged into this one since the response started: the moderator is
		// warned
		this.jdbc.sql(
				"insert into change_log (entity_type, entity_id, action, changed_by, changed_at) values ('ACTOR', ?, 'MERGED', ?, ?)")
			.params(actorId, "test@lianes.example", java.sql.Timestamp.from(TestClock.get().instant()))
			.update();
		review = this.moderator.get("/moderation/soumissions/" + id);
		assertThat(review.body()).contains("Une autre fiche a été fusionnée dans celle-ci");
		approve(id, review);
		assertThat(
				this.jdbc.sql("select title from project where id = ?").param(projectId).query(String.class).single())
			.isEqualTo(title);
		assertThat(this.moderator.get("/moderation/projets/" + projectId).body()).contains("Mise à jour approuvée",
				title);
		assertThat(org.jsoup.Jsoup
			.parse(new WebClient(this.port).get("/projets?q=" + "renommé+en+modération+" + projectId).body())
			.text()).contains(title);
	}

	@Test
	void anApprovalChangesOnlyWhatItsAuthorSawAndWaitsForAnEntryChangedMeanwhile() {
		var actor = this.jdbc
			.sql("""
					select a.id, a.email from actor a
					where a.published and a.email is not null and a.status = 'ACTIVE'
					  and (select count(*) from actor b where lower(b.email) = lower(a.email)) = 1
					  and not exists (select 1 from submission s where s.actor_id = a.id)
					  and exists (select 1 from contact_person c where c.actor_id = a.id)
					  and not exists (select 1 from contact_person c where c.actor_id = a.id and lower(c.email) = lower(a.email))
					order by a.id desc limit 1 offset 3""")
			.query((rs, i) -> new Object[] { rs.getLong(1), rs.getString(2) })
			.single();
		long actorId = (Long) actor[0];
		String email = (String) actor[1];
		// a person whose email was never made public: the author does not see it
		this.jdbc.sql("""
				insert into contact_person (actor_id, full_name, email, position, created_at)
				values (?, 'Personne Discrète', 'discrete@asso.example', 9, ?)""")
			.param(actorId)
			.param(java.sql.Timestamp.from(TestClock.get().instant().minus(java.time.Duration.ofDays(1))))
			.update();
		WebClient author = startUpdate(email);
		assertThat(author.get("/recensement/contacts").body()).contains("Personne Discr")
			.doesNotContain("discrete@asso.example");
		// a person added by the staff after the questionnaire started
		this.jdbc.sql("""
				insert into contact_person (actor_id, full_name, email, position, created_at)
				values (?, 'Personne Ajoutée Après', 'apres@asso.example', 10, ?)""")
			.param(actorId)
			.param(java.sql.Timestamp.from(TestClock.get().instant().plusSeconds(1)))
			.update();
		long id = send(author, email, actorId);

		WebClient.Page review = this.moderator.get("/moderation/soumissions/" + id);
		String text = org.jsoup.Jsoup.parse(review.body()).text();
		assertThat(text).doesNotContain("Personne Ajoutée Après").doesNotContain("retiré");
		assertThat(org.jsoup.Jsoup.parse(review.body()).select("tr.changed").text()).doesNotContain("Adresse e-mail");

		// someone changes the entry while the response is open: approving waits
		WebClient other = signedIn(this.port, "moderateur@lianes.example");
		WebClient.Page edit = other.get("/moderation/acteurs/" + actorId + "/modifier");
		other.post("/moderation/acteurs/" + actorId + "/modifier",
				formOf(edit.body(), "description", "Changée pendant la relecture."));
		assertThat(approve(id, review).body()).contains("La fiche a été modifiée depuis que vous avez ouvert");
		assertThat(status(id)).isEqualTo("SUBMITTED");

		WebClient.Page again = this.moderator.get("/moderation/soumissions/" + id);
		assertThat(org.jsoup.Jsoup.parse(again.body()).text()).contains("Changée pendant la relecture.");
		approve(id, again);
		assertThat(status(id)).isEqualTo("APPROVED");
		assertThat(this.jdbc.sql("select email from contact_person where actor_id = ? and full_name = ?")
			.params(actorId, "Personne Discrète")
			.query(String.class)
			.single()).isEqualTo("discrete@asso.example");
		assertThat(this.jdbc.sql("select count(*) from contact_person where actor_id = ? and full_name = ?")
			.params(actorId, "Personne Ajoutée Après")
			.query(Integer.class)
			.single()).isOne();
	}

	@Test
	void twoModeratorsEditingTheSameActorNeverOverwriteEachOtherSilently() {
		long actorId = this.jdbc.sql("select id from actor where published order by id limit 1 offset 40")
			.query(Long.class)
			.single();
		WebClient other = signedIn(this.port, "moderateur@lianes.example");
		WebClient.Page mine = this.moderator.get("/moderation/acteurs/" + actorId + "/modifier");
		WebClient.Page theirs = other.get("/moderation/acteurs/" + actorId + "/modifier");
		assertThat(version(mine)).isEqualTo(version(theirs));

		WebClient.Page saved = other.post("/moderation/acteurs/" + actorId + "/modifier",
				formOf(theirs.body(), "description", "La description de l’autre modérateur."));
		assertThat(saved.uri()).isEqualTo("/moderation/acteurs/" + actorId);
		assertThat(saved.body()).contains("Les modifications sont enregistrées");

		WebClient.Page conflict = this.moderator.post("/moderation/acteurs/" + actorId + "/modifier",
				formOf(mine.body(), "description", "Ma description à moi."));
		assertThat(conflict.body()).contains("Quelqu’un a modifié cette fiche entre-temps",
				"La description de l’autre modérateur.", "Ma description à moi.");
		assertThat(description(actorId)).isEqualTo("La description de l’autre modérateur.");

		// nothing typed is lost: the form still holds it, and saving it again is a choice
		WebClient.Page mineAgain = this.moderator.post("/moderation/acteurs/" + actorId + "/modifier",
				formOf(conflict.body(), "description", "Ma description à moi."));
		assertThat(mineAgain.uri()).isEqualTo("/moderation/acteurs/" + actorId);
		assertThat(description(actorId)).isEqualTo("Ma description à moi.");
		assertThat(mineAgain.body()).contains("moderateur@lianes.example", "moderatrice@lianes.example",
				"La description de l’autre modérateur.", "Modification par l’équipe");
	}

	@Test
	void twoSimultaneousSavesOfOneProjectLeaveOneWinnerAndTheOtherSeesTheConflict() throws Exception {
		long projectId = this.jdbc.sql("select id from project where published order by id limit 1 offset 50")
			.query(Long.class)
			.single();
		String url = "/moderation/projets/" + projectId + "/modifier";
		WebClient other = signedIn(this.port, "moderateur@lianes.example");
		String[] mine = formOf(this.moderator.get(url).body(), "description", "Description A, simultanée.", "action");
		String[] theirs = formOf(other.get(url).body(), "description", "Description B, simultanée.", "action");
		var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			var first = pool.submit(() -> this.moderator.post(url, mine));
			var second = pool.submit(() -> other.post(url, theirs));
			List<WebClient.Page> pages = List.of(first.get(), second.get());
			List<WebClient.Page> saved = pages.stream()
				.filter((page) -> page.uri().equals("/moderation/projets/" + projectId))
				.toList();
			assertThat(saved).hasSize(1);
			WebClient.Page loser = pages.stream().filter((page) -> !saved.contains(page)).findFirst().orElseThrow();
			assertThat(loser.body()).contains("Quelqu’un a modifié cette fiche entre-temps");
			String stored = this.jdbc.sql("select description from project where id = ?")
				.param(projectId)
				.query(String.class)
				.single();
			String lost = stored.startsWith("Description A") ? "Description B, simultanée."
					: "Description A, simultanée.";
			// the loser's text is still in its form, next to the winner's shown as the
			// saved version
			assertThat(org.jsoup.Jsoup.parse(loser.body()).select("#description").val()).isEqualTo(lost);
			assertThat(org.jsoup.Jsoup.parse(loser.body()).select(".conflict").text()).contains(stored, lost);
		}
		finally {
			pool.shutdown();
		}
	}

	@Test
	void theStaffEditContactPersonsAndTheirConsentsWhichTheHistoryRecords() {
		long actorId = this.jdbc.sql("""
				select a.id from actor a where a.published
				and exists (select 1 from contact_person c where c.actor_id = a.id)
				order by a.id limit 1 offset 44""").query(Long.class).single();
		String url = "/moderation/acteurs/" + actorId + "/contacts";
		WebClient.Page form = this.moderator.get(url);
		java.util.List<String> add = new java.util.ArrayList<>(
				java.util.List.of(HtmlForms.fields(form.body(), "version", null)));
		add.addAll(java.util.List.of("action", "ajouter"));
		WebClient.Page added = this.moderator.post(url, add.toArray(String[]::new));
		java.util.List<String> sent = new java.util.ArrayList<>(
				java.util.List.of(HtmlForms.fields(added.body(), "version", null)));
		sent.addAll(java.util.List.of("action", "enregistrer"));
		int blank = 0;
		while (sent.contains("contacts[" + blank + "].fullName")) {
			blank++;
		}
		int index = blank - 1;
		for (int i = 0; i < sent.size(); i += 2) {
			if (sent.get(i).equals("contacts[" + index + "].fullName")) {
				sent.set(i + 1, "Sacha Ajoutée");
			}
			if (sent.get(i).equals("contacts[" + index + "].email")) {
				sent.set(i + 1, "sacha@asso.example");
			}
		}
		sent.addAll(java.util.List.of("contacts[" + index + "].publishName", "true"));
		WebClient.Page saved = this.moderator.post(url, sent.toArray(String[]::new));
		assertThat(saved.uri()).isEqualTo("/moderation/acteurs/" + actorId);
		assertThat(org.jsoup.Jsoup.parse(saved.body()).text()).contains("Sacha Ajoutée",
				"Personnes à contacter modifiées par l’équipe");
		assertThat(this.jdbc.sql("""
				select k.channel || ' ' || k.recorded_by from contact_consent k
				join contact_person p on p.id = k.contact_person_id
				where p.actor_id = ? and p.full_name = 'Sacha Ajoutée' and k.field = 'NAME' and k.granted""")
			.param(actorId)
			.query(String.class)
			.single()).isEqualTo("STAFF moderatrice@lianes.example");
		String slug = this.jdbc.sql("select slug from actor where id = ?").param(actorId).query(String.class).single();
		assertThat(org.jsoup.Jsoup.parse(new WebClient(this.port).get("/acteurs/" + slug).body()).text())
			.contains("Sacha Ajoutée")
			.doesNotContain("sacha@asso.example");

		// the form opened before that save is refused with both versions
		WebClient.Page conflict = this.moderator.post(url, formOf(form.body(), "version", null, "action"));
		assertThat(org.jsoup.Jsoup.parse(conflict.body()).select(".conflict").text()).contains("Sacha Ajoutée");
		assertThat(
				this.jdbc.sql("select count(*) from contact_person where actor_id = ? and full_name = 'Sacha Ajoutée'")
					.param(actorId)
					.query(Integer.class)
					.single())
			.isOne();
	}

	@Test
	void statusAndPublicationChangeWithTheirHistoryAndAStaleFormChangesNothing() {
		long actorId = this.jdbc
			.sql("select id from actor where published and status = 'ACTIVE' order by id limit 1 offset 41")
			.query(Long.class)
			.single();
		String slug = this.jdbc.sql("select slug from actor where id = ?").param(actorId).query(String.class).single();
		WebClient.Page page = this.moderator.get("/moderation/acteurs/" + actorId);
		String version = version(page);
		this.moderator.post("/moderation/acteurs/" + actorId + "/statut", "version", version, "statut", "DORMANT");
		assertThat(this.jdbc.sql("select status from actor where id = ?").param(actorId).query(String.class).single())
			.isEqualTo("DORMANT");
		WebClient.Page stale = this.moderator.post("/moderation/acteurs/" + actorId + "/publication", "version",
				version, "publier", "false");
		assertThat(stale.body()).contains("modifiée par quelqu’un d’autre");
		assertThat(new WebClient(this.port).get("/acteurs/" + slug).status()).isEqualTo(200);

		WebClient.Page unpublished = this.moderator.post("/moderation/acteurs/" + actorId + "/publication", "version",
				version(stale), "publier", "false");
		assertThat(unpublished.body()).contains("n’est plus publiée", "Changement de statut", "En veille",
				"Retrait de la publication");
		assertThat(new WebClient(this.port).get("/acteurs/" + slug).status()).isEqualTo(404);
		this.moderator.post("/moderation/acteurs/" + actorId + "/publication", "version", version(unpublished),
				"publier", "true");
		assertThat(new WebClient(this.port).get("/acteurs/" + slug).status()).isEqualTo(200);
	}

	@Test
	void anInvalidDirectEditKeepsWhatWasTypedWithItsMessage() {
		long actorId = this.jdbc.sql("select id from actor where published order by id limit 1 offset 42")
			.query(Long.class)
			.single();
		String before = description(actorId);
		WebClient.Page form = this.moderator.get("/moderation/acteurs/" + actorId + "/modifier");
		WebClient.Page invalid = this.moderator.post("/moderation/acteurs/" + actorId + "/modifier",
				formOf(form.body(), "siret", "12345678901234"));
		assertThat(invalid.body()).contains("error-summary", "12345678901234", "aria-invalid=\"true\"");
		assertThat(description(actorId)).isEqualTo(before);
		assertThat(this.moderator.get("/moderation/acteurs/999999999").status()).isEqualTo(404);
		assertThat(this.moderator.get("/moderation/soumissions/abc").status()).isEqualTo(404);
	}

	@Test
	void hostileInputsToTheBackOfficeNeverCauseAServerError() {
		long actorId = this.jdbc.sql("select id from actor where published order by id limit 1 offset 43")
			.query(Long.class)
			.single();
		long projectId = this.jdbc.sql("select id from project where published order by id limit 1 offset 43")
			.query(Long.class)
			.single();
		String before = description(actorId);
		this.moderator.get("/moderation");
		List<String> values = List.of("", "abc", "-1", "99999999999999999999", "<script>alert(1)</script>", "\u0000",
				"x".repeat(5000), "DORMANT\r\nX-Injected: 1");
		List<String> paths = List.of("/moderation/soumissions/1/approuver", "/moderation/soumissions/1/refuser",
				"/moderation/soumissions/1/modifications", "/moderation/acteurs/" + actorId + "/statut",
				"/moderation/acteurs/" + actorId + "/publication", "/moderation/acteurs/" + actorId + "/modifier",
				"/moderation/projets/" + projectId + "/modifier", "/moderation/projets/" + projectId + "/publication");
		for (String path : paths) {
			for (String value : values) {
				WebClient.Page page = this.moderator.post(path, "version", value, "statut", value, "publier", value,
						"motif", value, "demande", value, "name", value, "description", value, "partners[70].name",
						value);
				assertThat(page.status()).as(path + " " + value).isLessThan(500);
			}
		}
		for (String query : List.of("/moderation?type=%00&campagne=abc", "/moderation/acteurs?q=%25%5C_",
				"/moderation/a-relancer?annees=999999", "/moderation/soumissions/99999999999999999999")) {
			assertThat(this.moderator.get(query).status()).as(query).isLessThan(500);
		}
		assertThat(description(actorId)).isEqualTo(before);
	}

	@Test
	void staleActorsAreListedToFollowUp() {
		WebClient.Page page = this.moderator.get("/moderation/a-relancer?annees=2");
		long expected = this.jdbc.sql("""
				select count(*) from actor where status <> 'CEASED'
				and (last_census_response_at is null or last_census_response_at < ?)""")
			.param(java.time.ZonedDateTime.now(TestClock.get()).minusYears(2).toOffsetDateTime())
			.query(Long.class)
			.single();
		assertThat(page.body()).contains("Structures à relancer")
			.containsPattern(String.valueOf(expected).replaceAll("(?<=\\d)(?=(\\d{3})+$)", "\\\\D?") + " structures");
		assertThat(org.jsoup.Jsoup.parse(page.body()).select("table a[href^=/moderation/acteurs/]")).isNotEmpty();
		assertThat(this.moderator.get("/moderation/a-relancer?annees=abc").status()).isEqualTo(200);
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

	/** Sends the author's update, publication agreed; the response waiting. */
	private long send(WebClient author, String email, long actorId) {
		WebClient.Page sent = author.post("/recensement/envoi", "publication", "oui", "email", email);
		assertThat(sent.uri()).as(() -> org.jsoup.Jsoup.parse(sent.body()).select(".error-summary, .error").text())
			.isEqualTo("/recensement/merci");
		return this.jdbc.sql("select id from submission where actor_id = ? and status = 'SUBMITTED'")
			.param(actorId)
			.query(Long.class)
			.single();
	}

	/** Approves the response as its review page shows it. */
	private WebClient.Page approve(long id, WebClient.Page review) {
		return this.moderator.post("/moderation/soumissions/" + id + "/approuver",
				HtmlForms.hidden(review.body(), "/approuver"));
	}

	private long submission(String email) {
		return this.jdbc.sql("select id from submission where author_email = ? and status = 'SUBMITTED'")
			.param(email)
			.query(Long.class)
			.single();
	}

	private String status(long id) {
		return this.jdbc.sql("select status from submission where id = ?").param(id).query(String.class).single();
	}

	private String description(long actorId) {
		return this.jdbc.sql("select description from actor where id = ?").param(actorId).query(String.class).single();
	}

	private static String version(WebClient.Page page) {
		Matcher matcher = VERSION.matcher(page.body());
		assertThat(matcher.find()).as("a version in " + page.uri()).isTrue();
		return matcher.group(1);
	}

	/**
	 * The fields of the page's main form as a browser would send them, one of them
	 * changed.
	 */
	private static String[] formOf(String html, String field, String value) {
		return HtmlForms.fields(html, field, value);
	}

	/** The same, sent with the button of this name that saves ("enregistrer"). */
	private static String[] formOf(String html, String field, String value, String button) {
		String[] fields = HtmlForms.fields(html, field, value);
		String[] withButton = java.util.Arrays.copyOf(fields, fields.length + 2);
		withButton[fields.length] = button;
		withButton[fields.length + 1] = "enregistrer";
		return withButton;
	}

}
