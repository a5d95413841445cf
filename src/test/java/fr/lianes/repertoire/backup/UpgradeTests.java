package fr.lianes.repertoire.backup;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

import javax.sql.DataSource;

import fr.lianes.repertoire.RepertoireApplication;
import fr.lianes.repertoire.testing.HtmlForms;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * This version started on a database written by an earlier release (see
 * {@code src/test/resources/upgrade/README.md}): the backup is restored, this version
 * migrates it at start, and every actor, project, contact, consent, submission, history
 * entry, old slug and campaign is still there and served.
 */
@SpringBootTest(
		properties = { "repertoire.embedded-db.database=upgrade_from_a7ece0d", "repertoire.demo.load-on-empty=false" })
@AutoConfigureMockMvc
class UpgradeTests {

	private static final Path RELEASE = Path.of("src", "test", "resources", "upgrade", "release-a7ece0d-demo.zip");

	/** What the old release's database held, table by table. */
	private static Map<String, Long> before;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@BeforeAll
	static void restoreTheOldRelease() throws Exception {
		try (ZipFile zip = new ZipFile(RELEASE.toFile());
				InputStream manifest = zip.getInputStream(zip.getEntry(BackupArchive.MANIFEST))) {
			before = BackupArchive.Manifest.read(manifest).rowsPerTable();
		}
		assertThat(before.get("actor")).isEqualTo(1950);
		// before this class's application starts: it migrates what the restore put back
		assertThat(RepertoireApplication.runCommand("restore", RELEASE.toString(), "--yes",
				"--repertoire.embedded-db.database=upgrade_from_a7ece0d"))
			.isZero();
	}

