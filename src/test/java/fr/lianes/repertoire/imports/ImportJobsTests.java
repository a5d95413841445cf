package fr.lianes.repertoire.imports;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import fr.lianes.repertoire.testing.WebClient;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.hibernate.search.mapper.pojo.work.IndexingPlanSynchronizationStrategy;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An import interrupted as a shutdown interrupts it (after two committed batches of one
 * row) is left running; taken up as the next start takes it up, it continues from its
 * last committed batch: every entry is there once, with one history row, and the report
 * counts what the whole import did. Over HTTP on a directory started as production starts
 * it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "repertoire.embedded-db.database=import_jobs", "repertoire.demo.load-on-empty=false",
				"repertoire.imports.batch-size=1",
				// the periodic take-up would run the jobs these tests hold paused
				"repertoire.imports.takeover-interval=1h" })
class ImportJobsTests {

	private static final String ADMIN = "admin@import-jobs.example";

	private static final String PASSWORD = "un mot de passe de test assez long";

	private static final String PATH = "/moderation/administration/import";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	ImportJobs jobs;

	@Autowired
	ImportClaims claims;

	@Autowired
	DataSource dataSource;

	@Autowired
	EntityManagerFactory entityManagerFactory;

	@Test
	@Order(1)
	void anInterruptedImportContinuesFromItsLastCommittedBatch() throws Exception {
		this.jdbc.sql("""
				insert into staff_user (email, display_name, password_hash, role) values (?, ?, ?, 'ADMIN')
				on conflict ((lower(email))) do nothing""")
			.params(ADMIN, "Dominique", this.encoder.encode(PASSWORD))
			.update();
		WebClient admin = new WebClient(this.port);
		admin.get("/connexion");
		assertThat(admin.post("/connexion", "email", ADMIN, "motDePasse", PASSWORD).uri()).isEqualTo("/moderation");

		String export = """
				Identifiant;Nom;Type de structure;Code postal;Commune;Titre du projet;Pays;Domaines;Nature de l'action
				B1;Les Amis de Ouidah;Association de solidarité internationale;59000;Lille;Forage à Ouidah;Bénin;Santé;Construction
				B2;Lycée Jean Bart;Association de solidarité internationale;59140;Dunkerque;Échange avec Saint-Louis;Sénégal;Éducation;Échanges
				B3;Comité de jumelage;Association de solidarité internationale;62000;Arras;Jumelage avec Kaya;Burkina Faso;Jeunesse;Échanges
				B4;Association Baobab;Association de solidarité internationale;80000;Amiens;Maraîchage à Thiès;Sénégal;Agriculture;Formation
				""";
		String token = ImportWebTests.sendFile(admin, this.port, "export.csv", export.getBytes(StandardCharsets.UTF_8));
		Document mapping = Jsoup.parse(admin.get(PATH + "/" + token).body());
		Document preview = Jsoup
			.parse(admin.post(PATH + "/" + token + "/essai", ImportWebTests.formOf(mapping).toArray(String[]::new))
				.body());
		assertThat(preview.select("table caption:contains(Ce que l’import ferait) ~ tbody tr").eachText())
			.containsExactly("Structures 4 0 0 0 0", "Projets 4 0 0 0 0");

		this.jobs.stopAfterBatches(2);
		WebClient.Page started = admin.post(PATH + "/" + token + "/import");
		long id = this.jobs.latest(token).orElseThrow().id();
		await().atMost(Duration.ofMinutes(1)).until(() -> written(id) >= 2 && !this.jobs.active(id));
		assertThat(started.uri()).isEqualTo(PATH + "/" + token + "/rapport");
		assertThat(this.jobs.job(id).orElseThrow().state()).isEqualTo(ImportJobs.State.RUNNING);
		assertThat(count("select count(*) from actor")).as("two batches of one actor committed").isEqualTo(2);
		Document interrupted = Jsoup.parse(admin.get(PATH + "/" + token + "/rapport").body());
		assertThat(interrupted.select("progress#avancement-import")).hasSize(1);
		assertThat(interrupted.select("[role=status]").text()).matches("\\d+ lignes lues sur 8 \\(\\d+ %\\)");
		assertThat(interrupted.select("a:contains(Actualiser l’avancement)")).hasSize(1);

		this.jobs.stopAfterBatches(0);
		this.jobs.resumeInterrupted();
		Document done = ImportWebTests.finished(admin, token);
		assertThat(done.select("[role=status]").text()).startsWith("Import terminé");
		assertThat(done.select("table caption:contains(Fiches importées) ~ tbody tr").eachText())
			.containsExactly("Structures 4 0 0 0 0", "Projets 4 0 0 0 0");
		assertThat(count("select count(*) from actor")).isEqualTo(4);
		assertThat(count("select count(*) from project")).isEqualTo(4);
		assertThat(count("select count(*) from change_log where action = 'IMPORTED'")).as("each entry written once")
			.isEqualTo(8);
		assertThat(count("select count(*) from import_job_entry where job_id = " + id)).isEqualTo(8);
	}

