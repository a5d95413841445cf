package fr.lianes.repertoire.backup;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

import javax.sql.DataSource;

import fr.lianes.repertoire.RepertoireApplication;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
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
		long published = this.jdbc.sql("select count(*) from actor where published").query(Long.class).single();
		String list = this.mvc.get().uri("/acteurs").exchange().getResponse().getContentAsString();
		Matcher count = Pattern.compile("role=\"status\"[^>]*>([^<]*)<").matcher(list);
		assertThat(count.find()).isTrue();
		assertThat(Long.parseLong(count.group(1).replaceAll("[^0-9]", ""))).isEqualTo(published);
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