	@Test
	void everyRowOfTheOldReleaseIsStillThere() throws Exception {
		Map<String, Long> after = new Restore(this.dataSource).rowsPerTable();
		for (String table : List.of("actor", "project", "contact_person", "contact_consent", "submission", "change_log",
				"actor_slug_redirect", "project_slug_redirect", "census_campaign", "project_actor", "project_country",
				"project_domain", "partner_organisation", "actor_network", "access_link", "outgoing_mail",
				"submission_draft_key")) {
			assertThat(after.get(table)).as(table).isEqualTo(before.get(table));
		}
		List<String> versions;
		try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files
			.list(java.nio.file.Path.of("db", "migration"))) {
			versions = files.map((file) -> file.getFileName().toString())
				.map((name) -> name.substring(1, name.indexOf("__")).replace('_', '.'))
				.toList();
		}
		assertThat(this.jdbc.sql("select version from flyway_schema_history where success and version is not null")
			.query(String.class)
			.list()).as("migrated to this version: every migration applied")
			.containsExactlyInAnyOrderElementsOf(versions);
	}

	@Test
	void publishedActorsAndProjectsAreServedAndSearched() throws Exception {
		// the list shows the registered actors (active, dormant), the ceased ones when
		// chosen
		long registered = this.jdbc.sql("select count(*) from actor where published and status <> 'CEASED'")
			.query(Long.class)
			.single();
		long ceased = this.jdbc.sql("select count(*) from actor where published and status = 'CEASED'")
			.query(Long.class)
			.single();
		assertThat(listCount("/acteurs")).isEqualTo(registered).isPositive();
		assertThat(listCount("/acteurs?statut=cesse")).isEqualTo(ceased).isPositive();
		for (String slug : this.jdbc.sql("select slug from actor where published order by id limit 25")
			.query(String.class)
			.list()) {
			assertThat(this.mvc.get().uri("/acteurs/" + slug)).as(slug).hasStatusOk();
		}
		for (String slug : this.jdbc.sql("select slug from project where published order by id limit 25")
			.query(String.class)
			.list()) {
			assertThat(this.mvc.get().uri("/projets/" + slug)).as(slug).hasStatusOk();
		}
	}

	/**
	 * Actors, projects, contacts and consents take their ids by blocks from sequences
	 * since V26, which starts them past the old release's ids: the pending response
	 * approved (in this test's transaction, rolled back) writes its entries above them.
	 */
	@Test
	@Transactional
	void theEntriesOfAResponseApprovedAfterTheUpgradeTakeIdsAboveTheOldOnes() throws Exception {
		Map<String, Long> largest = new HashMap<>();
		for (String table : List.of("actor", "project", "contact_person", "contact_consent")) {
			largest.put(table, this.jdbc.sql("select max(id) from " + table).query(Long.class).single());
		}
		long pending = this.jdbc.sql("select id from submission where author_email = 'ancienne@asso-upgrade.example'")
			.query(Long.class)
			.single();
		String review = this.mvc.get()
			.uri("/moderation/soumissions/" + pending)
			.with(user("m@lianes.example").roles("MODERATOR"))
			.exchange()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		String[] fields = HtmlForms.hidden(review, "/approuver");
		MockMvcTester.MockMvcRequestBuilder approve = this.mvc.post()
			.uri("/moderation/soumissions/" + pending + "/approuver")
			.with(user("m@lianes.example").roles("MODERATOR"))
			.with(csrf());
		for (int i = 0; i < fields.length; i += 2) {
			approve.param(fields[i], fields[i + 1]);
		}
		assertThat(approve).hasStatus3xxRedirection();
		assertThat(
				this.jdbc.sql("select status from submission where id = ?").param(pending).query(String.class).single())
			.isEqualTo("APPROVED");
		long actor = this.jdbc.sql("select id from actor where name = 'Association Ancienne Version'")
			.query(Long.class)
			.single();
		assertThat(actor).isGreaterThan(largest.get("actor"));
		assertThat(
				this.jdbc.sql("select id from project where lead_actor_id = ?").param(actor).query(Long.class).list())
			.allSatisfy((id) -> assertThat(id).isGreaterThan(largest.get("project")));
		assertThat(
				this.jdbc.sql("select id from contact_person where actor_id = ?").param(actor).query(Long.class).list())
			.isNotEmpty()
			.allSatisfy((id) -> assertThat(id).isGreaterThan(largest.get("contact_person")));
		assertThat(this.jdbc.sql("""
				select k.id from contact_consent k join contact_person c on c.id = k.contact_person_id
				where c.actor_id = ?""").param(actor).query(Long.class).list()).isNotEmpty()
			.allSatisfy((id) -> assertThat(id).isGreaterThan(largest.get("contact_consent")));
	}

	private long listCount(String url) throws Exception {
		String list = this.mvc.get().uri(url).exchange().getResponse().getContentAsString();
		Matcher count = Pattern.compile("role=\"status\"[^>]*>([^<]*)<").matcher(list);
		assertThat(count.find()).as(url).isTrue();
		return Long.parseLong(count.group(1).replaceAll("[^0-9]", ""));
	}

	@Test
	void oldSlugsOfAMergedAndARenamedActorRedirectToTheSurvivor() {
		String survivor = this.jdbc.sql("select slug from actor where id = 1").query(String.class).single();
		assertThat(this.mvc.get().uri("/acteurs/lycee-agricole-de-tourcoing")).hasStatus(301)
			.hasHeader("Location", "/acteurs/" + survivor);
		assertThat(this.mvc.get().uri("/acteurs/ancien-nom-avant-renommage")).hasStatus(301)
			.hasHeader("Location", "/acteurs/" + survivor);
	}

	@Test
	void aWithdrawnConsentStillHidesTheName() {
		Map<String, Object> withdrawn = this.jdbc
			.sql("select c.full_name, a.slug from contact_consent k join contact_person c on c.id = k.contact_person_id "
					+ "join actor a on a.id = c.actor_id where not k.granted and k.recorded_by = 'retrait@exemple.fr'")
			.query()
			.singleRow();
		assertThat(this.mvc.get().uri("/acteurs/" + withdrawn.get("slug"))).hasStatusOk()
			.bodyText()
			.doesNotContain((String) withdrawn.get("full_name"));
	}

	@Test
	void thePendingSubmissionTheHistoryAndTheCampaignAreInTheBackOffice() {
		long pending = this.jdbc.sql("select id from submission where author_email = 'ancienne@asso-upgrade.example'")
			.query(Long.class)
			.single();
		assertThat(this.mvc.get().uri("/moderation").with(user("m@lianes.example").roles("MODERATOR"))).hasStatusOk()
			.bodyText()
			.contains("Association Ancienne Version");
		assertThat(this.mvc.get()
			.uri("/moderation/soumissions/" + pending)
			.with(user("m@lianes.example").roles("MODERATOR"))).hasStatusOk()
			.bodyText()
			.contains("Association Ancienne Version", "Dominique Ancienne");
		assertThat(this.mvc.get().uri("/moderation/acteurs/1").with(user("m@lianes.example").roles("MODERATOR")))
			.hasStatusOk()
			.bodyText()
			.contains("Lycée agricole de Tourcoing", "https://www.exemple-modifie.fr");
		assertThat(this.mvc.get()
			.uri("/moderation/administration/campagnes")
			.with(user("admin@lianes.example").roles("ADMIN"))).hasStatusOk()
			.bodyText()
			.contains("Recensement permanent", "Recensement 2026");
	}

}