	/**
	 * Several instances on one database: a job is run by the one instance that claims it.
	 * While another instance (a second claimer on the same database, with its own
	 * connection) holds an interrupted job, this one can neither claim it nor run it
	 * (what a start's take-up and a new import run on the import thread); once the other
	 * lets go (it stopped), the job is taken up here and finishes, every row written
	 * once.
	 */
	@Test
	@Order(2)
	void aJobIsRunByTheOneInstanceThatClaimedIt() throws Exception {
		WebClient admin = new WebClient(this.port);
		admin.get("/connexion");
		assertThat(admin.post("/connexion", "email", ADMIN, "motDePasse", PASSWORD).uri()).isEqualTo("/moderation");
		String export = """
				Identifiant;Nom;Type de structure;Code postal;Commune;Titre du projet;Pays;Domaines;Nature de l'action
				C1;Les Amis de Kandi;Association de solidarité internationale;59000;Lille;Forage à Kandi;Bénin;Santé;Construction
				C2;Comité de Podor;Association de solidarité internationale;59140;Dunkerque;École à Podor;Sénégal;Éducation;Formation
				C3;Association Karité;Association de solidarité internationale;62000;Arras;Moulin à Koudougou;Burkina Faso;Agriculture;Construction
				""";
		String token = ImportWebTests.sendFile(admin, this.port, "export-instances.csv",
				export.getBytes(StandardCharsets.UTF_8));
		Document mapping = Jsoup.parse(admin.get(PATH + "/" + token).body());
		admin.post(PATH + "/" + token + "/essai", ImportWebTests.formOf(mapping).toArray(String[]::new));
		long actorsBefore = count("select count(*) from actor");
		long historyBefore = count("select count(*) from change_log where action = 'IMPORTED'");

		this.jobs.stopAfterBatches(1);
		try {
			admin.post(PATH + "/" + token + "/import");
			long id = this.jobs.latest(token).orElseThrow().id();
			await().atMost(Duration.ofMinutes(1)).until(() -> written(id) >= 1 && !this.jobs.active(id));
			assertThat(this.jobs.job(id).orElseThrow().state()).isEqualTo(ImportJobs.State.RUNNING);
			this.jobs.stopAfterBatches(0);

			ImportClaims otherInstance = new ImportClaims(this.dataSource);
			try (ImportClaims.Claim held = otherInstance.claim(id).orElseThrow()) {
				assertThat(this.claims.claim(id)).as("a job claimed elsewhere cannot be claimed").isEmpty();
				assertThat(this.jobs.runHere(id)).as("nor run here").isFalse();
				assertThat(written(id)).isEqualTo(1);
				assertThat(this.jobs.job(id).orElseThrow().state()).isEqualTo(ImportJobs.State.RUNNING);
				try (ImportClaims.Claim another = this.claims.claim(id + 1_000_000).orElseThrow()) {
					assertThat(another).as("another job stays free").isNotNull();
				}
			}
			assertThat(this.jobs.runHere(id)).as("let go: run here").isTrue();
			assertThat(this.jobs.job(id).orElseThrow().state()).isEqualTo(ImportJobs.State.DONE);
			assertThat(this.jobs.runHere(id)).as("a finished job is not run again").isFalse();
			try (ImportClaims.Claim free = otherInstance.claim(id).orElseThrow()) {
				assertThat(free).as("a finished run lets go of its claim").isNotNull();
			}
			assertThat(count("select count(*) from actor")).isEqualTo(actorsBefore + 3);
			assertThat(count("select count(*) from change_log where action = 'IMPORTED'") - historyBefore)
				.as("each entry written once")
				.isEqualTo(6);
			assertThat(count("select count(*) from import_job_entry where job_id = " + id)).isEqualTo(6);
		}
		finally {
			this.jobs.stopAfterBatches(0);
		}
	}

