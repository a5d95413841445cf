package fr.lianes.repertoire.moderation.duplicates;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import fr.lianes.repertoire.directory.Actor;
import fr.lianes.repertoire.directory.DuplicateActors.Suspect;
import fr.lianes.repertoire.directory.Identifiers;
import fr.lianes.repertoire.directory.Project;
import fr.lianes.repertoire.directory.SuspectReason;
import fr.lianes.repertoire.time.TestClock;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.hibernate.search.mapper.orm.Search;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Moderators find suspected duplicates (same SIREN, same RNA, similar name in the same
 * commune), dismiss those that are not, and merge those that are. The actors are made by
 * each test, committed (a merge commits and reindexes), and deleted afterwards.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DuplicatesTests {

	private static final String MODERATOR = "m@lianes.example";

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private DuplicateSuspects suspects;

	@Autowired
	private TransactionTemplate transaction;

	@PersistenceContext
	private EntityManager entityManager;

	private final List<Long> actors = new ArrayList<>();

	private final List<Long> projects = new ArrayList<>();

	/** A word no demo entry has, so that searches find only this test's entries. */
	private final String word = "Quokka" + letters(6);

	@AfterEach
	void deleteTheTestEntries() {
		this.transaction.executeWithoutResult((status) -> {
			var plan = Search.session(this.entityManager).indexingPlan();
			for (long project : this.projects) {
				this.jdbc.sql("delete from project where id = ?").param(project).update();
				plan.purge(Project.class, project, null);
			}
			for (long actor : this.actors) {
				this.jdbc.sql("delete from project where lead_actor_id = ?").param(actor).update();
				this.jdbc.sql("delete from actor where id = ?").param(actor).update();
				plan.purge(Actor.class, actor, null);
			}
		});
	}

	@Test
	void findsSuspectsBySirenRnaAndSimilarNameInTheSameCommune() {
		String siren = siren();
		String rna = "W00" + digits(7);
		long actor = actor("Amis du " + this.word + " de Lille", "59512", siren, null, false);
		long establishment = actor("Atelier " + letters(8), "59009", siret(siren), null, false);
		long sameRna = actor("Collectif " + letters(8), "62041", null, rna, true);
		long withRna = actor("Union " + letters(8), "59512", null, rna, false);
		long similar = actor("Les amis du " + this.word + " de Lille", "59512", null, null, true);
		long elsewhere = actor("Amis du " + this.word + " de Lille", "59599", null, null, true);

		List<Suspect> bySiren = this.suspects.suspectsFor(siren.substring(0, 3) + " " + siren.substring(3), null, null,
				null, null);
		assertThat(bySiren).extracting(Suspect::actorId).containsExactlyInAnyOrder(actor, establishment);
		assertThat(bySiren).allSatisfy((suspect) -> assertThat(suspect.reasons()).containsExactly(SuspectReason.SIREN));
		assertThat(this.suspects.suspectsFor(null, rna.toLowerCase(), null, null, sameRna)).extracting(Suspect::actorId)
			.containsExactly(withRna);
		List<Suspect> byName = this.suspects.suspectsFor(null, null, "Amis du " + this.word + " à Lille", "59512",
				null);
		assertThat(byName).extracting(Suspect::actorId).contains(actor, similar).doesNotContain(elsewhere);
		assertThat(byName).allSatisfy((suspect) -> assertThat(suspect.reasons()).contains(SuspectReason.NAME));

		assertThat(get("/moderation/doublons?acteur=" + actor)).hasStatusOk()
			.bodyText()
			.contains("Doublons de « Amis du " + this.word + " de Lille »", "2 doublons suspectés", "Atelier",
					"Même SIREN (" + siren + ")", "Les amis du " + this.word, "Nom proche (")
			.doesNotContain("/moderation/doublons?acteur=" + elsewhere + "\"");
		assertThat(get("/moderation/doublons?acteur=" + slug(similar))).hasStatusOk()
			.bodyText()
			.contains("Doublons de « Les amis du " + this.word);
	}

	@Test
	void sweepsTheWholeDirectoryByReason() {
		String siren = "00000" + digits(3);
		siren = siren + check(siren);
		long first = actor("Maison " + letters(8), "59512", siren, null, false);
		long second = actor("Foyer " + letters(8), "80021", siret(siren), null, false);
		String rna = "W00" + digits(7);
		long third = actor("Cercle " + letters(8), "59512", null, rna, false);
		long fourth = actor("Club " + letters(8), "59512", null, rna, false);
		// the first commune of the region: its names come first in the sweep by name
		long fifth = actor("Aaa " + this.word + " solidarité", "02001", null, null, false);
		long sixth = actor("Aaa " + this.word + " solidarite", "02001", null, null, false);

		assertThat(get("/moderation/doublons?motif=siren")).hasStatusOk()
			.bodyText()
			.contains("Même SIREN (" + siren + ")", name(first), name(second));
		assertThat(get("/moderation/doublons?motif=rna")).hasStatusOk()
			.bodyText()
			.contains("Même RNA (" + rna + ")", name(third), name(fourth));
		assertThat(get("/moderation/doublons")).hasStatusOk()
			.bodyText()
			.contains("Nom proche (100 %)", name(fifth), name(sixth));
		assertThat(get("/moderation/doublons?motif=rna&apres=pas-un-curseur")).hasStatusOk()
			.bodyText()
			.contains("Ce lien de page n’est pas ou plus valide");
	}

	@Test
	void aDismissedPairIsNotSuggestedAgain() {
		long actor = actor("Jardins du " + this.word, "59512", null, null, false);
		long other = actor("Les jardins du " + this.word, "59512", null, null, false);
		assertThat(get("/moderation/doublons?acteur=" + actor)).bodyText().contains(name(other));

		assertThat(this.mvc.post()
			.uri("/moderation/doublons/ecarter")
			.param("a", Long.toString(other))
			.param("b", Long.toString(actor))
			.param("acteur", Long.toString(actor))
			.with(user(MODERATOR).roles("MODERATOR"))
			.with(csrf())).hasStatus3xxRedirection().hasRedirectedUrl("/moderation/doublons?acteur=" + actor);

		assertThat(this.jdbc.sql("select dismissed_by from duplicate_dismissal where actor_a = ? and actor_b = ?")
			.params(Math.min(actor, other), Math.max(actor, other))
			.query(String.class)
			.single()).isEqualTo(MODERATOR);
		assertThat(get("/moderation/doublons?acteur=" + actor)).bodyText()
			.contains("Aucun doublon suspecté")
			.doesNotContain(name(other));
		assertThat(this.suspects.suspectsFor(null, null, name(actor), "59512", actor)).extracting(Suspect::actorId)
			.doesNotContain(other);
		// a new entry is not the actor: the dismissal does not hide the pair from it
		assertThat(this.suspects.suspectsFor(null, null, name(actor), "59512", null)).extracting(Suspect::actorId)
			.contains(actor, other);
	}

	@Test
	void mergingMovesProjectsAndContactsRedirectsTheOldSlugAndRecordsTheHistory() {
		long survivor = actor("Solidarité " + this.word + " Roubaix", "59512", null, null, true);
		String mergedWord = "Wombat" + letters(6);
		long merged = actor("Solidarite " + this.word + " " + mergedWord, "59512", siren(), null, true);
		this.jdbc.sql("update actor set website = 'https://wombat.example' where id = ?").param(merged).update();
		String projectWord = "Tatou" + letters(6);
		long led = project("Puits " + projectWord, merged);
		long joined = project("Forages " + letters(8), survivor);
		this.jdbc.sql("insert into project_actor (project_id, actor_id) values (?, ?)").params(joined, merged).update();
		long contact = this.jdbc.sql("""
				insert into contact_person (actor_id, full_name, role) values (?, 'Camille Fusion', 'Trésorière')
				returning id""").param(merged).query(Long.class).single();
		this.jdbc.sql("""
				insert into contact_consent (contact_person_id, field, granted, recorded_by, notice_version, channel)
				values (?, 'NAME', true, 'camille@asso.example', 'v1', 'CENSUS_FORM')""").param(contact).update();
		this.jdbc.sql("insert into actor_network (actor_id, network_id) select ?, min(id) from network")
			.param(merged)
			.update();
		index(survivor, merged, led, joined);
		String survivorSlug = slug(survivor);
		String mergedSlug = slug(merged);
		String mergedName = name(merged);
		assertThat(get("/acteurs?q=" + mergedWord)).bodyText().contains("/acteurs/" + mergedSlug + "\"");

		assertThat(get("/moderation/doublons/fusion?a=" + survivor + "&b=" + merged)).hasStatusOk()
			.bodyText()
			.contains(name(survivor), mergedName, "https://wombat.example", "Fiche à garder");
		MvcTestResult result = merge(survivor, merged, version(survivor), version(merged), survivor);

		assertThat(result).hasStatus3xxRedirection().hasRedirectedUrl("/moderation/doublons?acteur=" + survivor);
		assertThat(count("select count(*) from actor where id = ?", merged)).isZero();
		assertThat(count("select count(*) from project where id = ? and lead_actor_id = ?", led, survivor)).isOne();
		assertThat(count("select count(*) from project_actor where project_id = ?", joined)).isZero();
		assertThat(count("select count(*) from contact_person where id = ? and actor_id = ?", contact, survivor))
			.isOne();
		assertThat(count("select count(*) from contact_consent where contact_person_id = ?", contact)).isOne();
		assertThat(count("select count(*) from actor_network where actor_id = ?", survivor)).isOne();
		assertThat(this.jdbc.sql("select website from actor where id = ?").param(survivor).query(String.class).single())
			.isEqualTo("https://wombat.example");

		assertThat(get("/acteurs/" + mergedSlug)).hasStatus(HttpStatus.MOVED_PERMANENTLY)
			.hasRedirectedUrl("/acteurs/" + survivorSlug);
		assertThat(get("/acteurs/" + survivorSlug)).hasStatusOk()
			.bodyText()
			.contains("Puits " + projectWord, "Camille Fusion");
		assertThat(get("/acteurs?q=" + mergedWord)).bodyText().doesNotContain("/acteurs/" + mergedSlug + "\"");
		assertThat(get("/acteurs?q=" + projectWord)).bodyText()
			.contains("/acteurs/" + survivorSlug + "\"")
			.doesNotContain("/acteurs/" + mergedSlug + "\"");

		assertThat(this.jdbc.sql("""
				select action || ' ' || changed_by || ' ' || coalesce(note, '') from change_log
				where entity_type = 'ACTOR' and entity_id in (?, ?) order by entity_id = ? desc""")
			.params(survivor, merged, survivor)
			.query(String.class)
			.list())
			.satisfiesExactly(
					(entry) -> assertThat(entry).startsWith("MERGED " + MODERATOR)
						.contains(mergedName, mergedSlug, "n° " + merged),
					(entry) -> assertThat(entry).startsWith("MERGED_INTO " + MODERATOR).contains(survivorSlug));
		assertThat(this.jdbc.sql("select changes::text from change_log where entity_type = 'ACTOR' and entity_id = ?")
			.param(survivor)
			.query(String.class)
			.single()).contains("census.field.website", "https://wombat.example", "census.field.siret");
		assertThat(count("select count(*) from change_log where entity_type = 'PROJECT' and entity_id in (?, ?)", led,
				joined))
			.isEqualTo(2);
	}

	@Test
	void theMergedActorsResponsesLinksAndInvitationsAreTheSurvivorsAfterTheMerge() {
		long survivor = actor("Caravane " + this.word + " Lens", "59512", null, null, true);
		long merged = actor("Caravanne " + this.word + " Lens", "59512", null, null, true);
		int campaign = this.jdbc.sql("""
				insert into census_campaign (name, opens_on, closes_on, as_of)
				values (?, date '2026-01-01', date '2026-12-31', date '2025-12-31') returning id""")
			.param("Recensement " + this.word)
			.query(Integer.class)
			.single();
		try {
			long both = mailing(campaign);
			long alone = mailing(campaign);
			recipient(both, survivor, campaign, "REMINDER");
			recipient(both, merged, campaign, "REMINDER");
			recipient(alone, merged, campaign, "INVITATION");
			long submission = this.jdbc.sql("""
					insert into submission (status, campaign_id, actor_id, author_email, content, submitted_at)
					values ('SUBMITTED', ?, ?, 'caravane@asso.example', '{}', now()) returning id""")
				.params(campaign, merged)
				.query(Long.class)
				.single();
			byte[] token = new byte[32];
			ThreadLocalRandom.current().nextBytes(token);
			this.jdbc.sql("""
					insert into access_link (token_hash, purpose, email, actor_id, expires_at)
					values (?, 'UPDATE_ENTRY', 'caravane@asso.example', ?, now() + interval '1 day')""")
				.params(token, merged)
				.update();
			index(survivor, merged);

			assertThat(merge(survivor, merged, version(survivor), version(merged), survivor)).hasStatus3xxRedirection();

			assertThat(count("select count(*) from submission where id = ? and actor_id = ?", submission, survivor))
				.isOne();
			assertThat(count("select count(*) from access_link where token_hash = ? and actor_id = ?", token, survivor))
				.isOne();
			assertThat(this.jdbc
				.sql("select mailing_id || ' ' || kind from campaign_recipient where actor_id = ? order by mailing_id")
				.param(survivor)
				.query(String.class)
				.list()).containsExactly(both + " REMINDER", alone + " INVITATION");
		}
		finally {
			this.jdbc.sql("delete from submission where campaign_id = ?").param(campaign).update();
			this.jdbc.sql("delete from census_campaign where id = ?").param(campaign).update();
		}
	}

	@Test
	void aMergeAt2330UtcOnNewYearsEveDatesTheEntriesItChangesTheFirstOfJanuaryInParis() {
		long survivor = actor("Réveillon " + this.word + " Lille", "59512", null, null, true);
		long merged = actor("Reveillon " + this.word + " Lille", "59512", null, null, true);
		long led = project("Lanternes " + letters(8), merged);
		long joined = project("Feux " + letters(8), survivor);
		this.jdbc.sql("insert into project_actor (project_id, actor_id) values (?, ?)").params(joined, merged).update();
		long other = project("Cotillons " + letters(8), actor("Autre " + this.word, "59512", null, null, true));
		this.jdbc.sql("insert into project_actor (project_id, actor_id) values (?, ?)").params(other, merged).update();
		long contact = this.jdbc.sql("""
				insert into contact_person (actor_id, full_name, role) values (?, 'Noël Minuit', 'Secrétaire')
				returning id""").param(merged).query(Long.class).single();
		index(survivor, merged, led, joined, other);
		Instant at = Instant.parse("2030-12-31T23:30:00Z");
		TestClock.get().setTo(at);
		try {
			assertThat(merge(survivor, merged, version(survivor), version(merged), survivor)).hasStatus3xxRedirection();
		}
		finally {
			TestClock.get().reset();
		}

		assertThat(stamp("select updated_at from actor where id = ?", survivor)).as("the survivor, by the clock")
			.isBetween(at, at.plusSeconds(300));
		assertThat(stamp("select updated_at from contact_person where id = ?", contact)).as("the contact moved")
			.isBetween(at, at.plusSeconds(300));
		for (long project : List.of(led, joined, other)) {
			assertThat(stamp("select updated_at from project where id = ?", project)).as("project " + project)
				.isBetween(at, at.plusSeconds(300));
		}
		assertThat(get("/acteurs/" + slug(survivor))).hasStatusOk().bodyText().contains("01/01/2031");
	}

	private Instant stamp(String sql, long id) {
		return this.jdbc.sql(sql).param(id).query(OffsetDateTime.class).single().toInstant();
	}

	@Test
	void aStaleVersionShowsTheConflictAndMergesNothing() {
		long a = actor("Entraide " + this.word, "59512", null, null, false);
		long b = actor("L'entraide " + this.word, "59512", null, null, false);
		int versionA = version(a);
		int versionB = version(b);
		// another moderator edits the first one meanwhile
		this.jdbc.sql("update actor set description = 'Modifiée', version = version + 1 where id = ?")
			.param(a)
			.update();

		assertThat(merge(a, b, versionA, versionB, b)).hasStatus(HttpStatus.CONFLICT)
			.bodyText()
			.contains("L’une des deux fiches a été modifiée par quelqu’un d’autre", "rien n’a été fusionné",
					"Modifiée");
		assertThat(count("select count(*) from actor where id in (?, ?)", a, b)).isEqualTo(2);
		assertThat(count("select count(*) from actor_slug_redirect where actor_id in (?, ?)", a, b)).isZero();
		assertThat(count("select count(*) from change_log where entity_type = 'ACTOR' and entity_id in (?, ?)", a, b))
			.isZero();

		assertThat(merge(a, b, versionA + 1, versionB, null)).hasStatus(HttpStatus.UNPROCESSABLE_ENTITY)
			.bodyText()
			.contains("Choisissez la fiche à garder.");
		assertThat(count("select count(*) from actor where id in (?, ?)", a, b)).isEqualTo(2);
	}

	@Test
	void unknownActorsAnswerNotFoundOrAMessage() {
		long actor = actor("Passerelle " + this.word, "59512", null, null, false);
		assertThat(get("/moderation/doublons/fusion?a=" + actor + "&b=" + Long.MAX_VALUE))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(get("/moderation/doublons/fusion?a=" + actor + "&b=" + actor)).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(this.mvc.post()
			.uri("/moderation/doublons/ecarter")
			.param("a", Long.toString(actor))
			.param("b", Long.toString(Long.MAX_VALUE))
			.with(user(MODERATOR).roles("MODERATOR"))
			.with(csrf())).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(merge(actor, Long.MAX_VALUE, 0, 0, actor)).hasRedirectedUrl("/moderation/doublons");
		assertThat(get("/moderation/doublons?acteur=pas-une-fiche-" + this.word)).hasStatusOk()
			.bodyText()
			.contains("Aucune fiche ne porte ce numéro ou cette adresse.");
		assertThat(this.mvc.get()
			.uri("/moderation/doublons")
			.param("acteur", " ")
			.with(user(MODERATOR).roles("MODERATOR"))).hasStatusOk()
			.bodyText()
			.contains("Saisissez le numéro ou l’adresse d’une fiche.");
	}

	@Test
	void everyTableThatReferencesActorsIsHandledByTheMerge() {
		// a new reference must be moved (or dropped on purpose) by directory.ActorMerger,
		// or by its owner module on directory.ActorsMerging, then listed here
		assertThat(this.jdbc.sql("""
				select c.conrelid::regclass::text || '.' || a.attname from pg_constraint c
				join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any (c.conkey)
				where c.contype = 'f' and c.confrelid = 'actor'::regclass""").query(String.class).list())
			.containsExactlyInAnyOrder("actor_slug_redirect.actor_id", "actor_network.actor_id",
					"contact_person.actor_id", "project.lead_actor_id", "project_actor.actor_id", "submission.actor_id",
					"access_link.actor_id", "duplicate_dismissal.actor_a", "duplicate_dismissal.actor_b",
					"campaign_recipient.actor_id", "actor_legacy_id.actor_id");
	}

	/**
	 * Confirms the merge of a and b, seen at these versions, keeping one of them (or
	 * none).
	 */
	private MvcTestResult merge(long a, long b, int versionA, int versionB, Long kept) {
		var request = this.mvc.post()
			.uri("/moderation/doublons/fusion")
			.param("a", Long.toString(a))
			.param("b", Long.toString(b))
			.param("versionA", Integer.toString(versionA))
			.param("versionB", Integer.toString(versionB))
			.with(user(MODERATOR).roles("MODERATOR"))
			.with(csrf());
		if (kept != null) {
			request = request.param("survivor", Long.toString(kept));
		}
		return request.exchange();
	}

	private MvcTestResult get(String uri) {
		return this.mvc.get().uri(uri).with(user(MODERATOR).roles("MODERATOR")).exchange();
	}

	private long actor(String name, String commune, String siret, String rna, boolean published) {
		long id = this.jdbc.sql("""
				insert into actor (slug, name, actor_type_code, commune_insee, siren_siret, rna, status,
				                   publication_consent, published)
				values (:slug, :name, 'association-solidarite-internationale', :commune, :siret, :rna, 'ACTIVE',
				        :published, :published)
				returning id""")
			.param("slug", "doublon-" + letters(12).toLowerCase())
			.param("name", name)
			.param("commune", commune)
			.param("siret", siret)
			.param("rna", rna)
			.param("published", published)
			.query(Long.class)
			.single();
		this.actors.add(id);
		return id;
	}

	private long project(String title, long leadActor) {
		long id = this.jdbc.sql("""
				insert into project (slug, title, lead_actor_id, kind, nature, status, published)
				values (:slug, :title, :lead, 'COOPERATION', 'TRAINING', 'ONGOING', true) returning id""")
			.param("slug", "doublon-projet-" + letters(12).toLowerCase())
			.param("title", title)
			.param("lead", leadActor)
			.query(Long.class)
			.single();
		this.jdbc.sql("insert into project_country (project_id, country_iso2) values (?, 'SN')").param(id).update();
		this.projects.add(id);
		return id;
	}

	/** Rows inserted in SQL are indexed as the application's writes would be. */
	private void index(long survivor, long merged, long... projectIds) {
		this.transaction.executeWithoutResult((status) -> {
			var plan = Search.session(this.entityManager).indexingPlan();
			for (long actor : Set.of(survivor, merged)) {
				plan.addOrUpdate(this.entityManager.find(Actor.class, actor));
			}
			for (long project : projectIds) {
				plan.addOrUpdate(this.entityManager.find(Project.class, project));
			}
		});
	}

	private long mailing(int campaign) {
		return this.jdbc.sql("""
				insert into campaign_mailing (campaign_id, kind, requested_by, planned, finished_at)
				values (?, 'INVITATION', ?, 1, now()) returning id""")
			.params(campaign, MODERATOR)
			.query(Long.class)
			.single();
	}

	private void recipient(long mailing, long actor, int campaign, String kind) {
		this.jdbc.sql("""
				insert into campaign_recipient (mailing_id, actor_id, campaign_id, kind, outcome, email)
				values (?, ?, ?, ?, 'QUEUED', 'caravane@asso.example')""")
			.params(mailing, actor, campaign, kind)
			.update();
	}

	private String name(long actor) {
		return this.jdbc.sql("select name from actor where id = ?").param(actor).query(String.class).single();
	}

	private String slug(long actor) {
		return this.jdbc.sql("select slug from actor where id = ?").param(actor).query(String.class).single();
	}

	private int version(long actor) {
		return this.jdbc.sql("select version from actor where id = ?").param(actor).query(Integer.class).single();
	}

	private long count(String sql, Object... params) {
		return this.jdbc.sql(sql).params(params).query(Long.class).single();
	}

	/** A valid SIREN: eight random digits and their Luhn check digit. */
	private static String siren() {
		String digits = "9" + digits(7);
		return digits + check(digits);
	}

	/** A valid SIRET of an establishment of this SIREN. */
	private static String siret(String siren) {
		String digits = siren + digits(4);
		String siret = digits + check(digits);
		assertThat(Identifiers.isValidSirenOrSiret(siret)).isTrue();
		return siret;
	}

	private static int check(String digits) {
		for (int candidate = 0; candidate < 10; candidate++) {
			if (Identifiers.isLuhnValid(digits + candidate)) {
				return candidate;
			}
		}
		throw new IllegalStateException();
	}

	private static String digits(int count) {
		StringBuilder digits = new StringBuilder();
		ThreadLocalRandom.current().ints(count, 0, 10).forEach(digits::append);
		return digits.toString();
	}

	private static String letters(int count) {
		StringBuilder letters = new StringBuilder();
		ThreadLocalRandom.current().ints(count, 'a', 'z' + 1).forEach((c) -> letters.append((char) c));
		return letters.toString();
	}

}
