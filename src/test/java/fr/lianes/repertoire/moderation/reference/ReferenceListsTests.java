package fr.lianes.repertoire.moderation.reference;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.lianes.repertoire.search.SearchReindexer;
import fr.lianes.repertoire.reference.ReferenceData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Administrators manage the domains, actor types and territories; the public pages, the
 * facets and the search follow. Runs on the shared demo database: entries it adds are
 * named "Essai…" and removed after each test, entries it renames are renamed back.
 */
@SpringBootTest(properties = "repertoire.reindex.batch-size=20")
@AutoConfigureMockMvc
class ReferenceListsTests {

	static final String BASE = "/moderation/administration/referentiels";

	private static final Pattern STATUS = Pattern.compile("role=\"status\"[^>]*>([^<]*)<");

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ReferenceData reference;

	@Autowired
	private SearchReindexer reindexer;

	@AfterEach
	void removeTestEntries() {
		this.jdbc.sql("delete from domain where parent_id in (select id from domain where slug like 'essai-%')")
			.update();
		this.jdbc.sql("delete from domain where slug like 'essai-%'").update();
		this.jdbc.sql("delete from actor_type where code like 'essai-%'").update();
		this.jdbc.sql("delete from territory where slug like 'essai-%'").update();
		this.reference.refresh();
	}

	@Test
	void everyListPageOpensForAnAdministrator() {
		for (String page : new String[] { BASE, BASE + "/domaines", BASE + "/domaines/sante",
				BASE + "/domaines/acces-eau", BASE + "/types-acteurs", BASE + "/types-acteurs/commune",
				BASE + "/territoires", BASE + "/territoires/dunkerquois" }) {
			assertThat(get(page)).as(page).hasStatusOk().bodyText().contains("<h1").doesNotContain("??");
		}
		assertThat(get(BASE + "/domaines/sante")).bodyText()
			.contains("Santé")
			.contains("Nutrition")
			.doesNotContain("12240 –");
		assertThat(get(BASE + "/domaines/nutrition")).bodyText().contains("12240 – Nutrition de base");
		assertThat(get(BASE + "/territoires/dunkerquois")).bodyText().contains("CU de Dunkerque");
		assertThat(get("/moderation")).bodyText().contains("href=\"" + BASE + "\"");
		assertThat(this.mvc.get().uri("/moderation").with(user("m@lianes.example").roles("MODERATOR"))).bodyText()
			.doesNotContain("href=\"" + BASE + "\"");
		assertThat(get(BASE + "/domaines/inexistant")).hasStatus(404);
		assertThat(get(BASE + "/types-acteurs/inexistant")).hasStatus(404);
		assertThat(post(BASE + "/territoires/inexistant/suppression", form())).hasStatus(404);
	}

	@Test
	void aDomainAndItsSubDomainsAreAddedMovedAndDeleted() throws Exception {
		assertThat(post(BASE + "/domaines", form("name", "Essai numérique", "dacCodes", "22040")))
			.hasRedirectedUrl(BASE + "/domaines#essai-numerique");
		assertThat(post(BASE + "/domaines", form("name", "Essai fablabs", "parent", "essai-numerique")))
			.hasStatus3xxRedirection();
		assertThat(post(BASE + "/domaines",
				form("name", "Essai inclusion numérique", "slug", "essai-inclusion", "parent", "essai-numerique")))
			.hasStatus3xxRedirection();
		assertThat(this.jdbc.sql("""
				select string_agg(d.slug || ':' || d.position, ',' order by d.position) from domain d
				join domain p on p.id = d.parent_id where p.slug = 'essai-numerique'""").query(String.class).single())
			.isEqualTo("essai-fablabs:1,essai-inclusion:2");
		assertThat(this.jdbc.sql("""
				select dac_code from domain_dac_sector s join domain d on d.id = s.domain_id
				where d.slug = 'essai-numerique'""").query(String.class).single()).isEqualTo("22040");

		// the public pages and the questionnaire's choices know them at once
		assertThat(this.mvc.get().uri("/domaines")).bodyText().contains("Essai numérique").contains("Essai fablabs");
		assertThat(this.mvc.get().uri("/domaines/essai-inclusion")).hasStatusOk()
			.bodyText()
			.contains("Essai inclusion numérique");
		assertThat(this.reference.subDomains(this.reference.domain("essai-numerique").orElseThrow().id()))
			.extracting("slug")
			.containsExactly("essai-fablabs", "essai-inclusion");

		assertThat(post(BASE + "/domaines/essai-inclusion/deplacement", form("sens", "haut")))
			.hasRedirectedUrl(BASE + "/domaines#essai-inclusion");
		assertThat(this.reference.subDomains(this.reference.domain("essai-numerique").orElseThrow().id()))
			.extracting("slug")
			.containsExactly("essai-inclusion", "essai-fablabs");
		String list = get(BASE + "/domaines").getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(list.indexOf("Essai inclusion numérique")).isLessThan(list.indexOf("Essai fablabs"));
		assertThat(post(BASE + "/domaines/essai-inclusion/deplacement", form("sens", "nulle-part"))).hasStatus(400);

		assertThat(post(BASE + "/domaines/essai-numerique/suppression", form())).hasStatus(409)
			.bodyText()
			.contains("« Essai numérique » ne peut pas être supprimé")
			.contains("il a 2 sous-domaines ; supprimez-les d’abord.");
		assertThat(post(BASE + "/domaines/essai-fablabs/suppression", form())).hasRedirectedUrl(BASE + "/domaines");
		assertThat(post(BASE + "/domaines/essai-inclusion/suppression", form())).hasStatus3xxRedirection();
		assertThat(post(BASE + "/domaines/essai-numerique/suppression", form())).hasStatus3xxRedirection();
		assertThat(this.jdbc.sql("select count(*) from domain where slug like 'essai-%'").query(Long.class).single())
			.isZero();
		assertThat(this.mvc.get().uri("/domaines/essai-numerique")).hasStatus(404);
	}