	/**
	 * An instance died in the middle of an import before the index work of its run was
	 * applied (an import's run gives the index its work without waiting and waits once,
	 * at its end): the entries it wrote are in the database and not in the index, which
	 * the run recorded incomplete. The instance that takes the job up indexes them again
	 * before it goes on: each is found, the actor also by its project's title, without
	 * the whole index rebuilt (still recorded incomplete, for the next start). On the
	 * Lucene index of this directory: the gap and the repair do not depend on the
	 * backend.
	 */
	@Test
	@Order(3)
	void aJobTakenUpPutsInTheIndexWhatTheRunBeforeHadNotIndexed() throws Exception {
		WebClient admin = new WebClient(this.port);
		admin.get("/connexion");
		assertThat(admin.post("/connexion", "email", ADMIN, "motDePasse", PASSWORD).uri()).isEqualTo("/moderation");
		String export = """
				Identifiant;Nom;Type de structure;Code postal;Commune;Titre du projet;Pays;Domaines;Nature de l'action
				K1;Les Amis de Vorlandia;Association de solidarité internationale;59000;Lille;Puits à Brindaxe;Bénin;Santé;Construction
				K2;Comité Quernelle;Association de solidarité internationale;62000;Arras;Cantine à Morvelane;Sénégal;Éducation;Formation
				""";
		String token = ImportWebTests.sendFile(admin, this.port, "export-index.csv",
				export.getBytes(StandardCharsets.UTF_8));
		Document mapping = Jsoup.parse(admin.get(PATH + "/" + token).body());
		Document preview = Jsoup
			.parse(admin.post(PATH + "/" + token + "/essai", ImportWebTests.formOf(mapping).toArray(String[]::new))
				.body());
		List<String> published = new ArrayList<>(ImportWebTests.formOf(preview));
		published.addAll(List.of("publier", "on"));
		admin.post(PATH + "/" + token + "/essai", published.toArray(String[]::new));

		// two actors and the first project written, then the run stops
		this.jobs.stopAfterBatches(3);
		long id;
		try {
			admin.post(PATH + "/" + token + "/import");
			id = this.jobs.latest(token).orElseThrow().id();
			await().atMost(Duration.ofMinutes(1)).until(() -> written(id) >= 3 && !this.jobs.active(id));
		}
		finally {
			this.jobs.stopAfterBatches(0);
		}
		assertThat(this.jobs.job(id).orElseThrow().state()).isEqualTo(ImportJobs.State.RUNNING);
		// what the instance that died leaves: its run's index work not applied, the index
		// recorded incomplete
		unindex("Actor", entries(id, "ACTOR"));
		unindex("Project", entries(id, "PROJECT"));
		this.jdbc.sql("update search_index_state set complete = false").update();
		assertThat(entries(id, "ACTOR")).hasSize(2);
		assertThat(entries(id, "PROJECT")).hasSize(1);
		assertThat(page("/acteurs?q=Vorlandia")).doesNotContain("Les Amis de Vorlandia");

		this.jobs.resumeInterrupted();
		await().atMost(Duration.ofMinutes(1))
			.until(() -> this.jobs.job(id).orElseThrow().state() == ImportJobs.State.DONE);
		assertThat(page("/acteurs?q=Vorlandia")).contains("Les Amis de Vorlandia");
		assertThat(page("/acteurs?q=Quernelle")).contains("Comité Quernelle");
		assertThat(page("/acteurs?q=Brindaxe")).as("an actor is found by its project")
			.contains("Les Amis de Vorlandia");
		assertThat(page("/projets?q=Brindaxe")).contains("Puits à Brindaxe");
		assertThat(page("/projets?q=Morvelane")).contains("Cantine à Morvelane");
		assertThat(this.jdbc.sql("select complete from search_index_state").query(Boolean.class).single())
			.as("not rebuilt whole")
			.isFalse();
	}

	private List<Long> entries(long id, String entry) {
		return this.jdbc.sql("select entry_id from import_job_entry where job_id = ? and entry = ?")
			.params(id, entry)
			.query(Long.class)
			.list();
	}

	/** Removes documents from the index behind the application's back. */
	private void unindex(String entity, List<Long> ids) {
		try (EntityManager entityManager = this.entityManagerFactory.createEntityManager()) {
			SearchSession session = Search.session(entityManager);
			session.indexingPlanSynchronizationStrategy(IndexingPlanSynchronizationStrategy.sync());
			entityManager.getTransaction().begin();
			ids.forEach((entityId) -> session.indexingPlan().purge(entity, entityId, null));
			entityManager.getTransaction().commit();
		}
	}

	/** A public page's text (the words searched may be marked in it). */
	private String page(String url) {
		return Jsoup.parse(new WebClient(this.port).get(url).body()).text();
	}

	private long written(long id) {
		return this.jdbc.sql("select written from import_job where id = ?").param(id).query(Long.class).single();
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

}
