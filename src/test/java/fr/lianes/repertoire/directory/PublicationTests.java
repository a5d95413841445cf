package fr.lianes.repertoire.directory;

import fr.lianes.repertoire.testing.StatementCounter;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only published content and consented contact fields reach the public, and lists cost a
 * fixed number of statements. Each test rolls back what it changes.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(StatementCounter.class)
@Transactional
class PublicationTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ActorRepository actors;

	@Autowired
	private PlatformTransactionManager transactionManager;

	@Test
	void contactFieldsAppearOnlyWithTheirLatestConsent() {
		long actorId = this.jdbc.sql("select id from actor where slug = 'lianes-cooperation'")
			.query(Long.class)
			.single();
		long contactId = this.jdbc.sql("""
				insert into contact_person (actor_id, full_name, role, email, phone)
				values (:actor, 'Camille Testeuse', 'Chargée de mission', 'camille@asso.example', '03 53 01 99 99')
				returning id""").param("actor", actorId).query(Long.class).single();
		consent(contactId, "NAME", true, "2026-01-01T10:00:00Z");
		consent(contactId, "EMAIL", true, "2026-01-01T10:00:00Z");
		consent(contactId, "EMAIL", false, "2026-02-01T10:00:00Z");
		consent(contactId, "PHONE", false, "2026-01-01T10:00:00Z");

		assertThat(this.mvc.get().uri("/acteurs/lianes-cooperation")).hasStatusOk()
			.bodyText()
			.contains("Camille Testeuse")
			.contains("Chargée de mission")
			.doesNotContain("camille@asso.example")
			.doesNotContain("03 53 01 99 99");
	}

	@Test
	void aContactWhoConsentedToNothingDoesNotAppearAtAll() {
		long actorId = this.jdbc.sql("select id from actor where slug = 'lianes-cooperation'")
			.query(Long.class)
			.single();
		this.jdbc.sql("""
				insert into contact_person (actor_id, full_name, role, email)
				values (:actor, 'Dominique Discrète', 'Trésorière', 'dominique@asso.example')""")
			.param("actor", actorId)
			.update();
		assertThat(this.mvc.get().uri("/acteurs/lianes-cooperation")).bodyText()
			.doesNotContain("Dominique Discrète")
			.doesNotContain("Trésorière")
			.doesNotContain("dominique@asso.example");
	}

	@Test
	void unpublishedActorsAndTheirProjectsStayHidden() throws Exception {
		String slug = this.jdbc.sql("""
				select a.slug from actor a where a.published and a.status <> 'CEASED'
				and exists (select 1 from project p where p.lead_actor_id = a.id and p.published)
				order by a.id limit 1""").query(String.class).single();
		String project = this.jdbc.sql("""
				select p.slug from project p join actor a on a.id = p.lead_actor_id
				where a.slug = :slug and p.published order by p.id limit 1""")
			.param("slug", slug)
			.query(String.class)
			.single();
		long before = PublicPagesTests.statusCount(this.mvc.get().uri("/acteurs").exchange());
		// Committed, as a moderator's decision would be: the search index follows the
		// commit.
		setPublished(slug, false);
		try {
			assertThat(this.mvc.get().uri("/acteurs/" + slug)).hasStatus(HttpStatus.NOT_FOUND);
			assertThat(this.mvc.get().uri("/projets/" + project)).hasStatus(HttpStatus.NOT_FOUND);
			assertThat(PublicPagesTests.statusCount(this.mvc.get().uri("/acteurs").exchange())).isEqualTo(before - 1);
			assertThat(this.mvc.get().uri("/projets?q=" + project.replace('-', '+'))).bodyText()
				.doesNotContain("/projets/" + project + "\"");
		}
		finally {
			setPublished(slug, true);
		}
		assertThat(PublicPagesTests.statusCount(this.mvc.get().uri("/acteurs").exchange())).isEqualTo(before);
	}

	private void setPublished(String slug, boolean published) {
		TransactionTemplate transaction = new TransactionTemplate(this.transactionManager);
		transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		transaction.executeWithoutResult((status) -> {
			Actor actor = this.actors.findBySlug(slug).orElseThrow();
			if (published) {
				actor.publish();
			}
			else {
				actor.unpublish();
			}
		});
	}

	@Test
	void contactPersonsNeverReachTheSearchIndex() {
		TransactionTemplate transaction = new TransactionTemplate(this.transactionManager);
		transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		String description = transaction.execute((status) -> {
			Actor actor = this.actors.findBySlug("lianes-cooperation").orElseThrow();
			ContactPerson person = new ContactPerson(actor, "Zébulon Quintessence", "Président",
					"zebulon@quintessence.example", "03 53 01 98 76", (short) 9);
			person.recordConsent(ConsentField.NAME, true, "zebulon@quintessence.example", "v1",
					ConsentChannel.CENSUS_FORM, fr.lianes.repertoire.time.TestClock.get().instant());
			actor.getContacts().add(person);
			String before = actor.getDescription();
			// an edit of the actor itself, so that its document is indexed again with the
			// contact
			actor.setDescription(before + " ");
			return before;
		});
		try {
			assertThat(this.mvc.get().uri("/acteurs/lianes-cooperation")).bodyText().contains("Zébulon Quintessence");
			assertThat(this.mvc.get().uri("/acteurs?q=Quintessence")).bodyText().contains("Aucun acteur ne correspond");
			assertThat(this.mvc.get().uri("/acteurs?q=zebulon%40quintessence.example")).bodyText()
				.contains("Aucun acteur ne correspond");
		}
		finally {
			transaction.executeWithoutResult((status) -> {
				Actor actor = this.actors.findBySlug("lianes-cooperation").orElseThrow();
				actor.getContacts().removeIf((c) -> c.getFullName().equals("Zébulon Quintessence"));
				actor.setDescription(description);
			});
		}
	}

	@Test
	void renamedActorsRedirectFromTheirOldSlug() {
		long actorId = this.jdbc.sql("select id from actor where slug = 'lianes-cooperation'")
			.query(Long.class)
			.single();
		this.jdbc.sql("insert into actor_slug_redirect (old_slug, actor_id) values ('lianes', :actor)")
			.param("actor", actorId)
			.update();
		assertThat(this.mvc.get().uri("/acteurs/lianes")).hasStatus(HttpStatus.MOVED_PERMANENTLY)
			.hasRedirectedUrl("/acteurs/lianes-cooperation");
	}

	@Test
	void listPagesIssueAFixedNumberOfStatementsWhateverTheirRows() {
		String name = this.jdbc.sql("select name from actor where slug = 'lianes-cooperation'")
			.query(String.class)
			.single();
		int full = statementsFor("/acteurs");
		int single = statementsFor("/acteurs?q=" + name.replace(' ', '+'));
		int filtered = statementsFor("/acteurs?pays=SN&pays=ML&domaine=education&statut=actif&page=2");
		assertThat(full).isEqualTo(single).isEqualTo(filtered).isLessThanOrEqualTo(2);
		assertThat(statementsFor("/projets")).isEqualTo(statementsFor("/projets?pays=SN&page=3"))
			.isLessThanOrEqualTo(2);
	}

	private int statementsFor(String url) {
		StatementCounter.reset();
		assertThat(this.mvc.get().uri(url)).hasStatusOk();
		return StatementCounter.count();
	}

	private void consent(long contactId, String field, boolean granted, String at) {
		this.jdbc
			.sql("""
					insert into contact_consent (contact_person_id, field, granted, recorded_at, recorded_by,
					                             notice_version, channel)
					values (:contact, :field, :granted, cast(:at as timestamptz), 'camille@asso.example', 'v1', 'CENSUS_FORM')""")
			.param("contact", contactId)
			.param("field", field)
			.param("granted", granted)
			.param("at", at)
			.update();
	}

}