	@Test
	void actorTypesAndTerritoriesAreAddedMovedAndDeleted() {
		assertThat(post(BASE + "/types-acteurs",
				form("name", "Essai coopérative", "family", "ECONOMIC", "iatiOrgType", "70")))
			.hasRedirectedUrl(BASE + "/types-acteurs#essai-cooperative");
		assertThat(this.reference.actorTypes()).last().extracting("code").isEqualTo("essai-cooperative");
		assertThat(post(BASE + "/types-acteurs/essai-cooperative",
				form("name", "Essai société coopérative", "family", "OTHER", "iatiOrgType", "90")))
			.hasRedirectedUrl(BASE + "/types-acteurs/essai-cooperative");
		assertThat(this.jdbc
			.sql("select name || '/' || family || '/' || iati_org_type from actor_type "
					+ "where code = 'essai-cooperative'")
			.query(String.class)
			.single()).isEqualTo("Essai société coopérative/OTHER/90");
		assertThat(post(BASE + "/types-acteurs/essai-cooperative/deplacement", form("sens", "haut")))
			.hasStatus3xxRedirection();
		assertThat(this.reference.actorTypes().get(this.reference.actorTypes().size() - 2).code())
			.isEqualTo("essai-cooperative");
		assertThat(post(BASE + "/types-acteurs/essai-cooperative/suppression", form())).hasStatus3xxRedirection();
		assertThat(this.reference.actorType("essai-cooperative")).isEmpty();

		assertThat(post(BASE + "/territoires", form("name", "Essai littoral"))).hasStatus3xxRedirection();
		assertThat(post(BASE + "/territoires", form("name", "Essai bocage", "slug", "essai-bocage-avesnois")))
			.hasStatus3xxRedirection();
		assertThat(this.mvc.get().uri("/territoires/essai-bocage-avesnois")).hasStatusOk()
			.bodyText()
			.contains("Essai bocage");
		assertThat(post(BASE + "/territoires/essai-bocage-avesnois/deplacement", form("sens", "haut")))
			.hasStatus3xxRedirection();
		assertThat(this.reference.territories()).extracting("slug").endsWith("essai-bocage-avesnois", "essai-littoral");
		assertThat(post(BASE + "/territoires/essai-littoral/suppression", form())).hasStatus3xxRedirection();
		assertThat(this.reference.territory("essai-littoral")).isEmpty();
	}

	@Test
	void badInputGetsFrenchMessagesNextToTheFields() {
		assertThat(post(BASE + "/domaines", form("name", " "))).hasStatus(422)
			.bodyText()
			.contains("class=\"error-summary\"")
			.contains("href=\"#name\"")
			.containsPattern(
					"id=\"name-erreur\">\\s*<span[^>]*>Erreur :</span>\\s*<span>Ce champ est obligatoire.</span>")
			.contains("aria-invalid=\"true\"");
		assertThat(post(BASE + "/domaines", form("name", "x".repeat(121)))).hasStatus(422)
			.bodyText()
			.contains("120 caractères au plus.");
		assertThat(post(BASE + "/domaines", form("name", "SANTE"))).hasStatus(422)
			.bodyText()
			.contains("Ce nom est déjà utilisé dans cette liste.");
		assertThat(post(BASE + "/domaines", form("name", "Essai", "slug", "Avec Espaces"))).hasStatus(422)
			.bodyText()
			.contains("Utilisez seulement des lettres minuscules sans accent");
		assertThat(post(BASE + "/domaines", form("name", "Essai", "slug", "sante"))).hasStatus(422)
			.bodyText()
			.contains("L’adresse « sante » est déjà prise");
		assertThat(post(BASE + "/domaines", form("name", "Essai", "parent", "nutrition"))).hasStatus(422)
			.bodyText()
			.contains("Choisissez un domaine principal de la liste.");
		assertThat(post(BASE + "/domaines", form("name", "Essai", "dacCodes", "11220 99999 abc"))).hasStatus(422)
			.bodyText()
			.contains("Codes CAD inconnus : 99999, abc.");
		assertThat(post(BASE + "/domaines/sante", form("name", "Éducation"))).hasStatus(422)
			.bodyText()
			.contains("Ce nom est déjà utilisé dans cette liste.");
		assertThat(post(BASE + "/types-acteurs", form("name", "Essai", "family", "XYZ", "iatiOrgType", "99")))
			.hasStatus(422)
			.bodyText()
			.containsPattern("id=\"family-erreur\">\\s*<span[^>]*>Erreur :</span>\\s*<span>Choisissez une valeur")
			.containsPattern("id=\"iatiOrgType-erreur\">\\s*<span[^>]*>Erreur :</span>\\s*<span>Choisissez une valeur");
		assertThat(post(BASE + "/types-acteurs", form("name", "Commune", "family", "OTHER", "iatiOrgType", "90")))
			.hasStatus(422)
			.bodyText()
			.contains("Ce nom est déjà utilisé dans cette liste.");
		assertThat(post(BASE + "/types-acteurs",
				form("name", "Essai", "code", "commune", "family", "OTHER", "iatiOrgType", "90")))
			.hasStatus(422)
			.bodyText()
			.contains("Le code « commune » est déjà pris");
		assertThat(post(BASE + "/territoires", form("name", "dunkerquois"))).hasStatus(422)
			.bodyText()
			.contains("Ce nom est déjà utilisé dans cette liste.");
		assertThat(post(BASE + "/territoires/dunkerquois/intercommunalites", form("epci", "123456789"))).hasStatus(422)
			.bodyText()
			.containsPattern("id=\"epci-erreur\">\\s*<span[^>]*>Erreur :</span>\\s*<span>Choisissez une valeur");
		assertThat(this.jdbc.sql("select count(*) from domain where name = 'Essai'").query(Long.class).single())
			.isZero();
	}

	@Test
	void entriesStillInUseAreNotDeleted() {
		long projects = this.jdbc
			.sql("""
					select count(*) from project_domain pd join domain d on d.id = pd.domain_id where d.slug = 'nutrition'""")
			.query(Long.class)
			.single();
		assertThat(projects).isPositive();
		assertThat(post(BASE + "/domaines/nutrition/suppression", form())).hasStatus(409)
			.bodyText()
			.contains("« Nutrition » ne peut pas être supprimé, car il est encore utilisé :")
			.contains(projects + " projets y sont classés ; classez-les ailleurs d’abord.");
		assertThat(post(BASE + "/domaines/sante/suppression", form())).hasStatus(409)
			.bodyText()
			.contains("il a 4 sous-domaines");
		assertThat(post(BASE + "/types-acteurs/commune/suppression", form())).hasStatus(409)
			.bodyText()
			.contains("acteurs ont ce type ; changez leur type d’abord.");
		assertThat(post(BASE + "/territoires/dunkerquois/suppression", form())).hasStatus(409)
			.bodyText()
			.contains("intercommunalités en font partie ; rattachez-les à un autre territoire d’abord.");
		assertThat(this.reference.domain("nutrition")).isPresent();
		assertThat(this.reference.actorType("commune")).isPresent();
		assertThat(this.reference.territory("dunkerquois")).isPresent();
	}

	@Test
	void aRenamedDomainShowsOnThePublicPagesInTheFacetsAndInTheSearch() throws Exception {
		long projects = this.jdbc.sql("""
				select count(distinct pp.id) from public_project pp join project_domain pd on pd.project_id = pp.id
				join domain d on d.id = pd.domain_id where d.slug = 'maraichage'""").query(Long.class).single();
		long actors = this.jdbc
			.sql("""
					select count(distinct ap.actor_id) from actor_project ap join project_domain pd on pd.project_id = ap.project_id
					join domain d on d.id = pd.domain_id where d.slug = 'maraichage'""")
			.query(Long.class)
			.single();
		// the lists and their facets show the registered actors (active and dormant)
		long registered = this.jdbc
			.sql("""
					select count(distinct ap.actor_id) from actor_project ap join project_domain pd on pd.project_id = ap.project_id
					join domain d on d.id = pd.domain_id join actor a on a.id = ap.actor_id
					where d.slug = 'maraichage' and a.status <> 'CEASED'""")
			.query(Long.class)
			.single();
		assertThat(projects).isPositive();
		assertThat(count("/projets?q=biointensif")).isZero();
		try {
			MvcTestResult renamed = post(BASE + "/domaines/maraichage", form("name", "Maraîchage biointensif"));
			assertThat(renamed).hasRedirectedUrl(BASE + "/domaines/maraichage");
			assertThat(renamed).flash().containsEntry("reindexTotal", projects + actors);
			assertThat(this.mvc.get().uri("/domaines/maraichage")).bodyText()
				.contains("<h1>Maraîchage biointensif</h1>");
			assertThat(facet("/acteurs?domaine=developpement-rural", "domaine", "maraichage"))
				.isEqualTo("Maraîchage biointensif " + registered);
			awaitReindexed();
			assertThat(count("/projets?q=biointensif")).isEqualTo(projects);
			assertThat(count("/acteurs?q=biointensif")).isEqualTo(registered);
		}
		finally {
			assertThat(post(BASE + "/domaines/maraichage", form("name", "Maraîchage"))).hasStatus3xxRedirection();
			awaitReindexed();
		}
		assertThat(count("/projets?q=biointensif")).isZero();
		assertThat(facet("/acteurs?domaine=developpement-rural", "domaine", "maraichage"))
			.isEqualTo("Maraîchage " + registered);
	}

	@Test
	void aRenamedActorTypeShowsInTheFacetsAndInTheSearch() throws Exception {
		long actors = this.jdbc.sql(
				"select count(*) from actor where published and status <> 'CEASED' and actor_type_code = 'comite-jumelage'")
			.query(Long.class)
			.single();
		assertThat(actors).isPositive();
		assertThat(count("/acteurs?q=quadripartite")).isZero();
		try {
			assertThat(post(BASE + "/types-acteurs/comite-jumelage",
					form("name", "Comité de jumelage quadripartite", "family", "ASSOCIATIONS", "iatiOrgType", "22")))
				.hasStatus3xxRedirection();
			assertThat(facet("/acteurs", "type", "comite-jumelage"))
				.isEqualTo("Comité de jumelage quadripartite " + actors);
			awaitReindexed();
			assertThat(count("/acteurs?q=quadripartite")).isEqualTo(actors);
		}
		finally {
			assertThat(post(BASE + "/types-acteurs/comite-jumelage",
					form("name", "Comité de jumelage", "family", "ASSOCIATIONS", "iatiOrgType", "22")))
				.hasStatus3xxRedirection();
			awaitReindexed();
		}
		assertThat(count("/acteurs?q=quadripartite")).isZero();
	}

	@Test
	void aRenamedTerritoryAndAMovedEpciShowInTheFacetsAndInTheSearch() throws Exception {
		long dunkerquois = publishedActorsIn("dunkerquois");
		long flandre = publishedActorsIn("flandre-interieure");
		// CA Coeur de Flandre, in Flandre intérieure
		long moved = this.jdbc.sql("""
				select count(*) from actor a join commune c on c.insee_code = a.commune_insee
				where a.published and a.status <> 'CEASED' and c.epci_siren = '200040947'""")
			.query(Long.class)
			.single();
		assertThat(moved).isPositive();
		assertThat(count("/acteurs?q=septentrional")).isZero();
		try {
			assertThat(post(BASE + "/territoires/dunkerquois", form("name", "Dunkerquois septentrional")))
				.hasStatus3xxRedirection();
			assertThat(this.mvc.get().uri("/territoires/dunkerquois")).bodyText()
				.contains("<h1>Dunkerquois septentrional</h1>");
			MvcTestResult attached = post(BASE + "/territoires/dunkerquois/intercommunalites",
					form("epci", "200040947"));
			assertThat(attached).hasRedirectedUrl(BASE + "/territoires/dunkerquois");
			assertThat(attached).flash().containsEntry("notice", "reference.admin.notice.attached");
			awaitReindexed();
			assertThat(facet("/acteurs", "territoire", "dunkerquois"))
				.isEqualTo("Dunkerquois septentrional " + (dunkerquois + moved));
			assertThat(facet("/acteurs", "territoire", "flandre-interieure"))
				.isEqualTo("Flandre intérieure " + (flandre - moved));
			assertThat(count("/acteurs?q=septentrional")).isEqualTo(dunkerquois + moved);
			assertThat(count("/acteurs?territoire=dunkerquois")).isEqualTo(dunkerquois + moved);
		}
		finally {
			assertThat(post(BASE + "/territoires/flandre-interieure/intercommunalites", form("epci", "200040947")))
				.hasStatus3xxRedirection();
			assertThat(post(BASE + "/territoires/dunkerquois", form("name", "Dunkerquois"))).hasStatus3xxRedirection();
			awaitReindexed();
		}
		assertThat(facet("/acteurs", "territoire", "dunkerquois")).isEqualTo("Dunkerquois " + dunkerquois);
		assertThat(facet("/acteurs", "territoire", "flandre-interieure")).isEqualTo("Flandre intérieure " + flandre);
		assertThat(count("/acteurs?q=septentrional")).isZero();
	}

	@Test
	void aNoticeNamesTheSearchEntriesBeingUpdated() {
		assertThat(this.mvc.get()
			.uri(BASE + "/domaines/sante")
			.with(user("admin@lianes.example").roles("ADMIN"))
			.flashAttr("notice", "reference.admin.notice.saved")
			.flashAttr("noticeArgs", new Object[] { "Santé" })
			.flashAttr("reindexTotal", 1234L)).bodyText()
			.contains("« Santé » a été enregistré.")
			.containsPattern("1.234 fiches de la recherche sont mises à jour en arrière-plan")
			.contains("href=\"/moderation/administration/index\"");
	}

	private long publishedActorsIn(String territory) {
		return this.jdbc.sql("""
				select count(*) from actor a join commune c on c.insee_code = a.commune_insee
				join epci e on e.siren = c.epci_siren join territory t on t.id = e.territory_id
				where a.published and a.status <> 'CEASED' and t.slug = :slug""")
			.param("slug", territory)
			.query(Long.class)
			.single();
	}

	private void awaitReindexed() {
		await().atMost(Duration.ofMinutes(2)).until(() -> !this.reindexer.isBusy());
	}

	/** The number of results a public list announces. */
	private long count(String url) throws Exception {
		Matcher matcher = STATUS.matcher(this.mvc.get().uri(url).exchange().getResponse().getContentAsString());
		assertThat(matcher.find()).as("a role=status element on " + url).isTrue();
		String digits = matcher.group(1).replaceAll("[^0-9]", "");
		return digits.isEmpty() ? 0 : Long.parseLong(digits);
	}

	/** The label and count of a facet value on a public list, e.g. "Maraîchage 12". */
	private String facet(String url, String facet, String value) throws Exception {
		String html = this.mvc.get().uri(url).exchange().getResponse().getContentAsString();
		Matcher matcher = Pattern
			.compile("<label for=\"f-" + facet + "-" + value
					+ "\">\\s*<span>([^<]*)</span>\\s*<span class=\"count\">([^<]*)</span>")
			.matcher(html);
		assertThat(matcher.find()).as(facet + "=" + value + " on " + url).isTrue();
		return matcher.group(1) + " " + matcher.group(2).replaceAll("[^0-9]", "");
	}

	private MvcTestResult get(String url) {
		return this.mvc.get().uri(url).with(user("admin@lianes.example").roles("ADMIN")).exchange();
	}

	private MvcTestResult post(String url, MultiValueMap<String, String> form) {
		return this.mvc.post()
			.uri(url)
			.params(form)
			.with(user("admin@lianes.example").roles("ADMIN"))
			.with(csrf())
			.exchange();
	}

	private static MultiValueMap<String, String> form(String... pairs) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			form.add(pairs[i], pairs[i + 1]);
		}
		return form;
	}

}
